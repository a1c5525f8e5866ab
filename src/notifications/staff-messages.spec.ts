import { caseConsolePath, onCallEmail } from './staff-messages';

describe('onCallEmail', () => {
  const context = {
    reference: '2026-000123',
    caseTypeName: 'Vattenläcka',
    confidential: false,
    priority: 'urgent' as const,
    signature: 'Servicecenter',
  };

  it('names the reference, the type, the priority and the case page, and nothing the citizen wrote', () => {
    expect(onCallEmail(context)).toEqual({
      subject: 'Brådskande ärende utanför öppettid: 2026-000123',
      text:
        'Ett brådskande ärende kom in när servicecentret var stängt.\n\n' +
        'Ärende: 2026-000123\nTyp: Vattenläcka\nPrioritet: brådskande\nÖppna ärendet: /cases/2026-000123\n\n' +
        'Servicecenter\n',
    });
  });

  it('does not name the type of a confidential case, and says when there is no type yet', () => {
    expect(onCallEmail({ ...context, confidential: true, caseTypeName: 'Våld i nära relationer' }).text).toContain(
      'Typ: Sekretessärende (typen visas inte i e-post)\n',
    );
    expect(onCallEmail({ ...context, confidential: true }).text).not.toContain('Vattenläcka');
    expect(onCallEmail({ ...context, caseTypeName: null }).text).toContain('Typ: Inte bestämd ännu\n');
  });

  it('links to the case by its reference in the staff console', () => {
    expect(caseConsolePath('2026-000123')).toBe('/cases/2026-000123');
  });
});
