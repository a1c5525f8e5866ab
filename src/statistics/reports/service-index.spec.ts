import { serviceIndexRow } from './service-index.service';

describe('serviceIndexRow', () => {
  it('counts answered, case created, referred and kept callbacks as active service, and leaves out callbacks not yet due', () => {
    // 20 contacts: 9 answered, 3 cases created, 2 referred; 6 owe a callback: 3 kept, 1 not yet due.
    const row = serviceIndexRow(
      'SC',
      { contacts: 20, answered: 9, caseCreated: 3, referred: 2 },
      { kept: 3, pending: 1 },
      95,
    );
    expect(row).toEqual({
      group: 'SC',
      contacts: 20,
      activeService: 17,
      measured: 19,
      callbacksPending: 1,
      serviceIndexPercent: 89.47,
      targetPercent: 95,
      meetsTarget: false,
    });
  });

  it('meets the target at exactly the target, and has no index while nothing is measured', () => {
    const full = serviceIndexRow(
      null,
      { contacts: 20, answered: 19, caseCreated: 0, referred: 0 },
      { kept: 0, pending: 0 },
      95,
    );
    expect([full.serviceIndexPercent, full.meetsTarget]).toEqual([95, true]);
    const waiting = serviceIndexRow(
      'total',
      { contacts: 2, answered: 0, caseCreated: 0, referred: 0 },
      { kept: 0, pending: 2 },
      95,
    );
    expect(waiting).toMatchObject({ measured: 0, serviceIndexPercent: null, meetsTarget: null });
  });
});
