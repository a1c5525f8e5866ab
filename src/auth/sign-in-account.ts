import { createHash, createHmac } from 'node:crypto';

/**
 * The name a sign-in's e-mail address is counted and logged under: a keyed hash (HMAC-SHA-256,
 * 128 bits in hex) of the address in lower case, so that neither the rate-limit store nor the
 * log holds e-mail addresses in plain text, and nobody without the key can test a guess
 * against them. The same address always gives the same name, whether an account has it or not.
 *
 * @param key the installation's secret key material (PERSONAL_DATA_KEY); a label separates this use.
 */
export function signInAccountName(email: string, key: string): string {
  const derived = createHash('sha256').update(`onewayin sign-in account\0${key}`).digest();
  return createHmac('sha256', derived).update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
}
