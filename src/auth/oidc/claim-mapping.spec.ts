import { ClaimRules, claimValues, identityFromClaims, staffAccessFromClaims } from './claim-mapping';

const RULES: ClaimRules = {
  roleClaim: 'groups',
  roleMap: new Map([
    ['onewayin-admins', 'admin'],
    ['onewayin-managers', 'manager'],
    ['onewayin-agents', 'agent'],
  ]),
  departmentClaim: 'groups',
  departmentMap: new Map([
    ['onewayin-servicecenter', ['SC']],
    ['onewayin-teknik', ['TEK']],
    ['onewayin-teknik-och-vatten', ['TEK', 'VA']],
  ]),
};

describe('claimValues', () => {
  it('reads an array of strings, a single string as one value, and a nested claim by a dotted path', () => {
    const claims = {
      groups: ['a', 'b c', 7],
      role: 'Onewayin Admins',
      realm_access: { roles: ['onewayin-admins'] },
      'https://kommun.se/groups': ['x'],
    };
    expect(claimValues(claims, 'groups')).toEqual(['a', 'b c']);
    expect(claimValues(claims, 'role')).toEqual(['Onewayin Admins']);
    expect(claimValues(claims, 'realm_access.roles')).toEqual(['onewayin-admins']);
    expect(claimValues(claims, 'https://kommun.se/groups')).toEqual(['x']);
    expect(claimValues(claims, 'roles')).toBeUndefined();
    expect(claimValues(claims, 'realm_access.groups')).toBeUndefined();
  });
});

describe('staffAccessFromClaims', () => {
  it('gives the highest mapped role, and the departments of the department groups', () => {
    expect(
      staffAccessFromClaims({ groups: ['onewayin-agents', 'onewayin-managers', 'onewayin-servicecenter'] }, RULES),
    ).toEqual({ granted: true, role: 'manager', departmentCodes: ['SC'] });
  });

  it('makes a person in department groups only a handler of those departments, each once', () => {
    expect(
      staffAccessFromClaims({ groups: ['all-staff', 'onewayin-teknik-och-vatten', 'onewayin-teknik'] }, RULES),
    ).toEqual({ granted: true, role: 'handler', departmentCodes: ['TEK', 'VA'] });
  });

  it('reads roles and departments from claims of their own', () => {
    const rules: ClaimRules = {
      ...RULES,
      roleClaim: 'realm_access.roles',
      roleMap: new Map([['onewayin-agent', 'agent']]),
    };
    expect(
      staffAccessFromClaims({ realm_access: { roles: ['onewayin-agent'] }, groups: ['onewayin-servicecenter'] }, rules),
    ).toEqual({ granted: true, role: 'agent', departmentCodes: ['SC'] });
  });

  it('refuses a person whose claims map to no role, saying which claim it read', () => {
    expect(staffAccessFromClaims({ groups: ['all-staff'] }, RULES)).toEqual({
      granted: false,
      reason: 'None of your values of the claim "groups" gives a role in onewayin',
    });
    expect(staffAccessFromClaims({}, RULES)).toEqual({
      granted: false,
      reason: 'The provider sent no claim "groups", so onewayin cannot tell your role',
    });
  });

  it('refuses a person whose groups come as a reference to be fetched, as with too many Entra ID groups', () => {
    const access = staffAccessFromClaims({ _claim_names: { groups: 'src1' }, _claim_sources: { src1: {} } }, RULES);
    expect(access.granted).toBe(false);
    expect(access.granted === false && access.reason).toContain('as a reference');
  });

  it('refuses a handler by role whose claims name no department', () => {
    const rules: ClaimRules = { ...RULES, roleMap: new Map([['onewayin-handlers', 'handler']]) };
    expect(staffAccessFromClaims({ groups: ['onewayin-handlers'] }, rules)).toEqual({
      granted: false,
      reason: 'A handler works in at least one department, and no value of the claim "groups" names one',
    });
  });
});

describe('identityFromClaims', () => {
  it('takes the subject, the e-mail in lower case, whether it is verified, and the name', () => {
    expect(
      identityFromClaims({
        sub: 'a1',
        email: 'Anna.Andersson@Kommun.se',
        email_verified: true,
        name: 'Anna Andersson',
      }),
    ).toEqual({ subject: 'a1', email: 'anna.andersson@kommun.se', emailVerified: true, name: 'Anna Andersson' });
  });

  it('falls back to an e-mail-shaped preferred_username, never verified, and to the given and family names', () => {
    expect(
      identityFromClaims({
        sub: 'b2',
        preferred_username: 'bo.berg@kommun.se',
        email_verified: true,
        given_name: 'Bo',
        family_name: 'Berg',
      }),
    ).toEqual({ subject: 'b2', email: 'bo.berg@kommun.se', emailVerified: false, name: 'Bo Berg' });
  });

  it('names the e-mail address for a person without a name, and refuses claims without an e-mail or a subject', () => {
    expect(identityFromClaims({ sub: 'c3', email: 'c@kommun.se' })).toMatchObject({ name: 'c@kommun.se' });
    expect(identityFromClaims({ sub: 'd4', preferred_username: 'd4' })).toEqual({
      reason: 'The provider sent no e-mail address (email or preferred_username)',
    });
    expect(identityFromClaims({ email: 'e@kommun.se' })).toEqual({
      reason: 'The provider sent no usable subject (sub)',
    });
  });
});
