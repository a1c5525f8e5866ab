import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { instantType } from '../../database/column-types';
import { Priority } from '../../catalog/catalog.types';
import { Channel } from '../../contacts/contact.types';
import { CaseStatus } from '../case-lifecycle';

export type CaseSource = 'live' | 'import';

/** A matter that needs follow-up: a fault report, complaint, question or errand. */
@Entity('cases')
// Begins with status, so it serves every lookup by status; the backlog counts the open cases
// from it alone, and the case list takes a page of open cases' ids from it (src/database/
// migrations/1766700000200-open-cases-index.ts, 1766700001400-open-cases-index-with-id.ts).
@Index('IDX_cases_open_by_status', ['status', 'receivedAt', 'departmentCode', 'channel', 'catalogCode', 'id'])
// A department's cases by status, and a page of a department's cases from it alone
// (src/database/migrations/1766700001500-department-cases-index-with-receipt.ts).
@Index('IDX_cases_department_status', ['departmentCode', 'status', 'receivedAt', 'id'])
// Begins with receivedAt, so it also serves every lookup by receipt; the statistics read a
// period's cases from it alone, by gender too (src/database/migrations/
// 1766600000200-case-statistics-index.ts, 1766700001200-case-statistics-citizen-columns.ts).
@Index('IDX_cases_statistics_received', [
  'receivedAt',
  'status',
  'departmentCode',
  'channel',
  'catalogCode',
  'firstResponseAt',
  'resolvedAt',
  'firstResponseDueAt',
  'resolutionDueAt',
  'returnCount',
  'reopenCount',
  'citizenId',
  'citizenGender',
])
@Index(['catalogCode', 'receivedAt'])
// Partial: only the cases with a value, the only ones ever searched for
// (src/database/migrations/1766700000800-case-indexes-without-nulls.ts).
@Index('IDX_cases_citizen_id', ['citizenId'], { where: '"citizen_id" IS NOT NULL' })
@Index('IDX_cases_external_id', ['externalId'], { unique: true, where: '"external_id" IS NOT NULL' })
// E-mail answers read the e-mailed questions from it alone, a range per question type, by gender
// too; a case by another channel has no entry (src/database/migrations/
// 1766700001600-email-cases-index.ts).
@Index(
  'IDX_cases_email_catalog_received',
  ['catalogCode', 'receivedAt', 'status', 'departmentCode', 'firstResponseAt', 'citizenId', 'citizenGender'],
  { where: `"channel" = 'email'` },
)
@Index('IDX_cases_department_resolution_due', ['departmentCode', 'resolutionDueAt'])
@Index('IDX_cases_resolution_breached_at', ['resolutionBreachedAt'], { where: '"resolution_breached_at" IS NOT NULL' })
@Index('IDX_cases_first_response_breached_at', ['firstResponseBreachedAt'], {
  where: '"first_response_breached_at" IS NOT NULL',
})
@Index('IDX_cases_duplicate_of_id', ['duplicateOfId'], { where: '"duplicate_of_id" IS NOT NULL' })
@Index('IDX_cases_catalog_status_received', ['catalogCode', 'status', 'receivedAt'])
// Only the open cases with a service-target measure running, for the reconciler's walk by id
// (src/database/migrations/1766700000700-running-target-plans-index.ts).
@Index('IDX_cases_running_target_plans', ['id'], {
  where:
    `"status" IN ('new', 'triaged', 'routed', 'in_progress', 'waiting', 'returned', 'reopened') AND ` +
    '"target_plan_version" > 0 AND "target_paused_at" IS NULL AND (' +
    '"first_response_due_at" IS NOT NULL AND "first_response_at" IS NULL AND "first_response_breached_at" IS NULL OR ' +
    '"resolution_due_at" IS NOT NULL AND "resolved_at" IS NULL AND "resolution_breached_at" IS NULL)',
})
export class Case {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 16, unique: true })
  reference: string;

  @Column({ type: 'text' })
  description: string;

  @ForeignKey('catalog_entries')
  @Column({ type: 'varchar', length: 64, nullable: true })
  catalogCode: string | null;

  @ForeignKey('departments')
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

  @ForeignKey('citizens', { onDelete: 'SET NULL' })
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

  @ForeignKey('contacts', { onDelete: 'SET NULL' })
  @Column({ type: 'varchar', length: 36, nullable: true })
  contactId: string | null;

  @Column({ type: 'boolean', default: () => 'false' })
  confidential: boolean;

  @ForeignKey('staff_users')
  @Column({ type: 'varchar', length: 36, nullable: true })
  assigneeId: string | null;

  @ForeignKey('cases')
  @Column({ type: 'varchar', length: 36, nullable: true })
  duplicateOfId: string | null;

  /** Flagged at intake: probably the same fault as this open case; a person confirms with `duplicate`. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  likelyDuplicateOfId: string | null;

  @ForeignKey('staff_users')
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

  // Service targets (src/service-targets). Due times are UTC instants from the business
  // calendar; inboxes sort by resolutionDueAt and the statistics compare against both.
  @Column({ type: instantType(), nullable: true })
  firstResponseDueAt: Date | null;

  @Column({ type: instantType(), nullable: true })
  resolutionDueAt: Date | null;

  @Column({ type: instantType(), nullable: true })
  firstResponseWarnedAt: Date | null;

  @Column({ type: instantType(), nullable: true })
  resolutionWarnedAt: Date | null;

  @Column({ type: instantType(), nullable: true })
  firstResponseBreachedAt: Date | null;

  @Column({ type: instantType(), nullable: true })
  resolutionBreachedAt: Date | null;

  /** When the service-target clock started: receipt, or the last reopening. */
  @Column({ type: instantType(), nullable: true })
  targetClockStartedAt: Date | null;

  /** Set while the case waits: the clock is stopped. */
  @Column({ type: instantType(), nullable: true })
  targetPausedAt: Date | null;

  /** Working minutes spent waiting since the clock started; the due times are moved by them. */
  @Column({ type: 'double precision', default: 0 })
  targetPausedWorkingMinutes: number;

  /** Bumped on every re-plan; the warning and breach job keys carry it, so older jobs are stale. */
  @Column({ type: 'integer', default: 0 })
  targetPlanVersion: number;

  /** What the plan was made for ("catalog|priority|channel"): a change of any of them re-plans. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  targetPlanBasis: string | null;

  @Column({ type: 'integer', default: 0 })
  reopenCount: number;

  @Column({ type: 'integer', default: 0 })
  returnCount: number;

  @Column({ type: 'varchar', length: 16 })
  source: CaseSource;

  @Column({ type: 'varchar', length: 100, nullable: true })
  externalId: string | null;

  /**
   * The citizen's gender, which the statistics split by: held in step with the citizen by database
   * triggers whoever writes (migration 1766700001800), and kept when the retention rules or an
   * erasure remove the link, so the split survives the person's deletion. Null without a citizen,
   * or when the link was removed otherwise (a correction naming no one).
   */
  @Column({ type: 'varchar', length: 16, nullable: true })
  citizenGender: string | null;

  /** When the retention rules or an erasure removed the case's personal data (UTC); null: not done. */
  @Column({ type: instantType(), nullable: true })
  anonymisedAt: Date | null;

  @CreateDateColumn({ type: instantType(), default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;

  @UpdateDateColumn({ type: instantType(), default: () => 'CURRENT_TIMESTAMP' })
  updatedAt: Date;
}
