import { StaffPrincipal } from '../auth/roles';
import { CaseAction, CaseStatus } from './case-lifecycle';

/**
 * Who may take which action. Agents in the service center triage, route and finish
 * simple errands; handlers work the cases of their own departments; managers and
 * admins may do everything. Returns the reason for a refusal, or null when allowed.
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
  'wait',
  'resume',
  'return',
  'transfer',
  'resolve',
  'close',
  'reopen',
  'duplicate',
];
/** Agents resolve only what is still at the service center, not a department's work. */
const AGENT_RESOLVES_FROM: readonly CaseStatus[] = ['new', 'triaged', 'returned'];

export function refusalFor(
  principal: StaffPrincipal,
  action: CaseAction,
  target: { status: CaseStatus; departmentCode: string | null },
): string | null {
  switch (principal.role) {
    case 'admin':
    case 'manager':
      return null;
    case 'agent':
      if (!AGENT_ACTIONS.includes(action)) return `An agent may not ${action} a case`;
      if (action === 'resolve' && !AGENT_RESOLVES_FROM.includes(target.status))
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
export function writeRefusalFor(principal: StaffPrincipal, target: { departmentCode: string | null }): string | null {
  if (principal.role !== 'handler') return null;
  if (target.departmentCode && principal.departmentCodes.includes(target.departmentCode)) return null;
  return 'A handler may only write on cases of their own departments';
}
