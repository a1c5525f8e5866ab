import { EntityManager } from 'typeorm';
import { NotFoundError } from '../common/domain-errors';
import { CaseAction, CaseStatus } from './case-lifecycle';
import { CaseEvent, CaseEventType, NoticeTopic } from './entities/case-event.entity';
import { Case } from './entities/case.entity';
import { insertReturningKey } from '../database/bulk-insert';
import { selectRow } from '../database/select-rows';

/** One event to append; what is not given is null. */
export interface NewCaseEvent {
  caseId: string;
  type: CaseEventType;
  actorId: string | null;
  at: Date;
  action?: CaseAction | null;
  topic?: NoticeTopic | null;
  fromStatus?: CaseStatus | null;
  toStatus?: CaseStatus | null;
  reason?: string | null;
  body?: string | null;
  data?: Record<string, unknown> | null;
}

/**
 * Appends one event to a case's timeline inside the caller's transaction. Events are never
 * updated. Only the cases area writes the timeline (CaseWorkflowService, and the import's
 * bulk writer).
 */
export async function appendCaseEvent(manager: EntityManager, event: NewCaseEvent): Promise<CaseEvent> {
  const created = manager.create(CaseEvent, {
    action: null,
    topic: null,
    fromStatus: null,
    toStatus: null,
    reason: null,
    body: null,
    data: null,
    ...event,
  });
  // One statement built by hand, the generated id read back onto `created`: TypeORM's `save`
  // would first work out whether the event is new, and its insert builder took longer than the
  // insert itself, on every step of every case.
  return insertReturningKey(manager, CaseEvent, created);
}

/**
 * Loads a case for a change. On PostgreSQL the row is locked until the transaction ends,
 * so two changes to one case queue; on SQLite the transaction queue already does that.
 *
 * @throws NotFoundError when there is no such case.
 */
export async function loadCaseForUpdate(manager: EntityManager, id: string): Promise<Case> {
  const found = await selectRow(manager, Case, { id }, { forUpdate: true });
  if (!found) throw new NotFoundError('Case', id);
  return found;
}
