export const ROLES = ['agent', 'handler', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: what a verified bearer token says about the caller. */
export interface StaffPrincipal {
  id: string;
  /** The session the token belongs to (its `sid` claim): what a log-out ends. */
  sessionId: string;
  email: string;
  role: Role;
  departmentCodes: string[];
}
