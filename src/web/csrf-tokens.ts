import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Anti-forgery tokens for the console's forms: the signed double-submit cookie of the OWASP
 * Cross-Site Request Forgery Prevention Cheat Sheet. Each browser holds a random nonce in an
 * HttpOnly cookie; a form carries HMAC(key, nonce | session), so a token is good only in the
 * browser that got it and only for the session it was made in (the sign-in form's session is
 * empty). Another site can neither read the cookie nor compute the token.
 */
export class CsrfTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('onewayin console anti-forgery tokens').digest();
  }

  /** A fresh nonce for a browser's cookie. */
  static newNonce(): string {
    return randomBytes(32).toString('base64url');
  }

  /** The token forms carry for this browser's nonce and session. */
  tokenFor(nonce: string, sessionId: string | null): string {
    return createHmac('sha256', this.key)
      .update(`${nonce}|${sessionId ?? ''}`)
      .digest('base64url');
  }

  /** Whether a token sent with a form is the one for this browser's nonce and session. */
  holds(token: string | undefined, nonce: string | undefined, sessionId: string | null): boolean {
    if (!token || !nonce) return false;
    const expected = Buffer.from(this.tokenFor(nonce, sessionId));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
