import { StaffPrincipal } from '../auth/roles';
import { CaseStatus } from '../cases/case-lifecycle';

/**
 * What a department inbox holds, and who may look at it.
 *
 * A department's inbox holds its cases that wait for someone to pick them up: routed to
 * it (also by transfer from another department) and reopened ones (a resolved case the
 * citizen came back about goes back to the department that resolved it).
 *
 * The service center's own inbox holds, besides cases routed to it, everything that is
 * still the service center's to deal with, whatever the department: cases returned by a
 * department (wrong department), cases waiting for a person to triage them, and triaged
 * cases of types the service center finishes itself.
 */
export const CLAIMABLE_STATUSES: readonly CaseStatus[] = ['routed', 'reopened'];
export const AT_SERVICE_CENTER_STATUSES: readonly CaseStatus[] = ['new', 'triaged', 'returned'];

/** Why the principal may not see the inbox, or null. Handlers see their departments', agents the service center's. */
export function inboxViewRefusal(
  principal: StaffPrincipal,
  departmentCode: string,
  serviceCenterCode: string,
): string | null {
  if (principal.role === 'admin' || principal.role === 'manager') return null;
  if (principal.role === 'handler' && principal.departmentCodes.includes(departmentCode)) return null;
  if (principal.role === 'agent' && departmentCode === serviceCenterCode) return null;
  return principal.role === 'agent'
    ? "An agent sees the service center's inbox only"
    : 'A handler sees the inboxes of their own departments only';
}
