import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instantType } from '../../database/column-types';

/**
 * What a message is: to the case's citizen a `receipt`, a `reply` or a `resolution` message; to the
 * on-call staff address (ON_CALL_EMAIL) an `on_call` alert about an urgent case that came in while
 * the service center was closed.
 */
export const NOTIFICATION_KINDS = ['receipt', 'resolution', 'reply', 'on_call'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The kinds that go to staff rather than to the citizen; they carry no personal data of the citizen. */
export const STAFF_NOTIFICATION_KINDS: readonly NotificationKind[] = ['on_call'];

export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_STATUSES = ['queued', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * One message about a case, and whether it went out: to the case's citizen, or (an on-call
 * alert) to the on-call staff address. The address itself is not kept here: the message is sent
 * to the address as it is at sending time (the citizen's, or ON_CALL_EMAIL), and staff see only
 * a masked form, enough to tell "which address" without spreading it.
 */
@Entity('notifications')
@Index(['caseId'])
@Index(['status', 'id'])
@Index('IDX_notifications_status_queued_at', ['status', 'queuedAt'])
export class Notification {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @ForeignKey('cases', { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36 })
  caseId: string;

  /** The citizen written to; null for a message to staff. */
  @ForeignKey('citizens', { onDelete: 'SET NULL' })
  @Column({ type: 'varchar', length: 36, nullable: true })
  citizenId: string | null;

  /** What the message is about, e.g. `notify:<caseId>:receipt`: one message per key, however often it is asked for. */
  @Column({ type: 'varchar', length: 200, unique: true })
  messageKey: string;

  @Column({ type: 'varchar', length: 16 })
  kind: NotificationKind;

  @Column({ type: 'varchar', length: 8 })
  channel: NotificationChannel;

  @Column({ type: 'varchar', length: 64, nullable: true })
  recipientMasked: string | null;

  /**
   * The timeline event whose text the message carries: for a reply the reply, for a resolution
   * the status change to resolved (its reason is the answer). Null for the rest.
   */
  @Column({ type: 'integer', nullable: true })
  eventId: number | null;

  @Column({ type: 'varchar', length: 8 })
  status: NotificationStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** How often an admin sent it again after it failed; each resend is a queue job of its own. */
  @Column({ type: 'integer', default: 0 })
  resendCount: number;

  /** The last failure, with e-mail addresses and phone numbers masked. */
  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: instantType(), default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;

  /** When it was last queued: planned, or sent again by an admin. Still queued long after, it is stuck. */
  @Column({ type: instantType() })
  queuedAt: Date;

  @Column({ type: instantType(), nullable: true })
  lastAttemptAt: Date | null;

  @Column({ type: instantType(), nullable: true })
  sentAt: Date | null;
}
