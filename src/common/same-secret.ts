import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether a secret given by a caller is the expected one, compared through fixed-length SHA-256
 * digests in constant time, so the answer time tells nothing about the secret or its length.
 */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
