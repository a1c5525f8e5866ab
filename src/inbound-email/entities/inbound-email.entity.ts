import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { instantType, usesPostgres } from '../../database/column-types';

/** What became of a message: `received` (waiting for its filing job), `filed` (on a case), `ignored`. */
export const INBOUND_EMAIL_STATUSES = ['received', 'filed', 'ignored'] as const;
export type InboundEmailStatus = (typeof INBOUND_EMAIL_STATUSES)[number];

/** Why a message made no case: an automatic reply (out of office and the like), a bounce, or no sender to answer. */
export type IgnoredReason = 'auto_reply' | 'bounce' | 'no_sender';

/**
 * One e-mail to the service center, stored whole (the raw RFC 822 bytes, attachments included)
 * in the transaction that queues its filing job, so nothing accepted is lost. Unique by its
 * Message-ID: the same message delivered twice is stored once. Times are UTC.
 */
@Entity('inbound_emails')
@Index(['messageId'], { unique: true })
@Index(['caseId', 'receivedAt'])
@Index(['status', 'receivedAt'])
export class InboundEmail {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The message's Message-ID with its angle brackets, `<…@…>`; for one without, `<sha256.<hex>@inbound>` of its bytes. */
  @Column({ type: 'varchar', length: 500 })
  messageId: string;

  /** When we received it (the SMTP transaction or the gateway's POST): the KKiK answer time runs from here. */
  @Column({ type: instantType() })
  receivedAt: Date;

  /** Bytes of `raw`. */
  @Column({ type: 'integer' })
  byteSize: number;

  /** The message exactly as it arrived. */
  @Column({ type: usesPostgres() ? 'bytea' : 'blob' })
  raw: Buffer;

  @Column({ type: 'varchar', length: 16 })
  status: InboundEmailStatus;

  @Column({ type: 'varchar', length: 32, nullable: true })
  ignoredReason: IgnoredReason | null;

  /** The case the message made or was added to. */
  @ForeignKey('cases', { onDelete: 'SET NULL' })
  @Column({ type: 'varchar', length: 36, nullable: true })
  caseId: string | null;

  /** The contact (channel `email`) a new message was logged as. */
  @ForeignKey('contacts', { onDelete: 'SET NULL' })
  @Column({ type: 'varchar', length: 36, nullable: true })
  contactId: string | null;

  @Column({ type: instantType(), nullable: true })
  filedAt: Date | null;
}
