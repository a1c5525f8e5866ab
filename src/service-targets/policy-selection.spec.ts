import { policyMatches, scopeKeyOf, selectTargets, specificityOf } from './policy-selection';
import { PolicyRule, PolicyScope, TargetSubject } from './service-target.types';

const ANY: PolicyScope = { catalogCode: null, kind: null, priority: null, channel: null };

function policy(id: string, scope: Partial<PolicyScope>, targets: Partial<PolicyRule['targets']>): PolicyRule {
  return {
    id,
    scope: { ...ANY, ...scope },
    targets: { first_response: null, resolution: null, callback: null, ...targets },
  };
}

const days = (value: number) => ({ value, unit: 'working_days' as const });
const hours = (value: number) => ({ value, unit: 'working_hours' as const });

describe('service-target policy selection', () => {
  it('orders scopes catalog type > kind + channel > kind > priority > channel > default', () => {
    const scopes: Array<[string, Partial<PolicyScope>]> = [
      ['default', {}],
      ['channel', { channel: 'email' }],
      ['priority', { priority: 'urgent' }],
      ['kind', { kind: 'question' }],
      ['kind+channel', { kind: 'question', channel: 'email' }],
      ['catalog', { catalogCode: 'street_light' }],
    ];
    const ranked = [...scopes]
      .sort((a, b) => specificityOf({ ...ANY, ...b[1] }) - specificityOf({ ...ANY, ...a[1] }))
      .map(([name]) => name);
    expect(ranked).toEqual(['catalog', 'kind+channel', 'kind', 'priority', 'channel', 'default']);
  });

  it('ranks kind + priority above kind + channel, and a catalog type alone above every scope without one', () => {
    expect(specificityOf({ ...ANY, kind: 'fault_report', priority: 'urgent' })).toBeGreaterThan(
      specificityOf({ ...ANY, kind: 'fault_report', channel: 'web' }),
    );
    expect(specificityOf({ ...ANY, catalogCode: 'pothole' })).toBeGreaterThan(
      specificityOf({ kind: 'fault_report', priority: 'urgent', channel: 'web', catalogCode: null }),
    );
  });

  it('matches a scope only when every field it names equals the subject', () => {
    const subject: TargetSubject = { catalogCode: 'pothole', kind: 'fault_report', priority: 'normal', channel: 'web' };
    expect(policyMatches(ANY, subject)).toBe(true);
    expect(policyMatches({ ...ANY, kind: 'fault_report', channel: 'web' }, subject)).toBe(true);
    expect(policyMatches({ ...ANY, kind: 'fault_report', channel: 'email' }, subject)).toBe(false);
    expect(policyMatches({ ...ANY, catalogCode: 'street_light' }, subject)).toBe(false);
    expect(policyMatches({ ...ANY, kind: 'question' }, { ...subject, catalogCode: null, kind: null })).toBe(false);
  });

  it('chooses each measure from the most specific matching policy that sets it', () => {
    const policies = [
      policy('default', {}, { first_response: days(2), resolution: days(20), callback: days(0) }),
      policy('fault', { kind: 'fault_report' }, { first_response: days(1), resolution: days(10) }),
      policy('pothole', { catalogCode: 'pothole' }, { resolution: days(5) }),
      policy('urgent', { priority: 'urgent' }, { first_response: hours(2), resolution: days(1) }),
      policy('email', { channel: 'email' }, { first_response: days(1) }),
    ];
    const pothole = selectTargets(policies, {
      catalogCode: 'pothole',
      kind: 'fault_report',
      priority: 'normal',
      channel: 'web',
    });
    expect(pothole).toEqual({
      first_response: { value: 1, unit: 'working_days', policyId: 'fault' },
      resolution: { value: 5, unit: 'working_days', policyId: 'pothole' },
      callback: { value: 0, unit: 'working_days', policyId: 'default' },
    });
    // Kind beats priority: an urgent fault report takes the fault-report first response...
    const urgentFault = selectTargets(policies, {
      catalogCode: null,
      kind: 'fault_report',
      priority: 'urgent',
      channel: 'web',
    });
    expect(urgentFault.first_response?.policyId).toBe('fault');
    // ...while an urgent case of a kind without its own policy takes the priority's, over the channel's.
    const urgentErrand = selectTargets(policies, {
      catalogCode: null,
      kind: 'errand',
      priority: 'urgent',
      channel: 'email',
    });
    expect(urgentErrand.first_response).toEqual({ value: 2, unit: 'working_hours', policyId: 'urgent' });
    expect(urgentErrand.resolution).toEqual({ value: 1, unit: 'working_days', policyId: 'urgent' });
  });

  it('leaves a measure without target when no matching policy sets it', () => {
    const selected = selectTargets([policy('pothole', { catalogCode: 'pothole' }, { resolution: days(5) })], {
      catalogCode: 'graffiti',
      kind: 'fault_report',
      priority: 'normal',
      channel: 'web',
    });
    expect(selected).toEqual({ first_response: null, resolution: null, callback: null });
  });

  it('gives every scope its own key', () => {
    expect(scopeKeyOf(ANY)).toBe('*|*|*|*');
    expect(scopeKeyOf({ ...ANY, kind: 'question', channel: 'email' })).toBe('*|question|*|email');
    expect(scopeKeyOf({ ...ANY, catalogCode: 'pothole', priority: 'urgent' })).toBe('pothole|*|urgent|*');
  });
});
