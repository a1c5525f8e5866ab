import { ConfigError, loadConfig } from './app-config';
import { loadOidcConfig, parseClaimMap } from './oidc-config';

const PROVIDER = {
  OIDC_ISSUER: 'https://login.example.se/realms/kommun',
  OIDC_CLIENT_ID: 'onewayin',
  OIDC_CLIENT_SECRET: 'client-secret-from-the-provider',
  OIDC_REDIRECT_URL: 'https://onewayin.kommun.se/api/v1/auth/oidc/callback',
  OIDC_ROLE_MAP: 'onewayin-admins:admin,onewayin-managers:manager',
};

function variableRejected(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.variable;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadOidcConfig', () => {
  it('leaves sign-in with an identity provider off, and password log-in on, when OIDC_ISSUER is not set', () => {
    const config = loadConfig({});
    expect(config.oidc).toBeUndefined();
    expect(config.passwordLogin).toBe(true);
  });

  it('reads the provider, the client and the defaults for scopes, claims and UserInfo', () => {
    expect(loadOidcConfig(PROVIDER)).toEqual({
      issuer: 'https://login.example.se/realms/kommun',
      clientId: 'onewayin',
      clientSecret: 'client-secret-from-the-provider',
      redirectUrl: 'https://onewayin.kommun.se/api/v1/auth/oidc/callback',
      scopes: ['openid', 'email', 'profile'],
      roleClaim: 'groups',
      roleMap: new Map([
        ['onewayin-admins', 'admin'],
        ['onewayin-managers', 'manager'],
      ]),
      departmentClaim: 'groups',
      departmentMap: new Map(),
      userinfo: true,
      allowHttp: false,
    });
  });

  it('reads a department map, a claim of its own for it, and scopes split by spaces or commas', () => {
    const config = loadOidcConfig({
      ...PROVIDER,
      OIDC_SCOPES: 'openid, email profile groups',
      OIDC_ROLE_CLAIM: 'realm_access.roles',
      OIDC_DEPARTMENT_CLAIM: 'groups',
      OIDC_DEPARTMENT_MAP: ' /teknik:TEK , /vatten:VA, /teknik-och-vatten:TEK,/teknik-och-vatten:VA ',
      OIDC_USERINFO: 'false',
    });
    expect(config).toMatchObject({
      scopes: ['openid', 'email', 'profile', 'groups'],
      roleClaim: 'realm_access.roles',
      departmentClaim: 'groups',
      userinfo: false,
    });
    expect([...config!.departmentMap]).toEqual([
      ['/teknik', ['TEK']],
      ['/vatten', ['VA']],
      ['/teknik-och-vatten', ['TEK', 'VA']],
    ]);
  });

  it('takes a JSON object for claim values with commas, and a list of departments for one value', () => {
    const config = loadOidcConfig({
      ...PROVIDER,
      OIDC_ROLE_MAP: '{"CN=Onewayin Admins,OU=Groups,DC=kommun,DC=se": "admin"}',
      OIDC_DEPARTMENT_MAP: '{"CN=Teknik,OU=Groups,DC=kommun,DC=se": ["TEK", "VA"]}',
    });
    expect([...config!.roleMap]).toEqual([['CN=Onewayin Admins,OU=Groups,DC=kommun,DC=se', 'admin']]);
    expect([...config!.departmentMap]).toEqual([['CN=Teknik,OU=Groups,DC=kommun,DC=se', ['TEK', 'VA']]]);
  });

  it('splits a list entry at its last colon, so a claim value may hold colons', () => {
    expect(parseClaimMap('OIDC_ROLE_MAP', 'urn:kommun:onewayin:admins:admin')).toEqual([
      ['urn:kommun:onewayin:admins', 'admin'],
    ]);
  });

  it('allows plain http for a provider and a redirect on this machine only', () => {
    const local = loadOidcConfig({
      ...PROVIDER,
      OIDC_ISSUER: 'http://127.0.0.1:8080/realms/kommun',
      OIDC_REDIRECT_URL: 'http://localhost:3000/api/v1/auth/oidc/callback',
    });
    expect(local?.allowHttp).toBe(true);
    expect(variableRejected({ ...PROVIDER, OIDC_ISSUER: 'http://login.example.se' })).toBe('OIDC_ISSUER');
  });

  it('lets PASSWORD_LOGIN=false turn password log-in off only beside an identity provider', () => {
    expect(loadConfig({ ...PROVIDER, PASSWORD_LOGIN: 'false' }).passwordLogin).toBe(false);
    expect(variableRejected({ PASSWORD_LOGIN: 'false' })).toBe('PASSWORD_LOGIN');
  });

  it.each([
    [{ OIDC_CLIENT_ID: 'onewayin' }, 'OIDC_ISSUER', 'OIDC_ISSUER is required when OIDC_CLIENT_ID is set'],
    [{ ...PROVIDER, OIDC_ISSUER: 'login.example.se' }, 'OIDC_ISSUER', 'OIDC_ISSUER is not a valid URL'],
    [{ ...PROVIDER, OIDC_ISSUER: 'https://login.example.se/?tenant=x' }, 'OIDC_ISSUER', 'must not have a query'],
    [{ ...PROVIDER, OIDC_CLIENT_SECRET: '' }, 'OIDC_CLIENT_SECRET', 'OIDC_CLIENT_SECRET is required when'],
    [{ ...PROVIDER, OIDC_REDIRECT_URL: 'https://x.se/cb#top' }, 'OIDC_REDIRECT_URL', 'must not have a fragment'],
    [{ ...PROVIDER, OIDC_REDIRECT_URL: 'https://x.se/cb?from=idp' }, 'OIDC_REDIRECT_URL', 'must not have a query'],
    [{ ...PROVIDER, OIDC_REDIRECT_URL: 'ftp://x.se/cb' }, 'OIDC_REDIRECT_URL', 'must start with https://'],
    [{ ...PROVIDER, OIDC_SCOPES: 'email profile' }, 'OIDC_SCOPES', 'OIDC_SCOPES must include openid'],
    [{ ...PROVIDER, OIDC_ROLE_MAP: '' }, 'OIDC_ROLE_MAP', 'OIDC_ROLE_MAP or OIDC_DEPARTMENT_MAP is required'],
    [{ ...PROVIDER, OIDC_ROLE_MAP: 'onewayin-admins' }, 'OIDC_ROLE_MAP', 'entry "onewayin-admins" must be'],
    [{ ...PROVIDER, OIDC_ROLE_MAP: 'admins:boss' }, 'OIDC_ROLE_MAP', 'maps "admins" to "boss", which is not one of'],
    [{ ...PROVIDER, OIDC_ROLE_MAP: 'staff:agent,staff:admin' }, 'OIDC_ROLE_MAP', 'maps "staff" to both agent'],
    [{ ...PROVIDER, OIDC_ROLE_MAP: '{"admins": ' }, 'OIDC_ROLE_MAP', 'starts with { but is not valid JSON'],
    [{ ...PROVIDER, OIDC_ROLE_MAP: '{"admins": 1}' }, 'OIDC_ROLE_MAP', 'entry "admins" must map to a name'],
    [{ ...PROVIDER, OIDC_DEPARTMENT_MAP: 'teknik:tek' }, 'OIDC_DEPARTMENT_MAP', 'which is not a department code'],
    [{ ...PROVIDER, OIDC_USERINFO: 'sometimes' }, 'OIDC_USERINFO', 'must be true or false'],
  ])('rejects %p naming %s', (env, variable, message) => {
    expect(variableRejected(env)).toBe(variable);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
