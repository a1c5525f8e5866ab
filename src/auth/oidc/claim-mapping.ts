import { Role } from '../roles';

/** The claims of a signed-in person: the ID token's, with the UserInfo endpoint's beside them. */
export type Claims = Record<string, unknown>;

/** How claims become a role and departments: the OIDC_ROLE_* and OIDC_DEPARTMENT_* settings. */
export interface ClaimRules {
  roleClaim: string;
  roleMap: ReadonlyMap<string, Role>;
  departmentClaim: string;
  departmentMap: ReadonlyMap<string, readonly string[]>;
}

/** Who the provider says the person is. */
export interface ProviderIdentity {
  /** `sub`: the provider's key for the person, unique and never reassigned (OpenID Connect Core 1.0, 2). */
  subject: string;
  /** In lower case. */
  email: string;
  /** Whether the provider vouches that the person controls the e-mail address (`email_verified`). */
  emailVerified: boolean;
  name: string;
}

/** What the claims give the person in onewayin, or why they give nothing. */
export type StaffAccess = { granted: true; role: Role; departmentCodes: string[] } | { granted: false; reason: string };

/** When several groups give roles, the one that may do most wins. */
const ROLE_RANK: Record<Role, number> = { agent: 1, handler: 2, manager: 3, admin: 4 };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The values of a claim as strings: an array's strings, or a single string as one value (a group
 * name may hold spaces). The claim is looked up by its whole name first, so a claim named by a
 * URL (`https://kommun.se/groups`) is found as it is, and else along a dotted path, so Keycloak's
 * realm roles are `realm_access.roles`. Undefined when the claim is absent.
 */
export function claimValues(claims: Claims, claimName: string): string[] | undefined {
  let value: unknown = claims[claimName];
  if (value === undefined && claimName.includes('.')) {
    value = claimName
      .split('.')
      .reduce<unknown>(
        (node, key) => (typeof node === 'object' && node !== null ? (node as Claims)[key] : undefined),
        claims,
      );
  }
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/**
 * The role and departments the claims give. The role is the highest (admin, manager, handler,
 * agent) of the values in the role claim that the role map names; a person whose department claim
 * names departments but who has no mapped role is a handler there. Refused: a person with neither,
 * and a handler with no department.
 */
export function staffAccessFromClaims(claims: Claims, rules: ClaimRules): StaffAccess {
  const roles = (claimValues(claims, rules.roleClaim) ?? [])
    .map((value) => rules.roleMap.get(value))
    .filter((role): role is Role => role !== undefined)
    .sort((a, b) => ROLE_RANK[b] - ROLE_RANK[a]);
  const departmentCodes = [
    ...new Set(
      (claimValues(claims, rules.departmentClaim) ?? []).flatMap((value) => rules.departmentMap.get(value) ?? []),
    ),
  ].sort();
  const role = roles[0] ?? (departmentCodes.length > 0 ? 'handler' : undefined);
  if (!role) return { granted: false, reason: noRoleReason(claims, rules) };
  if (role === 'handler' && departmentCodes.length === 0)
    return {
      granted: false,
      reason: `A handler works in at least one department, and no value of the claim "${rules.departmentClaim}" names one`,
    };
  return { granted: true, role, departmentCodes };
}

function noRoleReason(claims: Claims, rules: ClaimRules): string {
  // A provider with more groups for a person than fit in a token sends a reference to them
  // instead (a distributed claim, OpenID Connect Core 1.0, 5.6.2), as Entra ID does past 200.
  const claimNames = claims._claim_names;
  if (typeof claimNames === 'object' && claimNames !== null && rules.roleClaim in claimNames)
    return `The provider sent the claim "${rules.roleClaim}" as a reference to be fetched elsewhere (too many values for a token), which onewayin does not follow: limit the claim to the groups assigned to the application`;
  if (claimValues(claims, rules.roleClaim) === undefined)
    return `The provider sent no claim "${rules.roleClaim}", so onewayin cannot tell your role`;
  return `None of your values of the claim "${rules.roleClaim}" gives a role in onewayin`;
}

/**
 * Who the claims say the person is. The e-mail address is the `email` claim, or else
 * `preferred_username` when it is an e-mail address (Entra ID's user principal name); the name is
 * `name`, else the given and family names, else the e-mail address.
 *
 * @returns a reason instead when the claims hold no subject or no e-mail address
 */
export function identityFromClaims(claims: Claims): ProviderIdentity | { reason: string } {
  const subject = typeof claims.sub === 'string' ? claims.sub : '';
  if (subject === '' || subject.length > 255) return { reason: 'The provider sent no usable subject (sub)' };
  const email = [claims.email, claims.preferred_username].find(
    (value): value is string => typeof value === 'string' && EMAIL.test(value) && value.length <= 254,
  );
  if (!email) return { reason: 'The provider sent no e-mail address (email or preferred_username)' };
  const fullName = [claims.given_name, claims.family_name].filter((part) => typeof part === 'string').join(' ');
  const name = typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name.trim() : fullName.trim();
  return {
    subject,
    email: email.toLowerCase(),
    emailVerified: claims.email_verified === true && claims.email === email,
    name: (name || email).slice(0, 200),
  };
}
