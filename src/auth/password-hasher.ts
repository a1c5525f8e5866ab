import { Injectable, OnModuleInit } from '@nestjs/common';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

/**
 * Passwords are kept as argon2id hashes (OWASP ASVS 4.0 V2.4.1; the library's default cost:
 * 64 MiB, 3 passes, 4 lanes).
 *
 * A sign-in for an e-mail that belongs to nobody is verified against `standInHash`, a hash
 * made at start-up with the same cost from a password nobody knows, so that it takes as long
 * as a wrong password for a real account (OWASP Authentication Cheat Sheet: the answer's time
 * must not tell whether an account exists).
 */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private standIn: string | undefined;

  async onModuleInit(): Promise<void> {
    this.standIn = await this.hash(randomBytes(32).toString('base64url'));
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  /**
   * Whether the password matches the hash; false for a malformed hash too, and for a staff member
   * without a password (null: they sign in through the identity provider only), against the
   * stand-in hash so the time is the same. Always runs argon2 once.
   */
  async verify(hash: string | null, password: string): Promise<boolean> {
    try {
      if (hash === null) {
        await argon2.verify(this.standInHash(), password);
        return false;
      }
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** An argon2id hash that no password is known to match, for verifying a sign-in without an account. */
  standInHash(): string {
    if (!this.standIn) throw new Error('PasswordHasher is used before its module was initialised');
    return this.standIn;
  }
}
