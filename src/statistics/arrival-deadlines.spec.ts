import { BusinessCalendar, DEFAULT_CALENDAR_SETTINGS } from '../calendar/business-calendar';
import { ArrivalDeadlines, arrivalSpans } from './arrival-deadlines';
import { PeriodBuckets } from './period-buckets';

const HOUR_MS = 3_600_000;

describe('arrival spans', () => {
  const calendar = new BusinessCalendar(DEFAULT_CALENDAR_SETTINGS);
  // Stockholm 2026: DST starts 29 March, ends 25 October; Easter 3-6 April; Midsummer Eve 19 June.
  const fromMs = Date.parse('2026-03-01T00:00:00+01:00');
  const toMs = Date.parse('2026-11-01T00:00:00+01:00');

  it('gives every arrival the due times addWorkingDays gives it, hour by hour and at the closing minute', () => {
    const deadlines = new ArrivalDeadlines(calendar, fromMs, toMs, [0, 1, 2, 10]);
    const instants: number[] = [];
    for (let t = fromMs; t < toMs; t += HOUR_MS / 4) instants.push(t);
    // Just before, at and after 16:30 local on a Monday (closing time of the default calendar).
    const closing = Date.parse('2026-03-02T16:30:00+01:00');
    instants.push(closing - 1, closing, closing + 1);
    const differences: string[] = [];
    for (const arrivedMs of instants)
      [0, 1, 2, 10].forEach((days, k) => {
        const expected = calendar.addWorkingDays(new Date(arrivedMs), days).getTime();
        if (deadlines.dueMs(arrivedMs, k) !== expected)
          differences.push(`${new Date(arrivedMs).toISOString()} +${days}`);
      });
    expect(instants.length).toBeGreaterThan(23_000);
    expect(differences).toEqual([]);
  });

  it('joins neighbouring spans with the same due times: about one span per working day', () => {
    const spans = arrivalSpans(calendar, fromMs, toMs, [2], null);
    // 245 days; 16 weekends plus Easter, Ascension, National Day, Midsummer and All Saints' Eve close ~ 75.
    expect(spans.length).toBeGreaterThan(160);
    expect(spans.length).toBeLessThan(175);
    spans.forEach((span, index) => expect(span.startMs).toBe(index === 0 ? fromMs : spans[index - 1].endMs));
    expect(spans[spans.length - 1].endMs).toBe(toMs);
  });

  it('keeps each span inside one report period', () => {
    const months = new PeriodBuckets(fromMs, toMs, 'month', 'Europe/Stockholm');
    const spans = arrivalSpans(calendar, fromMs, toMs, [1], months);
    for (const span of spans) {
      expect(months.indexOf(span.startMs)).toBe(span.periodIndex);
      expect(months.indexOf(span.endMs - 1)).toBe(span.periodIndex);
    }
  });
});
