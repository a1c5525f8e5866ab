export const ROLES = ['agent', 'handler', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: what a verified bearer token says about the caller. */
export interface StaffPrincipal {
  id: string;
  email: string;
  role: Role;
  departmentCodes: string[];
}
