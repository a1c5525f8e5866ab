import { defaultPeriod, periodPresets, readPeriod } from './dashboard-period';

const STOCKHOLM = 'Europe/Stockholm';

describe('the dashboard period', () => {
  it('is this year so far by default, in the municipality time zone, with the day after as the end', () => {
    // 31 December 2026, 23:30 UTC is already 1 January 2027 in Stockholm.
    expect(defaultPeriod(new Date('2026-12-31T23:30:00Z'), STOCKHOLM)).toEqual({
      from: '2027-01-01',
      to: '2027-01-01',
      toExclusive: '2027-01-02',
    });
    expect(readPeriod({}, new Date('2026-03-02T09:00:00Z'), STOCKHOLM)).toEqual({
      period: { from: '2026-01-01', to: '2026-03-02', toExclusive: '2026-03-03' },
      problems: [],
    });
  });

  it('takes both days given, the last included', () => {
    const asked = readPeriod({ from: '2024-02-01', to: '2024-02-29' }, new Date('2026-03-02T09:00:00Z'), STOCKHOLM);
    expect(asked.period).toEqual({ from: '2024-02-01', to: '2024-02-29', toExclusive: '2024-03-01' });
  });

  it('names each field that is missing, not a date, or ends before it starts', () => {
    const now = new Date('2026-03-02T09:00:00Z');
    expect(readPeriod({ from: '2026-02-30', to: '' }, now, STOCKHOLM)).toEqual({
      period: null,
      problems: [
        { field: 'from', reason: 'notADate' },
        { field: 'to', reason: 'missing' },
      ],
      from: '2026-02-30',
      to: '',
    });
    expect(readPeriod({ to: '2026-03-01' }, now, STOCKHOLM).problems).toEqual([{ field: 'from', reason: 'missing' }]);
    expect(readPeriod({ from: '2026-03-02', to: '2026-03-01' }, now, STOCKHOLM).problems).toEqual([
      { field: 'to', reason: 'beforeFrom' },
    ]);
    expect(readPeriod({ from: ['2026-01-01'], to: '1 March' }, now, STOCKHOLM).problems).toEqual([
      { field: 'from', reason: 'missing' },
      { field: 'to', reason: 'notADate' },
    ]);
  });

  it('offers this and last month, this and last year', () => {
    expect(periodPresets(new Date('2026-03-02T09:00:00Z'), STOCKHOLM)).toEqual([
      { key: 'thisMonth', from: '2026-03-01', to: '2026-03-02' },
      { key: 'lastMonth', from: '2026-02-01', to: '2026-02-28' },
      { key: 'thisYear', from: '2026-01-01', to: '2026-03-02' },
      { key: 'lastYear', from: '2025-01-01', to: '2025-12-31' },
    ]);
  });
});
