import { BUILT_IN_DEFAULT, policyFor, retentionCutoff, validateRetentionPolicies } from './retention-policy';

describe('retention rules', () => {
  const rules = [
    { caseRetentionDays: 700, contactRetentionDays: 60 },
    { kind: 'complaint' as const, caseRetentionDays: 1800, contactRetentionDays: 60 },
    { catalogCode: 'graffiti', caseRetentionDays: 30, contactRetentionDays: 10 },
  ];

  it('takes the catalog entry’s rule, then its kind’s, then the default', () => {
    expect(policyFor(rules, { catalogCode: 'graffiti', kind: 'fault_report' }).caseRetentionDays).toBe(30);
    expect(policyFor(rules, { catalogCode: 'bad_service', kind: 'complaint' }).caseRetentionDays).toBe(1800);
    expect(policyFor(rules, { catalogCode: 'water_leak', kind: 'fault_report' }).caseRetentionDays).toBe(700);
    expect(policyFor(rules, { catalogCode: null, kind: null }).caseRetentionDays).toBe(700);
    expect(policyFor([], { catalogCode: null, kind: null })).toBe(BUILT_IN_DEFAULT);
  });

  it('counts calendar days back from now', () => {
    expect(retentionCutoff(new Date('2026-03-01T10:00:00Z'), 30)).toEqual(new Date('2026-01-30T10:00:00Z'));
  });

  it('accepts a sound set of rules', () => {
    expect(validateRetentionPolicies({ policies: rules }, new Set(['graffiti']))).toEqual([]);
  });

  it('names every bad field at once', () => {
    expect(
      validateRetentionPolicies(
        {
          policies: [
            { catalogCode: 'nope', caseRetentionDays: 0, contactRetentionDays: 1.5 },
            { kind: 'complaint', catalogCode: 'graffiti', caseRetentionDays: 10, contactRetentionDays: 10 },
            { kind: 'gossip', caseRetentionDays: 10, contactRetentionDays: 10, colour: 'red' },
            { caseRetentionDays: 10, contactRetentionDays: 10 },
            { caseRetentionDays: 20, contactRetentionDays: 20 },
          ],
          extra: true,
        },
        new Set(['graffiti']),
      ),
    ).toEqual([
      'extra: unknown field',
      'policies[0].catalogCode: "nope" is not an entry of the service catalog',
      'policies[0].caseRetentionDays: expected a whole number of days from 1 to 36500',
      'policies[0].contactRetentionDays: expected a whole number of days from 1 to 36500',
      'policies[1]: give catalogCode or kind, not both (neither: the default rule)',
      'policies[2].colour: unknown field',
      'policies[2].kind: "gossip" is not a kind (expected one of fault_report, complaint, question, errand, feedback, callback)',
      'policies[4]: a second rule for default',
    ]);
    expect(validateRetentionPolicies([], new Set())).toEqual(['body: expected an object']);
    expect(validateRetentionPolicies({}, new Set())).toEqual(['policies: expected a list of retention rules']);
  });
});
