import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { instantType } from '../../database/column-types';
import { Priority } from '../../catalog/catalog.types';
import { Channel } from '../../contacts/contact.types';
import { CaseStatus } from '../case-lifecycle';

export type CaseSource = 'live' | 'import';

/** A matter that needs follow-up: a fault report, complaint, question or errand. */
@Entity('cases')
export class Case {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 16, unique: true })
  reference: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  catalogCode: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  departmentCode: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: CaseStatus;

  @Column({ type: 'varchar', length: 16, nullable: true })
  statusBeforeWaiting: CaseStatus | null;

  @Column({ type: 'varchar', length: 10 })
  priority: Priority;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  @Column({ type: 'varchar', length: 36, nullable: true })
  citizenId: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  postalCode: string | null;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng: number | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  contactId: string | null;

  @Column({ type: 'boolean', default: false })
  confidential: boolean;

  @Column({ type: 'varchar', length: 36, nullable: true })
  assigneeId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  duplicateOfId: string | null;

  /** Flagged at intake: probably the same fault as this open case; a person confirms with `duplicate`. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  likelyDuplicateOfId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;

  @Column({ type: instantType() })
  receivedAt: Date;

  @Column({ type: instantType(), nullable: true })
  firstResponseAt: Date | null;

  @Column({ type: instantType(), nullable: true })
  resolvedAt: Date | null;

  @Column({ type: instantType(), nullable: true })
  closedAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  reopenCount: number;

  @Column({ type: 'integer', default: 0 })
  returnCount: number;

  @Column({ type: 'varchar', length: 16 })
  source: CaseSource;

  @Column({ type: 'varchar', length: 100, nullable: true })
  externalId: string | null;

  @CreateDateColumn({ type: instantType() })
  createdAt: Date;

  @UpdateDateColumn({ type: instantType() })
  updatedAt: Date;
}
