/**
 * The case lifecycle, as plain rules: which action is allowed from which status and
 * where it leads. The server enforces these for every caller.
 *
 *   new -> triaged -> routed -> in_progress -> resolved -> closed
 *   (in_progress -> routed again by unclaim; assign gives it to a named colleague)
 *   plus waiting (clock stopped), returned (wrong department, back to the service
 *   center), duplicate (linked to the case it repeats) and reopened.
 */
export const CASE_STATUSES = [
  'new',
  'triaged',
  'routed',
  'in_progress',
  'waiting',
  'returned',
  'resolved',
  'closed',
  'duplicate',
  'reopened',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = [
  'triage',
  'route',
  'claim',
  'unclaim',
  'assign',
  'wait',
  'resume',
  'return',
  'transfer',
  'resolve',
  'close',
  'reopen',
  'duplicate',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Statuses in which a case is still open work for somebody. */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  'new',
  'triaged',
  'routed',
  'in_progress',
  'waiting',
  'returned',
  'reopened',
];

const ALLOWED_FROM: Record<CaseAction, readonly CaseStatus[]> = {
  triage: ['new', 'triaged', 'returned', 'reopened'],
  route: ['triaged', 'returned', 'reopened'],
  claim: ['routed', 'reopened'],
  // Back to the department's inbox for someone else to take.
  unclaim: ['in_progress'],
  // Given to a named colleague of the department, who has it in progress.
  assign: ['routed', 'in_progress', 'reopened'],
  wait: ['triaged', 'routed', 'in_progress', 'reopened'],
  resume: ['waiting'],
  return: ['routed', 'in_progress', 'reopened'],
  transfer: ['routed', 'in_progress', 'reopened'],
  // The service center finishes simple errands on the spot, straight from new or triaged.
  resolve: ['new', 'triaged', 'in_progress', 'returned', 'reopened'],
  close: ['resolved'],
  reopen: ['resolved', 'closed'],
  duplicate: ['new', 'triaged', 'routed', 'in_progress', 'waiting', 'returned', 'reopened'],
};

const TARGET: Record<Exclude<CaseAction, 'resume'>, CaseStatus> = {
  triage: 'triaged',
  route: 'routed',
  claim: 'in_progress',
  unclaim: 'routed',
  assign: 'in_progress',
  wait: 'waiting',
  return: 'returned',
  transfer: 'routed',
  resolve: 'resolved',
  close: 'closed',
  reopen: 'reopened',
  duplicate: 'duplicate',
};

export class IllegalTransitionError extends Error {
  constructor(
    readonly action: CaseAction,
    readonly status: CaseStatus,
  ) {
    super(`Action "${action}" is not allowed when the case is "${status}"`);
  }
}

export function allowedActions(status: CaseStatus): CaseAction[] {
  return CASE_ACTIONS.filter((action) => ALLOWED_FROM[action].includes(status));
}

/**
 * Where an action leads. `resume` goes back to the status the case had before it
 * started waiting (kept on the case), or to `routed` if that is unknown.
 */
export function nextStatus(
  status: CaseStatus,
  action: CaseAction,
  statusBeforeWaiting?: CaseStatus | null,
): CaseStatus {
  if (!ALLOWED_FROM[action].includes(status)) throw new IllegalTransitionError(action, status);
  if (action === 'resume') return statusBeforeWaiting ?? 'routed';
  return TARGET[action];
}

export function isOpen(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
