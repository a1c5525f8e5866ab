import { StaffPrincipal } from '../auth/roles';
import { ForbiddenError } from '../common/domain-errors';

/**
 * Which departments' breaches and alerts someone may see: managers and admins every
 * department, anyone else (handlers, service-center agents) only their own. Returns the
 * departments to filter by, or null for "all".
 */
export function visibleDepartments(principal: StaffPrincipal, requested: string | undefined): string[] | null {
  const seesAll = principal.role === 'manager' || principal.role === 'admin';
  if (requested !== undefined) {
    if (!seesAll && !principal.departmentCodes.includes(requested))
      throw new ForbiddenError(`Only managers, admins and the department's own staff see department ${requested}`);
    return [requested];
  }
  if (seesAll) return null;
  if (principal.departmentCodes.length === 0)
    throw new ForbiddenError('You belong to no department; ask with departmentCode as a manager');
  return principal.departmentCodes;
}
