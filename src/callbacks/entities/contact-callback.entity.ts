import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { instantType } from '../../database/column-types';

/**
 * A promised callback that was made: the contact (outcome message_taken or callback_promised)
 * and when a staff member called the citizen back. At most one per contact; the contact itself
 * is the promise, so a callback owed is a contact without a row here.
 */
@Entity('contact_callbacks')
// The statistics join a contact's callback and read madeAt from this index alone.
@Index('IDX_contact_callbacks_made', ['contactId', 'madeAt'])
export class ContactCallback {
  @ForeignKey('contacts', { onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  contactId: string;

  @Column({ type: instantType() })
  madeAt: Date;

  /** Whether the citizen answered; a call that did not reach them still keeps the promise of calling. */
  @Column({ type: 'boolean', default: () => 'true' })
  reached: boolean;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @ForeignKey('staff_users')
  @Column({ type: 'varchar', length: 36, nullable: true })
  madeById: string | null;

  @CreateDateColumn({ type: instantType(), default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;
}
