import * as argon2 from 'argon2';

/** Passwords are kept as argon2id hashes. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** Whether the password matches the hash; never for a staff member without a password (null). */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (hash === null) return false;
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
