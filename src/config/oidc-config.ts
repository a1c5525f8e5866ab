import { Role, ROLES } from '../auth/roles';
import { ConfigError } from './config-error';

/**
 * Sign-in with the municipality's identity provider through OpenID Connect (authorization code
 * flow with PKCE), read from the OIDC_* variables. See docs/sign-in.md for an IT department's
 * guide with examples for Entra ID and Keycloak.
 */
export interface OidcConfig {
  /**
   * The provider's Issuer Identifier; its metadata is read from `/.well-known/openid-configuration`
   * under it (OpenID Connect Discovery 1.0, section 4).
   */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * Where the provider sends the browser back: this app's `GET /api/v1/auth/oidc/callback` as the
   * browser reaches it, exactly as registered at the provider.
   */
  redirectUrl: string;
  /** The scopes asked for; always holds `openid`. */
  scopes: string[];
  /** The claim whose values name roles, e.g. `groups` or `roles`; a dotted path reaches a nested claim. */
  roleClaim: string;
  /** Claim value to role: a value in the role claim gives that role. */
  roleMap: ReadonlyMap<string, Role>;
  /** The claim whose values name departments; the role claim unless set apart. */
  departmentClaim: string;
  /** Claim value to department codes: a value in the department claim makes its holder work there. */
  departmentMap: ReadonlyMap<string, readonly string[]>;
  /** Also read the claims of the UserInfo endpoint, beside the ID token's (OpenID Connect Core 1.0, 5.3). */
  userinfo: boolean;
  /** The provider is on this machine (a loopback host) and spoken to over plain http: development and tests. */
  allowHttp: boolean;
}

const OIDC_VARIABLES = [
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_REDIRECT_URL',
  'OIDC_SCOPES',
  'OIDC_ROLE_CLAIM',
  'OIDC_ROLE_MAP',
  'OIDC_DEPARTMENT_CLAIM',
  'OIDC_DEPARTMENT_MAP',
  'OIDC_USERINFO',
];
const DEPARTMENT_CODE = /^[A-Z0-9_-]{1,32}$/;

/** Reads the OIDC_* variables: undefined when OIDC_ISSUER is not set, and then none of the others may be. */
export function loadOidcConfig(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const given = (name: string) => (env[name] ?? '').trim();
  if (given('OIDC_ISSUER') === '') {
    const stray = OIDC_VARIABLES.find((name) => given(name) !== '');
    if (stray) throw new ConfigError('OIDC_ISSUER', `is required when ${stray} is set`);
    return undefined;
  }
  const required = (name: string) => {
    const value = given(name);
    if (value === '') throw new ConfigError(name, 'is required when OIDC_ISSUER is set');
    return value;
  };

  const issuer = providerUrl('OIDC_ISSUER', required('OIDC_ISSUER'));
  const redirectUrl = providerUrl('OIDC_REDIRECT_URL', required('OIDC_REDIRECT_URL'));
  const scopes = [...new Set((given('OIDC_SCOPES') || 'openid email profile').split(/[\s,]+/).filter(Boolean))];
  if (!scopes.includes('openid')) throw new ConfigError('OIDC_SCOPES', 'must include openid');
  const roleClaim = given('OIDC_ROLE_CLAIM') || 'groups';
  const roleMap = parseRoleMap(given('OIDC_ROLE_MAP'));
  const departmentMap = parseDepartmentMap(given('OIDC_DEPARTMENT_MAP'));
  if (roleMap.size === 0 && departmentMap.size === 0)
    throw new ConfigError('OIDC_ROLE_MAP', 'or OIDC_DEPARTMENT_MAP is required when OIDC_ISSUER is set');

  return {
    issuer: given('OIDC_ISSUER'),
    clientId: required('OIDC_CLIENT_ID'),
    clientSecret: required('OIDC_CLIENT_SECRET'),
    redirectUrl: redirectUrl.href,
    scopes,
    roleClaim,
    roleMap,
    departmentClaim: given('OIDC_DEPARTMENT_CLAIM') || roleClaim,
    departmentMap,
    userinfo: yesOrNo('OIDC_USERINFO', given('OIDC_USERINFO'), true),
    allowHttp: issuer.protocol === 'http:',
  };
}

/**
 * An issuer or redirect URL: https, or http on a loopback host (development and tests), with no
 * query or fragment. An issuer has neither (OpenID Connect Discovery 1.0, 2), a redirect URL no
 * fragment (RFC 6749, 3.1.2); a query in the redirect URL would mix with the provider's answer.
 */
function providerUrl(variable: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(variable, 'is not a valid URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname)))
    throw new ConfigError(variable, 'must start with https:// (http:// only for localhost)');
  if (url.hash !== '' || url.search !== '')
    throw new ConfigError(variable, `must not have a ${url.hash !== '' ? 'fragment (#...)' : 'query (?...)'}`);
  return url;
}

function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname) ||
    hostname === '[::1]'
  );
}

function yesOrNo(variable: string, raw: string, fallback: boolean): boolean {
  if (raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(variable, `must be true or false, got "${raw}"`);
}

/** OIDC_ROLE_MAP: each claim value to one role; a value listed twice must give the same role. */
function parseRoleMap(raw: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const [value, target] of parseClaimMap('OIDC_ROLE_MAP', raw)) {
    if (!(ROLES as readonly string[]).includes(target))
      throw new ConfigError('OIDC_ROLE_MAP', `maps "${value}" to "${target}", which is not one of ${ROLES.join(', ')}`);
    const earlier = map.get(value);
    if (earlier && earlier !== target)
      throw new ConfigError('OIDC_ROLE_MAP', `maps "${value}" to both ${earlier} and ${target}`);
    map.set(value, target as Role);
  }
  return map;
}

/** OIDC_DEPARTMENT_MAP: each claim value to one or more department codes. */
function parseDepartmentMap(raw: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [value, target] of parseClaimMap('OIDC_DEPARTMENT_MAP', raw)) {
    if (!DEPARTMENT_CODE.test(target))
      throw new ConfigError('OIDC_DEPARTMENT_MAP', `maps "${value}" to "${target}", which is not a department code`);
    const codes = map.get(value) ?? [];
    if (!codes.includes(target)) map.set(value, [...codes, target].sort());
  }
  return map;
}

/**
 * The pairs of a claim map, in either of two spellings:
 * - a list, `onewayin-admins:admin, onewayin-managers:manager`, split at the last colon of each
 *   entry, so a value may hold colons itself (`urn:kommun:groups:admins:admin`);
 * - a JSON object, `{"CN=Admins,OU=Groups,DC=kommun,DC=se": "admin"}`, for values with commas,
 *   where a department map may give a list of codes: `{"Teknik och VA": ["TEK", "VA"]}`.
 */
export function parseClaimMap(variable: string, raw: string): Array<[value: string, target: string]> {
  if (raw === '') return [];
  if (raw.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new ConfigError(variable, 'starts with { but is not valid JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new ConfigError(variable, 'must be a JSON object of claim values');
    return Object.entries(parsed).flatMap(([value, target]) => {
      const targets: unknown[] = Array.isArray(target) ? target : [target];
      if (value === '' || targets.length === 0 || !targets.every((one) => typeof one === 'string' && one !== ''))
        throw new ConfigError(variable, `entry "${value}" must map to a name or a list of names`);
      return targets.map((one): [string, string] => [value, one as string]);
    });
  }
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const colon = entry.lastIndexOf(':');
      const value = entry.slice(0, colon).trim();
      const target = entry.slice(colon + 1).trim();
      if (colon < 0 || value === '' || target === '')
        throw new ConfigError(variable, `entry "${entry}" must be claim-value:name`);
      return [value, target];
    });
}
