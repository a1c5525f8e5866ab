import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instantType } from '../../database/column-types';
import { CaseStatus } from '../case-lifecycle';

/**
 * What happened to a case, appended and never changed: status changes, notes,
 * replies to the citizen, triage and routing decisions.
 */
export const CASE_EVENT_TYPES = [
  'created',
  'status',
  'note',
  'reply',
  'triage',
  'routing',
  'priority',
  'duplicate_flag',
  'notification',
  'service_target',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

@Entity('case_events')
@Index(['caseId', 'id'])
@Index(['type', 'at'])
export class CaseEvent {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @ForeignKey('cases', { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36 })
  caseId: string;

  @Column({ type: 'varchar', length: 24 })
  type: CaseEventType;

  /** The staff member, or null when the system itself acted (routing, a queue job). */
  @ForeignKey('staff_users')
  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus: CaseStatus | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  toStatus: CaseStatus | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'text', nullable: true })
  body: string | null;

  @Column({ type: 'simple-json', nullable: true })
  data: Record<string, unknown> | null;

  @Column({ type: instantType() })
  at: Date;
}
