import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * A sign-in begun at `GET /api/v1/auth/oidc/login` and not yet finished: the values the callback
 * checks the provider's answer against. They travel in a cookie of the browser that began it, so
 * only that browser can finish it: the binding of `state` to the user agent that RFC 6749, 10.12
 * asks for against cross-site request forgery, and of `nonce` to the session that OpenID Connect
 * Core 1.0, 3.1.2.1 and 15.5.2 ask for against replayed ID tokens.
 */
export interface SignInAttempt {
  /** Sent as `state` and expected back with the code. */
  state: string;
  /** Sent as `nonce` and expected in the ID token. */
  nonce: string;
  /** The PKCE code verifier; its S256 challenge went with the authorization request (RFC 7636, 4.1-4.2). */
  codeVerifier: string;
  /** A path of this app to send the browser to with its token, or null for a JSON answer. */
  returnTo: string | null;
  /** Epoch milliseconds after which the attempt no longer counts. */
  expiresAt: number;
}

/** The cookie that carries a sealed sign-in attempt. */
export const SIGN_IN_ATTEMPT_COOKIE = 'onewayin_oidc';
/** How long a person has at the provider before the attempt lapses. */
export const SIGN_IN_ATTEMPT_SECONDS = 600;

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals sign-in attempts for their cookie with AES-256-GCM, so the browser can neither read the
 * PKCE verifier nor change a value; the key is derived from the token secret (HKDF-SHA256) and is
 * used for nothing else.
 */
export class SignInAttemptSealer {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'onewayin', 'oidc sign-in attempt', 32));
  }

  /** The attempt as a cookie value: base64url of IV, ciphertext and tag. */
  seal(attempt: SignInAttempt): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(JSON.stringify(attempt), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
  }

  /** The attempt a cookie value holds, or null when it is not one this app sealed or has lapsed at `now`. */
  open(value: string | undefined, now: Date): SignInAttempt | null {
    if (!value) return null;
    const bytes = Buffer.from(value, 'base64url');
    if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
    let attempt: SignInAttempt;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      const plain = Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
        decipher.final(),
      ]);
      attempt = JSON.parse(plain.toString('utf8')) as SignInAttempt;
    } catch {
      return null;
    }
    return attempt.expiresAt > now.getTime() ? attempt : null;
  }
}

/**
 * Whether `returnTo` is a path of this app that a browser may be sent to after sign-in: it starts
 * with one `/` and is not `//host` or `/\host` (which browsers read as another site), and holds
 * no backslash, control character or fragment (the token goes in the fragment). Anything else
 * would make the sign-in an open redirect that hands a token to another site.
 */
export function isAppPath(returnTo: string): boolean {
  return (
    returnTo.length <= 1000 &&
    /^\/(?![/\\])/.test(returnTo) &&
    // eslint-disable-next-line no-control-regex
    !/[\\#\u0000-\u001f\u007f]/.test(returnTo)
  );
}
