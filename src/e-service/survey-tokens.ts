import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token of a case's satisfaction survey (`/survey/{token}`), given in the message that tells
 * the citizen their case is resolved: the case's id (16 bytes) and an HMAC-SHA256 tag over it (12
 * bytes) under a key derived from the installation's personal-data key, 38 base64url characters
 * in all. Nothing is stored; nobody can make the token of another case.
 */
export class SurveyTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('onewayin satisfaction survey tokens').digest();
  }

  /** The survey token of a case, by its id (a UUID). */
  tokenFor(caseId: string): string {
    const id = Buffer.from(caseId.replace(/-/g, ''), 'hex');
    return Buffer.concat([id, this.tag(id)]).toString('base64url');
  }

  /** The case id a token is for, or null when the token is not one of ours. */
  caseIdOf(token: unknown): string | null {
    if (typeof token !== 'string' || !/^[\w-]{38}$/.test(token)) return null;
    const bytes = Buffer.from(token, 'base64url');
    if (bytes.length !== 28) return null;
    const id = bytes.subarray(0, 16);
    if (!timingSafeEqual(bytes.subarray(16), this.tag(id))) return null;
    const hex = id.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** The survey's address: `{base}/survey/{token}`. */
  linkFor(baseUrl: string, caseId: string): string {
    return `${baseUrl}/survey/${this.tokenFor(caseId)}`;
  }

  private tag(id: Buffer): Buffer {
    return createHmac('sha256', this.key).update(id).digest().subarray(0, 12);
  }
}
