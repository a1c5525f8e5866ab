import { AreaRuleTerms, decideDepartment } from './routing-decision';

const at = (postalCode: string | null, address: string | null = null) => ({
  catalogDepartmentCode: 'TEK',
  postalCode,
  address,
});
const rule = (id: string, terms: Partial<AreaRuleTerms>): AreaRuleTerms => ({
  id,
  postalCodePrefix: null,
  district: null,
  departmentCode: 'GATA-OST',
  priority: 0,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  ...terms,
});

describe('decideDepartment', () => {
  it("sends a case to its catalog type's department when no rule applies", () => {
    expect(decideDepartment(at('13930'), [rule('r1', { postalCodePrefix: '1394' })], null)).toEqual({
      departmentCode: 'TEK',
      rule: 'catalog',
      ruleId: null,
    });
  });

  it('sends a case to the department of an area rule whose postal-code prefix matches', () => {
    expect(decideDepartment(at('139 41'), [rule('r1', { postalCodePrefix: '1394' })], null)).toEqual({
      departmentCode: 'GATA-OST',
      rule: 'area',
      ruleId: 'r1',
    });
  });

  it('does not match a postal-code rule when the case has no full postal code', () => {
    expect(decideDepartment(at(null, 'Storgatan 1'), [rule('r1', { postalCodePrefix: '1' })], null).rule).toBe(
      'catalog',
    );
    expect(decideDepartment(at('139'), [rule('r1', { postalCodePrefix: '139' })], null).rule).toBe('catalog');
  });

  it('matches a district named in the address as a whole word, in any case', () => {
    const rules = [rule('r1', { district: 'Lövudden', departmentCode: 'GATA-SYD' })];
    expect(decideDepartment(at(null, 'Strandvägen 3, LÖVUDDEN'), rules, null)).toMatchObject({
      departmentCode: 'GATA-SYD',
      rule: 'area',
    });
    expect(decideDepartment(at(null, 'Lövuddenvägen 3'), rules, null).rule).toBe('catalog');
  });

  it('prefers the higher priority, then the longer prefix, then a postal code over a district, then the older rule', () => {
    const where = at('13941', 'Lövudden');
    const broad = rule('broad', { postalCodePrefix: '13', departmentCode: 'A' });
    const narrow = rule('narrow', { postalCodePrefix: '1394', departmentCode: 'B' });
    const district = rule('district', { district: 'Lövudden', departmentCode: 'C' });
    const urgent = rule('urgent', { district: 'Lövudden', departmentCode: 'D', priority: 5 });
    expect(decideDepartment(where, [broad, narrow, district, urgent], null).ruleId).toBe('urgent');
    expect(decideDepartment(where, [broad, narrow, district], null).ruleId).toBe('narrow');
    expect(decideDepartment(where, [broad, district], null).ruleId).toBe('broad');
    const older = rule('older', { district: 'Lövudden', createdAt: new Date('2025-06-01T00:00:00Z') });
    expect(decideDepartment(where, [district, older], null).ruleId).toBe('older');
  });

  it('lets an override win over area rules and the catalog', () => {
    expect(
      decideDepartment(at('13941'), [rule('r1', { postalCodePrefix: '1394' })], { id: 'o1', departmentCode: 'VA' }),
    ).toEqual({ departmentCode: 'VA', rule: 'override', ruleId: 'o1' });
  });
});
