import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { instantType } from '../../database/column-types';

export const SESSION_END_REASONS = ['logout', 'deactivated', 'password_changed', 'password_reset'] as const;
/** Why a session ended before its token expired. */
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/**
 * One sign-in: the access token carries this row's id (claim `sid`), and the auth guard looks the
 * row up on every request, so a session that ended (log-out, the account deactivated, the password
 * changed or reset) stops its token at once, before the token's own expiry (OWASP ASVS 4.0 V3.3.1,
 * V3.3.3). Rows past `expiresAt` are removed when their staff member next signs in.
 */
@Entity('staff_sessions')
export class StaffSession {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index()
  @ForeignKey('staff_users', { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: instantType() })
  startedAt: Date;

  /** When the token issued with the session expires (its `exp`). */
  @Column({ type: instantType() })
  expiresAt: Date;

  /** Null while the session is live. */
  @Column({ type: instantType(), nullable: true })
  endedAt: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  endReason: SessionEndReason | null;
}
