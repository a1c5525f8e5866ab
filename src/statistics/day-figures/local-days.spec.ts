import { DateTime } from 'luxon';
import { localDayOf, utcDaysOf, wholeLocalDays } from './local-days';

describe('local days', () => {
  const zone = 'Europe/Stockholm';

  it('finds the local day of an instant: 23:30Z on 28 February is 1 March in Stockholm', () => {
    const day = localDayOf(Date.parse('2026-02-28T23:30:00Z'), zone);
    expect(day).toEqual({
      localDay: '2026-03-01',
      startMs: Date.parse('2026-02-28T23:00:00Z'),
      endMs: Date.parse('2026-03-01T23:00:00Z'),
    });
  });

  it('gives the day the clocks go forward 23 hours and the day they go back 25', () => {
    const spring = localDayOf(Date.parse('2026-03-29T12:00:00Z'), zone);
    const autumn = localDayOf(Date.parse('2026-10-25T12:00:00Z'), zone);
    expect((spring.endMs - spring.startMs) / 3_600_000).toBe(23);
    expect((autumn.endMs - autumn.startMs) / 3_600_000).toBe(25);
  });

  it('ends a day where the next begins where the clocks change at midnight (Santiago, September 2026)', () => {
    const zone = 'America/Santiago';
    // 6 September begins at 01:00 (midnight does not exist); 7 September at 00:00.
    const sixth = localDayOf(Date.parse('2026-09-06T16:00:00Z'), zone);
    const seventh = localDayOf(Date.parse('2026-09-07T16:00:00Z'), zone);
    expect(sixth.endMs).toBe(seventh.startMs);
    expect((sixth.endMs - sixth.startMs) / 3_600_000).toBe(23);
    const days = wholeLocalDays(Date.parse('2026-09-05T04:00:00Z'), Date.parse('2026-09-09T03:00:00Z'), zone);
    days.slice(1).forEach((day, index) => expect(day.startMs).toBe(days[index].endMs));
    expect(days.map((day) => day.localDay)).toEqual(['2026-09-05', '2026-09-06', '2026-09-07', '2026-09-08']);
  });

  it('lists only the days wholly inside a period, so its edges within a day are left out', () => {
    const days = wholeLocalDays(Date.parse('2026-03-15T10:30:00Z'), Date.parse('2026-03-18T12:00:00Z'), zone);
    expect(days.map((day) => day.localDay)).toEqual(['2026-03-16', '2026-03-17']);
    const march = wholeLocalDays(Date.parse('2026-02-28T23:00:00Z'), Date.parse('2026-03-31T22:00:00Z'), zone);
    expect(march).toHaveLength(31);
    expect(march[0].localDay).toBe('2026-03-01');
    expect(march[30].localDay).toBe('2026-03-31');
  });

  it.each(['Europe/Stockholm', 'America/Santiago', 'America/Havana', 'Australia/Lord_Howe', 'Pacific/Apia'])(
    'gives in %s, 2011-2027, the days the calendar gives one by one (clock changes, a skipped day)',
    (timeZone) => {
      const fromMs = Date.parse('2011-01-01T00:00:00Z');
      const toMs = Date.parse('2027-12-31T00:00:00Z');
      const expected: Array<{ localDay: string; startMs: number; endMs: number }> = [];
      let start = DateTime.fromMillis(fromMs, { zone: timeZone }).startOf('day');
      if (start.toMillis() < fromMs) start = start.plus({ days: 1 }).startOf('day');
      for (;;) {
        const end = start.plus({ days: 1 }).startOf('day');
        if (end.toMillis() > toMs) break;
        expected.push({ localDay: start.toISODate() as string, startMs: start.toMillis(), endMs: end.toMillis() });
        start = end;
      }
      expect(wholeLocalDays(fromMs, toMs, timeZone)).toEqual(expected);
    },
  );

  it('names the UTC days a local day touches: two east of Greenwich, one in UTC itself', () => {
    expect(utcDaysOf(localDayOf(Date.parse('2026-03-01T12:00:00Z'), zone))).toEqual(['2026-02-28', '2026-03-01']);
    expect(utcDaysOf(localDayOf(Date.parse('2026-03-01T12:00:00Z'), 'UTC'))).toEqual(['2026-03-01']);
    expect(utcDaysOf(localDayOf(Date.parse('2026-03-01T12:00:00Z'), 'America/New_York'))).toEqual([
      '2026-03-01',
      '2026-03-02',
    ]);
  });
});
