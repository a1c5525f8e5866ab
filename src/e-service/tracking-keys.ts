import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The key that lets a citizen follow their own case at `/track/{reference}?key=…`, given in every
 * receipt. It is HMAC-SHA256 over the case's id with a key derived from the installation's
 * personal-data key, cut to 22 base64url characters (132 bits): nobody can guess it, nothing
 * needs storing, and every case has one, whichever channel it came by. Changing
 * PERSONAL_DATA_KEY (which nobody does lightly: it encrypts identity numbers) changes every key.
 */
export class TrackingKeys {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('onewayin case tracking keys').digest();
  }

  /** The tracking key of a case, by its id. */
  keyFor(caseId: string): string {
    return createHmac('sha256', this.key).update(caseId).digest('base64url').slice(0, 22);
  }

  /** Whether `given` is the case's key, compared in constant time. */
  holds(caseId: string, given: unknown): boolean {
    if (typeof given !== 'string') return false;
    const expected = Buffer.from(this.keyFor(caseId));
    const actual = Buffer.from(given);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  /** The tracking page's address: `{base}/track/{reference}?key=…`. */
  linkFor(baseUrl: string, reference: string, caseId: string): string {
    return `${baseUrl}/track/${encodeURIComponent(reference)}?key=${this.keyFor(caseId)}`;
  }
}
