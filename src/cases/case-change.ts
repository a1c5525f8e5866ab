import { EntityManager } from 'typeorm';
import { CaseAction, CaseStatus } from './case-lifecycle';
import { CaseRecord, ServiceTargetState } from './case-record';

/**
 * What just happened to a case, as other areas hear of it: its registration (`register`), a
 * lifecycle action, or a reply to the citizen (`reply`). Read-only: a listener that must
 * change the case asks CaseWorkflowService.
 */
export interface CaseChangeEvent {
  readonly action: 'register' | CaseAction | 'reply';
  /** Null at registration. */
  readonly fromStatus: CaseStatus | null;
  readonly toStatus: CaseStatus;
  /** The staff member, or null for the system (a citizen channel, the routing job). */
  readonly actorId: string | null;
  /** UTC. */
  readonly at: Date;
  /** The case as it is after the change. */
  readonly case: CaseRecord;
}

/**
 * The areas that hear of case changes, in the order they hear: likely duplicates are flagged
 * first (so the rest see the flag), then due times are planned, then an urgent case that came in
 * while the service center was closed alerts the on-call staff, then the routing job, the
 * citizen's messages and the department webhooks are queued; last, the case's entry in the public
 * register follows the change. A new listener takes its place
 * here; the publisher refuses one that has none.
 */
export const CASE_LISTENER_ORDER = [
  'duplicates',
  'service-targets',
  'on-call',
  'routing',
  'notifications',
  'webhooks',
  'register',
] as const;
export type CaseListenerName = (typeof CASE_LISTENER_ORDER)[number];

/**
 * Listens to case changes from another area. It runs inside the case's own transaction
 * (`manager`), so what it writes (an outbox job, a due time) is committed together with the
 * change, or not at all.
 */
export interface CaseListener {
  readonly listenerName: CaseListenerName;
  onCaseChange(manager: EntityManager, event: CaseChangeEvent): Promise<void>;
  /**
   * What the listener stores on a new case's own row (the service-target plan), worked out
   * before the row is written, so the row is written once with it rather than written and then
   * changed. Called inside the intake's transaction before the case exists; `register` follows.
   */
  beforeRegister?(manager: EntityManager, newCase: CaseRecord): Promise<Partial<ServiceTargetState>>;
}
