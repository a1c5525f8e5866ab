import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instantType } from '../../database/column-types';
import { CaseAction, CaseStatus } from '../case-lifecycle';

/**
 * The kinds of timeline event (docs/cases.md, "The timeline"):
 * - `created`: the case was registered (or imported); `toStatus` is where it started.
 * - `status`: a lifecycle `action` moved it `fromStatus` -> `toStatus`, by a person or by the
 *   system (`actorId` null: the routing job's triage and routing).
 * - `correction`: staff corrected what was registered (`data.fields`, and the earlier description
 *   and location; never the citizen's details).
 * - `note`: an internal note by staff; `reply`: a reply to the citizen (`data.lix`).
 * - `notice`: something the system remarks on without changing the status, named by `topic`.
 * - `message`: information the citizen added themselves (`data.channel`: `web` from the tracking
 *   page); `actorId` null.
 */
export const CASE_EVENT_TYPES = ['created', 'status', 'correction', 'note', 'reply', 'notice', 'message'] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/**
 * What a notice is about: automatic triage left the case for an agent (`triage`), the case
 * stays with the service center (`routing`), it looks like a repeat of an open case
 * (`likely_duplicate`), a service target was missed (`service_target`), a message about the
 * case was sent or failed (`notification`), an urgent case came in while the service center was
 * closed and the on-call staff were alerted (`on_call`), the citizen added information through
 * their app (`citizen_update`, the text in `reason`).
 */
export const NOTICE_TOPICS = [
  'triage',
  'routing',
  'likely_duplicate',
  'service_target',
  'notification',
  'on_call',
  'citizen_update',
] as const;
export type NoticeTopic = (typeof NOTICE_TOPICS)[number];

/** One event on a case's timeline: appended, never changed. Times are UTC. */
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

  /** The lifecycle action of a `status` event; null for every other type. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  action: CaseAction | null;

  /** What a `notice` is about; null for every other type. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  topic: NoticeTopic | null;

  /** The staff member, or null when the system itself acted (routing, a queue job). */
  @ForeignKey('staff_users')
  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus: CaseStatus | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  toStatus: CaseStatus | null;

  /** Why, in words: given by the person acting, or the system's own explanation. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** The text of a note or a reply. */
  @Column({ type: 'text', nullable: true })
  body: string | null;

  /** The details of the step (which department, which rule, which catalog type ...). */
  @Column({ type: 'simple-json', nullable: true })
  data: Record<string, unknown> | null;

  @Column({ type: instantType() })
  at: Date;
}
