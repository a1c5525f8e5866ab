/**
 * Whose figures a staff member may see.
 *
 * Managers and admins see every department. Handlers and agents see their own departments only:
 * without a departmentCode their figures are narrowed to their departments (the answer says so in
 * `scope`), and asking for another department by name is refused with 403 rather than answered
 * with silently empty figures, so that nobody mistakes "not allowed" for "nothing happened".
 */
import { StaffPrincipal } from '../auth/roles';
import { ForbiddenError } from '../common/domain-errors';

export interface StatisticsScope {
  /** The departments whose figures are included; null for every department. */
  departmentCodes: string[] | null;
}

export function departmentScope(principal: StaffPrincipal, requestedDepartmentCode?: string): StatisticsScope {
  if (principal.role === 'manager' || principal.role === 'admin') {
    return { departmentCodes: requestedDepartmentCode ? [requestedDepartmentCode] : null };
  }
  const own = [...principal.departmentCodes].sort();
  if (requestedDepartmentCode) {
    if (!own.includes(requestedDepartmentCode))
      throw new ForbiddenError(
        `Figures of department ${requestedDepartmentCode} are for its own staff, managers and admins`,
      );
    return { departmentCodes: [requestedDepartmentCode] };
  }
  if (own.length === 0)
    throw new ForbiddenError('You belong to no department, so there are no department figures for you');
  return { departmentCodes: own };
}
