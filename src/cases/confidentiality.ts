import { StaffPrincipal } from '../auth/roles';

/**
 * Confidential cases (sekretess) stay inside the department that owns them: only that
 * department's handlers, managers and admins read what they say. Everyone else sees
 * that the case exists and where it stands, not its content.
 */
export function mayReadContent(
  principal: StaffPrincipal,
  confidentialCase: { confidential: boolean; departmentCode: string | null },
): boolean {
  if (!confidentialCase.confidential) return true;
  if (principal.role === 'admin' || principal.role === 'manager') return true;
  if (principal.role === 'handler' && confidentialCase.departmentCode !== null) {
    return principal.departmentCodes.includes(confidentialCase.departmentCode);
  }
  return false;
}
