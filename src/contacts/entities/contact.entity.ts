import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { instantType } from '../../database/column-types';
import { Gender } from '../../citizens/citizen.types';
import { Channel, ContactOutcome } from '../contact.types';

/**
 * One citizen contact with the service center, whatever came of it. The gender is
 * copied here so the gender-split statistics survive deletion of the person.
 */
@Entity('contacts')
// Begins with startedAt, so it serves every lookup by start; the statistics read a period's
// contacts from it alone (src/database/migrations/1766700000300-statistics-covering-indexes.ts).
@Index('IDX_contacts_statistics_started', [
  'startedAt',
  'outcome',
  'channel',
  'servicePointCode',
  'catalogCode',
  'agentId',
  'gender',
  'endedAt',
])
@Index(['channel', 'startedAt'])
@Index(['servicePointCode', 'startedAt'])
@Index(['citizenId'])
// Begins with outcome and startedAt; the callbacks report and the service index read a period's
// owing contacts from it alone (src/database/migrations/1766700000500-callback-covering-indexes.ts).
@Index('IDX_contacts_statistics_outcome', [
  'outcome',
  'startedAt',
  'endedAt',
  'agentId',
  'channel',
  'servicePointCode',
  'catalogCode',
  'gender',
  'id',
])
// The e-mail contacts alone, by outcome then start: e-mail answers read the answered and referred
// ones from it alone (src/database/migrations/1766700001700-email-contacts-index.ts).
@Index(
  'IDX_contacts_email_outcome',
  ['outcome', 'startedAt', 'endedAt', 'agentId', 'servicePointCode', 'catalogCode', 'gender'],
  { where: `"channel" = 'email'` },
)
export class Contact {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  @ForeignKey('service_points')
  @Column({ type: 'varchar', length: 32, nullable: true })
  servicePointCode: string | null;

  @ForeignKey('staff_users')
  @Column({ type: 'varchar', length: 36, nullable: true })
  agentId: string | null;

  @Column({ type: instantType() })
  startedAt: Date;

  @Column({ type: instantType() })
  endedAt: Date;

  @Column({ type: 'text' })
  summary: string;

  @ForeignKey('catalog_entries')
  @Column({ type: 'varchar', length: 64, nullable: true })
  catalogCode: string | null;

  @Column({ type: 'varchar', length: 24 })
  outcome: ContactOutcome;

  @ForeignKey('citizens', { onDelete: 'SET NULL' })
  @Column({ type: 'varchar', length: 36, nullable: true })
  citizenId: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  gender: Gender | null;

  /**
   * A contact about a confidential matter (its catalog type is confidential, or a confidential
   * case came of it) follows the case's confidentiality: only `departmentCode`'s handlers,
   * managers and admins read its summary, type and citizen.
   */
  @Column({ type: 'boolean', default: () => 'false' })
  confidential: boolean;

  /** The department a confidential contact belongs to (its case's, or its type's); null otherwise. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  departmentCode: string | null;

  /** When the retention rules or an erasure removed the contact's personal data (UTC); null: not done. */
  @Column({ type: instantType(), nullable: true })
  anonymisedAt: Date | null;

  @CreateDateColumn({ type: instantType(), default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;
}
