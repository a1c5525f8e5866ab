import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { instantType } from '../../database/column-types';
import { TargetUnit } from '../service-target.types';

/**
 * The service target of one owed callback: by when the citizen must be called back, from the
 * callback policy in force when the contact was logged, and when it was made.
 */
@Entity('callback_targets')
@Index(['dueAt'])
// The statistics join a contact's callback target and read dueAt from this index alone.
@Index('IDX_callback_targets_due', ['contactId', 'dueAt'])
export class CallbackTarget {
  @ForeignKey('contacts', { onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  contactId: string;

  /** When the promise was given: the end of the contact. */
  @Column({ type: instantType() })
  promisedAt: Date;

  @Column({ type: instantType() })
  dueAt: Date;

  @Column({ type: 'varchar', length: 36, nullable: true })
  policyId: string | null;

  @Column({ type: 'double precision', nullable: true })
  targetValue: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  targetUnit: TargetUnit | null;

  @Column({ type: instantType(), nullable: true })
  warnedAt: Date | null;

  @Column({ type: instantType(), nullable: true })
  breachedAt: Date | null;

  /** When the callback was made (the callbacks area records it); null while it is still owed. */
  @Column({ type: instantType(), nullable: true })
  madeAt: Date | null;

  @CreateDateColumn({ type: instantType(), default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;
}
