import { Injectable, Logger } from '@nestjs/common';

/** Why a sign-in failed, as the log tells it (the caller is told only "wrong e-mail or password"). */
export type SignInFailure = 'unknown_account' | 'wrong_password' | 'inactive_account';

/** Who and where: the staff member's id when known, the hashed e-mail (signInAccountName), the client address. */
export interface SignInSubject {
  staffId: string | null;
  account: string;
  address: string;
}

/**
 * The security log of sign-in (OWASP ASVS 4.0 V7.1.1, V7.1.3, V7.2.1): one structured line per event,
 * `event` naming it. It never holds a password or a token, and names an e-mail address only by
 * its keyed hash (`account`); a staff member is named by id.
 */
@Injectable()
export class SignInLog {
  private readonly logger = new Logger('SignIn');

  succeeded(subject: SignInSubject, sessionId: string): void {
    this.logger.log({ event: 'sign_in_succeeded', ...subject, sessionId });
  }

  failed(subject: SignInSubject, reason: SignInFailure): void {
    this.logger.warn({ event: 'sign_in_failed', ...subject, reason });
  }

  /** The e-mail address reached its failure limit and is locked for `lockedForSeconds`. */
  locked(subject: SignInSubject, lockedForSeconds: number): void {
    this.logger.warn({ event: 'sign_in_locked', ...subject, lockedForSeconds });
  }

  /** An attempt refused without a check: its account is locked, or its address over its limit. */
  refused(subject: SignInSubject, limit: 'account' | 'address', retryAfterSeconds: number): void {
    this.logger.warn({ event: 'sign_in_refused', ...subject, limit, retryAfterSeconds });
  }

  unlocked(staffId: string, account: string, byStaffId: string, wasLocked: boolean): void {
    this.logger.log({ event: 'sign_in_unlocked', staffId, account, byStaffId, wasLocked });
  }

  loggedOut(staffId: string, sessionId: string): void {
    this.logger.log({ event: 'signed_out', staffId, sessionId });
  }

  /** `ended` sessions of a staff member ended at once, by `byStaffId` (themselves when they changed their password). */
  sessionsEnded(staffId: string, reason: string, ended: number, byStaffId: string): void {
    this.logger.log({ event: 'sessions_ended', staffId, reason, ended, byStaffId });
  }
}
