import { InvalidInputError } from '../common/domain-errors';
import { parseReportPeriod, yearPeriod } from './report-period';

const STOCKHOLM = 'Europe/Stockholm';

describe('report period: [from, to) from the query', () => {
  it('reads a bare date as local midnight in the municipality time zone', () => {
    expect(parseReportPeriod('2026-03-01', '2026-04-01', STOCKHOLM)).toEqual({
      fromMs: Date.parse('2026-02-28T23:00:00Z'),
      toMs: Date.parse('2026-03-31T22:00:00Z'),
    });
  });

  it('takes an instant with an offset as it is, and a date-time without one as local time', () => {
    expect(parseReportPeriod('2026-03-02T09:00:00Z', '2026-03-02T11:00:00+01:00', STOCKHOLM)).toEqual({
      fromMs: Date.parse('2026-03-02T09:00:00Z'),
      toMs: Date.parse('2026-03-02T10:00:00Z'),
    });
    expect(parseReportPeriod('2026-03-02T08:00', '2026-03-03', STOCKHOLM).fromMs).toBe(
      Date.parse('2026-03-02T07:00:00Z'),
    );
  });

  it('answers every problem at once', () => {
    expect(() => parseReportPeriod(undefined, 'yesterday', STOCKHOLM)).toThrow(InvalidInputError);
    try {
      parseReportPeriod(undefined, 'yesterday', STOCKHOLM);
    } catch (error) {
      expect((error as InvalidInputError).messages).toEqual([
        'from: required, a date YYYY-MM-DD (local) or an ISO 8601 instant',
        'to: "yesterday" is not a date YYYY-MM-DD (local) or an ISO 8601 instant',
      ]);
    }
  });

  it('refuses an empty or reversed period and one longer than about ten years', () => {
    expect(() => parseReportPeriod('2026-03-01', '2026-03-01', STOCKHOLM)).toThrow('to: must be later than from');
    expect(() => parseReportPeriod('2000-01-01', '2026-01-01', STOCKHOLM)).toThrow('at most 3700 days');
    expect(() => parseReportPeriod('2026-02-30', '2026-03-01', STOCKHOLM)).toThrow('"2026-02-30" is not a date');
  });

  it('gives a local calendar year', () => {
    expect(yearPeriod(2026, STOCKHOLM)).toEqual({
      fromMs: Date.parse('2025-12-31T23:00:00Z'),
      toMs: Date.parse('2026-12-31T23:00:00Z'),
    });
  });
});
