import { InvalidInputError } from '../common/domain-errors';
import { ALL_GROUP, ReportGrouping } from './report-grouping';

const march = { fromMs: Date.parse('2026-02-28T23:00:00Z'), toMs: Date.parse('2026-03-31T22:00:00Z') };

describe('report grouping', () => {
  it('groups by ISO week in the time zone and lists every week of the period, empty ones too', () => {
    const grouping = new ReportGrouping('week', march, 'Europe/Stockholm', ['week', 'department']);
    expect(grouping.keyOf('TEK', Date.parse('2026-03-02T09:00:00Z'))).toBe('2026-W10');
    expect(grouping.keysInOrder([])).toEqual(['2026-W09', '2026-W10', '2026-W11', '2026-W12', '2026-W13', '2026-W14']);
    expect(grouping.keyOfSqlGroup(1)).toBe('2026-W10');
  });

  it('groups by a dimension in alphabetical order with no value last', () => {
    const grouping = new ReportGrouping('department', march, 'Europe/Stockholm', ['week', 'department']);
    expect(grouping.keyOf('TEK', 0)).toBe('TEK');
    expect(grouping.keysInOrder(['VA', null, 'TEK', 'VA'])).toEqual(['TEK', 'VA', null]);
  });

  it('makes one group "all" without groupBy', () => {
    const grouping = new ReportGrouping(undefined, march, 'Europe/Stockholm', []);
    expect(grouping.keyOf('TEK', 0)).toBe(ALL_GROUP);
    expect(grouping.keysInOrder([])).toEqual([ALL_GROUP]);
  });

  it('refuses a grouping the report does not offer', () => {
    expect(() => new ReportGrouping('queue', march, 'Europe/Stockholm', ['department'])).toThrow(InvalidInputError);
  });
});
