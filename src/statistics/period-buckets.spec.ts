import { PeriodBuckets } from './period-buckets';

const STOCKHOLM = 'Europe/Stockholm';
const ms = (iso: string) => Date.parse(iso);

describe('period buckets: calendar periods in the municipality time zone', () => {
  it('puts 23:30 UTC on 31 March into April in Stockholm (summer time, UTC+2)', () => {
    const buckets = new PeriodBuckets(
      ms('2026-01-01T00:00:00+01:00'),
      ms('2027-01-01T00:00:00+01:00'),
      'month',
      STOCKHOLM,
    );
    expect(buckets.buckets).toHaveLength(12);
    expect(buckets.keyOf(ms('2026-03-31T23:30:00Z'))).toBe('2026-04');
    expect(buckets.keyOf(ms('2026-03-31T21:59:59.999Z'))).toBe('2026-03');
    expect(buckets.buckets[3]).toEqual({
      key: '2026-04',
      startMs: ms('2026-04-01T00:00:00+02:00'),
      endMs: ms('2026-05-01T00:00:00+02:00'),
    });
  });

  it('makes the spring-forward day 23 hours long and the fall-back day 25', () => {
    const buckets = new PeriodBuckets(
      ms('2026-03-29T00:00:00+01:00'),
      ms('2026-03-30T00:00:00+02:00'),
      'day',
      STOCKHOLM,
    );
    expect(buckets.buckets).toEqual([
      { key: '2026-03-29', startMs: ms('2026-03-28T23:00:00Z'), endMs: ms('2026-03-29T22:00:00Z') },
    ]);
    const autumn = new PeriodBuckets(
      ms('2026-10-25T00:00:00+02:00'),
      ms('2026-10-26T00:00:00+01:00'),
      'day',
      STOCKHOLM,
    );
    expect(autumn.buckets[0].endMs - autumn.buckets[0].startMs).toBe(25 * 3_600_000);
  });

  it('starts every day at midnight after a change of the clocks at midnight (Santiago, 6 September 2026)', () => {
    // Chile's summer time begins at 00:00 on 6 September 2026: that day runs from 01:00 (-03:00).
    const zone = 'America/Santiago';
    const days = new PeriodBuckets(ms('2026-09-05T00:00:00-04:00'), ms('2026-09-09T00:00:00-03:00'), 'day', zone);
    expect(days.buckets.map(({ key, startMs }) => [key, new Date(startMs).toISOString()])).toEqual([
      ['2026-09-05', '2026-09-05T04:00:00.000Z'],
      ['2026-09-06', '2026-09-06T04:00:00.000Z'],
      ['2026-09-07', '2026-09-07T03:00:00.000Z'],
      ['2026-09-08', '2026-09-08T03:00:00.000Z'],
    ]);
    // 00:30 local on the 7th is the 7th, not the 6th.
    expect(days.keyOf(ms('2026-09-07T00:30:00-03:00'))).toBe('2026-09-07');
    const weeks = new PeriodBuckets(ms('2026-08-31T00:00:00-04:00'), ms('2026-09-21T00:00:00-03:00'), 'week', zone);
    expect(weeks.keyOf(ms('2026-09-14T00:30:00-03:00'))).toBe('2026-W38');
  });

  it('names ISO weeks by their week-year: 2026-12-31 (a Thursday) is in 2026-W53, 2027-01-04 starts 2027-W01', () => {
    const buckets = new PeriodBuckets(
      ms('2026-12-28T00:00:00+01:00'),
      ms('2027-01-11T00:00:00+01:00'),
      'week',
      STOCKHOLM,
    );
    expect(buckets.buckets.map((bucket) => bucket.key)).toEqual(['2026-W53', '2027-W01']);
    expect(buckets.keyOf(ms('2027-01-03T22:59:59Z'))).toBe('2026-W53');
    expect(buckets.keyOf(ms('2027-01-03T23:00:00Z'))).toBe('2027-W01');
  });

  it('clips the first and last bucket to the report period, keeping the period name', () => {
    const from = ms('2026-03-04T12:00:00Z');
    const to = ms('2026-03-10T12:00:00Z');
    const buckets = new PeriodBuckets(from, to, 'week', STOCKHOLM);
    expect(buckets.buckets).toEqual([
      { key: '2026-W10', startMs: from, endMs: ms('2026-03-09T00:00:00+01:00') },
      { key: '2026-W11', startMs: ms('2026-03-09T00:00:00+01:00'), endMs: to },
    ]);
    expect(buckets.indexOf(from - 1)).toBe(-1);
    expect(buckets.indexOf(to)).toBe(-1);
    expect(buckets.indexOf(to - 1)).toBe(1);
  });

  it('names quarters and years', () => {
    const quarters = new PeriodBuckets(
      ms('2026-01-01T00:00:00+01:00'),
      ms('2027-01-01T00:00:00+01:00'),
      'quarter',
      STOCKHOLM,
    );
    expect(quarters.buckets.map((bucket) => bucket.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    const years = new PeriodBuckets(ms('2025-06-01T00:00:00Z'), ms('2026-06-01T00:00:00Z'), 'year', STOCKHOLM);
    expect(years.buckets.map((bucket) => bucket.key)).toEqual(['2025', '2026']);
  });
});
