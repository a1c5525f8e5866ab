import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Onewayin-Signature';
export const TIMESTAMP_HEADER = 'X-Onewayin-Timestamp';
export const DELIVERY_HEADER = 'X-Onewayin-Delivery';
export const EVENT_HEADER = 'X-Onewayin-Event';

/** How far a receiver should let the timestamp be from its own clock. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * `sha256=<hex>` of HMAC-SHA256 with the department's secret over `<timestamp>.<raw body>`.
 * The timestamp is signed with the body, so a captured request replayed later carries an
 * old timestamp that cannot be changed without breaking the signature.
 */
export function webhookSignature(secret: string, timestampSeconds: number, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampSeconds}.${rawBody}`).digest('hex')}`;
}

/** What a receiver does, written out once in code (the docs give the same recipe). */
export function verifyWebhookSignature(
  secret: string,
  rawBody: string,
  timestampHeader: string,
  signatureHeader: string,
  nowSeconds: number,
): boolean {
  if (!/^\d{1,12}$/.test(timestampHeader)) return false;
  const timestamp = Number(timestampHeader);
  if (Math.abs(nowSeconds - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(webhookSignature(secret, timestamp, rawBody));
  const given = Buffer.from(signatureHeader);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
