/**
 * Whose figures a staff member may see: the departments the access policy puts in their view
 * (AccessPolicy.departmentsInView). Managers and admins see every department; handlers and
 * agents their own, and the answer says so in `scope`. Asking for another department by name
 * is refused with 403 rather than answered with silently empty figures, so that nobody
 * mistakes "not allowed" for "nothing happened".
 */
import { AccessPolicy } from '../auth/access-policy';
import { StaffPrincipal } from '../auth/roles';

export interface StatisticsScope {
  /** The departments whose figures are included; null for every department. */
  departmentCodes: string[] | null;
}

/** @throws ForbiddenError (403) as AccessPolicy.departmentsInView does. */
export function departmentScope(principal: StaffPrincipal, requestedDepartmentCode?: string): StatisticsScope {
  return { departmentCodes: AccessPolicy.departmentsInView(principal, requestedDepartmentCode) };
}
