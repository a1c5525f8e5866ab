import { AccessPolicy } from '../auth/access-policy';
import { StaffPrincipal } from '../auth/roles';
import { CaseAction, CaseStatus } from './case-lifecycle';

/** The refusal for an action on a confidential case by someone the access policy does not let read it. */
export const UNREADABLE_CASE_REFUSAL =
  'This case is confidential to its department: only that department, managers and admins act on it';

/**
 * Who may take which action (docs/cases.md, "Who may do what"). Agents in the service center
 * triage, route and finish simple errands; handlers work the cases of their own departments;
 * managers and admins may do everything. Nobody acts on a case whose content the access policy
 * does not let them read: marking it a duplicate, putting it on hold (which stops its
 * service-target clock) or reopening it would be decisions about what it says. The one exception
 * is the service center's own job of sending a case where it belongs: while a confidential case
 * is still at the service center, an agent may triage and route it.
 */
const AGENT_ACTIONS: readonly CaseAction[] = [
  'triage',
  'route',
  'resolve',
  'close',
  'reopen',
  'duplicate',
  'wait',
  'resume',
];
const HANDLER_ACTIONS: readonly CaseAction[] = [
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
];
/** Statuses in which a case is still at the service center, not with a department. */
const AT_SERVICE_CENTER: readonly CaseStatus[] = ['new', 'triaged', 'returned'];
/** What an agent may do with a confidential case at the service center that they may not read. */
const AGENT_SENDS_ON: readonly CaseAction[] = ['triage', 'route'];

/**
 * Returns the reason for a refusal, or null when allowed. `serviceCenterCode`: the service
 * center's own department; agents work the cases routed to it (complaints, feedback, callback
 * requests, public-records requests) as a department's handlers work theirs.
 */
export function refusalFor(
  principal: StaffPrincipal,
  action: CaseAction,
  target: { status: CaseStatus; departmentCode: string | null; confidential: boolean },
  serviceCenterCode: string,
): string | null {
  if (!AccessPolicy.mayReadContent(principal, target)) {
    const sendsOn =
      principal.role === 'agent' && AGENT_SENDS_ON.includes(action) && AT_SERVICE_CENTER.includes(target.status);
    if (!sendsOn) return UNREADABLE_CASE_REFUSAL;
  }
  switch (principal.role) {
    case 'admin':
    case 'manager':
      return null;
    case 'agent':
      if (target.departmentCode === serviceCenterCode && HANDLER_ACTIONS.includes(action)) return null;
      if (!AGENT_ACTIONS.includes(action)) return `An agent may not ${action} a case`;
      if (action === 'resolve' && !AT_SERVICE_CENTER.includes(target.status))
        return 'An agent may not resolve a case a department is working on';
      return null;
    case 'handler':
      if (!HANDLER_ACTIONS.includes(action)) return `A handler may not ${action} a case`;
      if (!target.departmentCode || !principal.departmentCodes.includes(target.departmentCode)) {
        return 'A handler may only act on cases of their own departments';
      }
      return null;
  }
}

/**
 * Who may write notes and replies on a case: a handler only on their own departments' cases;
 * agents, managers and admins on any case whose content they may read. Returns the reason for
 * a refusal, or null when allowed.
 */
export function writeRefusalFor(
  principal: StaffPrincipal,
  target: { departmentCode: string | null; confidential: boolean },
): string | null {
  if (!AccessPolicy.mayReadContent(principal, target)) return UNREADABLE_CASE_REFUSAL;
  if (principal.role !== 'handler') return null;
  if (target.departmentCode && principal.departmentCodes.includes(target.departmentCode)) return null;
  return 'A handler may only write on cases of their own departments';
}
