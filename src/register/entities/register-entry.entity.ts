import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { instantType } from '../../database/column-types';
import type { PublicStatus } from '../register-publication';

/**
 * A case's line in the public case register (diarium). Written when the case is registered and
 * kept in step with the case's status, department, type and confidentiality; its published text
 * (`summary`) is redacted when it is published (publish-register-entry.job.ts), never when read.
 * The public sees the entry once `publishedAt` is set, unless a handler withheld it.
 */
@Entity('register_entries')
@Index('IDX_register_entries_published_received', ['publishedAt', 'receivedAt'])
@Index('IDX_register_entries_department_received', ['departmentCode', 'receivedAt'])
@Index('IDX_register_entries_catalog_received', ['catalogCode', 'receivedAt'])
@Index('IDX_register_entries_due', ['publishedVersion', 'publishAfter'])
export class RegisterEntry {
  @ForeignKey('cases', { onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  caseId: string;

  /** The case's reference number, learnt from the case when published or changed (see the listener). */
  @Column({ type: 'varchar', length: 16 })
  reference: string;

  /** UTC: when the case was received. */
  @Column({ type: instantType() })
  receivedAt: Date;

  @Column({ type: 'varchar', length: 32, nullable: true })
  departmentCode: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  catalogCode: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: PublicStatus;

  @Column({ type: 'boolean', default: () => 'false' })
  confidential: boolean;

  /** The published text, redacted; null when nothing but the case's existence is published. */
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  /** `summary` in lower case, what the public search (`q`) looks in. */
  @Column({ type: 'text', nullable: true })
  searchText: string | null;

  /** A handler's own wording of the summary, published (redacted) instead of the case's description. */
  @Column({ type: 'text', nullable: true })
  editedSummary: string | null;

  @ForeignKey('staff_users')
  @Column({ type: 'varchar', length: 36, nullable: true })
  editedById: string | null;

  /** UTC. */
  @Column({ type: instantType(), nullable: true })
  editedAt: Date | null;

  /** A handler kept the case out of the public register. */
  @Column({ type: 'boolean', default: () => 'false' })
  withheld: boolean;

  /** UTC: received at plus the type's publication delay. */
  @Column({ type: instantType() })
  publishAfter: Date;

  /** Bumped whenever what is published must be worked out again (type, confidentiality, edit, rule). */
  @Column({ type: 'integer', default: 1 })
  planVersion: number;

  /** The plan version the published text was worked out for; 0 until first published. */
  @Column({ type: 'integer', default: 0 })
  publishedVersion: number;

  /** UTC: when the entry was first published. */
  @Column({ type: instantType(), nullable: true })
  publishedAt: Date | null;
}
