/**
 * Lengths a staff password must have, counted in characters. Any characters are allowed and
 * nothing else is required of a password (OWASP ASVS 4.0 V2.1.1, V2.1.2, V2.1.9 allow 64
 * characters at least and forbid composition rules); argon2 hashes the whole of it.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
