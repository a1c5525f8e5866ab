import { DateTime } from 'luxon';
import {
  BusinessCalendar,
  BusinessCalendarSettingsInput,
  InvalidCalendarSettingsError,
  OpeningInterval,
} from './business-calendar';

/**
 * Unless stated otherwise: the default calendar, Europe/Stockholm, Mon-Fri 08:00-16:30 (510
 * minutes a day), Swedish public holidays. Stockholm is UTC+1 in winter (CET) and UTC+2 in
 * summer (CEST); in 2026 summer time runs from Sun 29 March 01:00Z to Sun 25 October 01:00Z.
 */
const calendar = new BusinessCalendar();

/** A Stockholm wall-clock time as an instant, e.g. local('2026-03-27T15:00'). */
function local(text: string, zone = 'Europe/Stockholm'): Date {
  return DateTime.fromISO(text, { zone }).toJSDate();
}

function iso(instant: Date): string {
  return instant.toISOString();
}

function weekdaysOnly(intervals: OpeningInterval[]): BusinessCalendarSettingsInput['openingHours'] {
  return { mon: intervals, tue: intervals, wed: intervals, thu: intervals, fri: intervals, sat: [], sun: [] };
}

describe('BusinessCalendar', () => {
  describe('opening intervals in UTC', () => {
    it('Fri 2026-03-27 (CET, UTC+1) is open 08:00-16:30 local = 07:00Z-15:30Z', () => {
      expect(calendar.openIntervalsOn('2026-03-27').map(({ start, end }) => [iso(start), iso(end)])).toEqual([
        ['2026-03-27T07:00:00.000Z', '2026-03-27T15:30:00.000Z'],
      ]);
    });

    it('Mon 2026-03-30 (CEST, UTC+2), the day after spring-forward, is open 06:00Z-14:30Z', () => {
      expect(calendar.openIntervalsOn('2026-03-30').map(({ start, end }) => [iso(start), iso(end)])).toEqual([
        ['2026-03-30T06:00:00.000Z', '2026-03-30T14:30:00.000Z'],
      ]);
    });

    it('Mon 2026-10-26 (CET again after fall-back) is open 07:00Z-15:30Z', () => {
      expect(calendar.openIntervalsOn('2026-10-26').map(({ start }) => iso(start))).toEqual([
        '2026-10-26T07:00:00.000Z',
      ]);
    });

    it('weekends have no opening intervals and are not working days', () => {
      expect(calendar.openIntervalsOn('2026-03-28')).toEqual([]);
      expect(calendar.isWorkingDay('2026-03-28')).toBe(false);
      expect(calendar.isWorkingDay('2026-03-29')).toBe(false);
      expect(calendar.isWorkingDay('2026-03-30')).toBe(true);
    });

    it('counts 251 working days in Sweden in 2026: 261 weekdays - 7 weekday holidays - 3 closed eves', () => {
      let workingDays = 0;
      for (let day = DateTime.fromISO('2026-01-01'); day.year === 2026; day = day.plus({ days: 1 })) {
        if (calendar.isWorkingDay(day.toISODate() as string)) workingDays++;
      }
      expect(workingDays).toBe(251);
    });

    it('a round-the-clock calendar has a 23-hour day at spring-forward and a 25-hour day at fall-back', () => {
      const allDay: OpeningInterval[] = [['00:00', '24:00']];
      const roundTheClock = new BusinessCalendar({
        openingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
        holidayCountry: null,
      });
      const [springForward] = roundTheClock.openIntervalsOn('2026-03-29');
      expect([iso(springForward.start), iso(springForward.end)]).toEqual([
        '2026-03-28T23:00:00.000Z',
        '2026-03-29T22:00:00.000Z',
      ]);
      const [fallBack] = roundTheClock.openIntervalsOn('2026-10-25');
      expect([iso(fallBack.start), iso(fallBack.end)]).toEqual([
        '2026-10-24T22:00:00.000Z',
        '2026-10-25T23:00:00.000Z',
      ]);
      expect(roundTheClock.workingMinutesBetween(local('2026-03-29T00:00'), local('2026-03-30T00:00'))).toBe(23 * 60);
      expect(roundTheClock.workingMinutesBetween(local('2026-10-25T00:00'), local('2026-10-26T00:00'))).toBe(25 * 60);
      expect(roundTheClock.isOpenAt(new Date('2026-03-29T01:30:00Z'))).toBe(true);
    });
  });

  describe('isOpenAt', () => {
    it('opens at 08:00 sharp and closes at 16:30 sharp (closing time is already closed)', () => {
      expect(calendar.isOpenAt(new Date('2026-03-27T06:59:59.999Z'))).toBe(false);
      expect(calendar.isOpenAt(new Date('2026-03-27T07:00:00.000Z'))).toBe(true);
      expect(calendar.isOpenAt(new Date('2026-03-27T15:29:59.999Z'))).toBe(true);
      expect(calendar.isOpenAt(new Date('2026-03-27T15:30:00.000Z'))).toBe(false);
    });

    it('uses summer time after spring-forward: 06:30Z on Mon 2026-03-30 is 08:30 local', () => {
      expect(calendar.isOpenAt(new Date('2026-03-30T06:30:00Z'))).toBe(true);
      expect(calendar.isOpenAt(new Date('2026-03-27T06:30:00Z'))).toBe(false); // 07:30 CET
    });

    it('is closed at night and on Saturdays', () => {
      expect(calendar.isOpenAt(local('2026-02-10T03:00'))).toBe(false);
      expect(calendar.isOpenAt(local('2026-02-14T11:00'))).toBe(false);
    });
  });

  describe('DST weeks', () => {
    it('spring-forward: Fri 2026-03-27 16:00 CET + 120 min = 30 min Friday + 90 min Monday = Mon 09:30 CEST = 07:30Z', () => {
      expect(iso(calendar.addWorkingMinutes(local('2026-03-27T16:00'), 120))).toBe('2026-03-30T07:30:00.000Z');
    });

    it('spring-forward: Fri 12:00 -> Mon 12:00 is 270 + 240 = 510 minutes although only 71 hours pass', () => {
      expect(calendar.workingMinutesBetween(local('2026-03-27T12:00'), local('2026-03-30T12:00'))).toBe(510);
    });

    it('spring-forward: the weekend of the switch contributes nothing', () => {
      expect(calendar.workingMinutesBetween(local('2026-03-28T00:00'), local('2026-03-30T00:00'))).toBe(0);
    });

    it('fall-back: Fri 2026-10-23 16:00 CEST + 60 min = 30 min Friday + Mon 08:30 CET = 07:30Z', () => {
      expect(iso(calendar.addWorkingMinutes(local('2026-10-23T16:00'), 60))).toBe('2026-10-26T07:30:00.000Z');
    });

    it('fall-back: Mon 2026-10-19 00:00 -> Mon 2026-10-26 00:00 is 5 x 510 = 2550 minutes', () => {
      expect(calendar.workingMinutesBetween(local('2026-10-19T00:00'), local('2026-10-26T00:00'))).toBe(2550);
    });

    it('fall-back: due within 1 working day from Fri 2026-10-23 10:00 is Mon 16:30 CET = 15:30Z', () => {
      expect(iso(calendar.addWorkingDays(local('2026-10-23T10:00'), 1))).toBe('2026-10-26T15:30:00.000Z');
    });
  });

  describe('addWorkingMinutes', () => {
    it('a case arriving at night (Tue 2026-02-10 03:00) + 60 min is due 09:00 local = 08:00Z', () => {
      expect(iso(calendar.addWorkingMinutes(local('2026-02-10T03:00'), 60))).toBe('2026-02-10T08:00:00.000Z');
    });

    it('a case arriving on Saturday 2026-02-14 11:00 + 30 min is due Mon 08:30 = 07:30Z', () => {
      expect(iso(calendar.addWorkingMinutes(local('2026-02-14T11:00'), 30))).toBe('2026-02-16T07:30:00.000Z');
    });

    it('running out exactly at closing gives the closing time, not the next opening', () => {
      // Tue 2026-02-10 16:00 + 30 min = 16:30 local = 15:30Z
      expect(iso(calendar.addWorkingMinutes(local('2026-02-10T16:00'), 30))).toBe('2026-02-10T15:30:00.000Z');
    });

    it('0 minutes is the instant itself while open, else the next opening', () => {
      expect(iso(calendar.addWorkingMinutes(local('2026-02-10T10:00'), 0))).toBe('2026-02-10T09:00:00.000Z');
      expect(iso(calendar.addWorkingMinutes(local('2026-02-10T17:00'), 0))).toBe('2026-02-11T07:00:00.000Z');
      expect(iso(calendar.nextOpeningAt(local('2026-02-14T11:00')))).toBe('2026-02-16T07:00:00.000Z');
    });

    it('several weeks: Mon 2026-02-02 08:00 + 10 x 510 min = the close of Fri 2026-02-13 (15:30Z)', () => {
      expect(iso(calendar.addWorkingMinutes(local('2026-02-02T08:00'), 10 * 510))).toBe('2026-02-13T15:30:00.000Z');
    });

    it('rejects negative and non-finite minutes', () => {
      expect(() => calendar.addWorkingMinutes(local('2026-02-10T10:00'), -1)).toThrow(RangeError);
      expect(() => calendar.addWorkingMinutes(local('2026-02-10T10:00'), Number.NaN)).toThrow(RangeError);
    });
  });

  describe('addWorkingDays (by the close of the N-th working day after arrival)', () => {
    it('KKiK "within 1 working day": an e-mail on Mon 2026-02-09 10:00 is due Tue 16:30 = 15:30Z', () => {
      expect(iso(calendar.addWorkingDays(local('2026-02-09T10:00'), 1))).toBe('2026-02-10T15:30:00.000Z');
    });

    it('arriving at night before opening (Tue 2026-02-10 03:00) counts Tuesday as day 0: due Wed 16:30', () => {
      expect(iso(calendar.addWorkingDays(local('2026-02-10T03:00'), 1))).toBe('2026-02-11T15:30:00.000Z');
    });

    it('arriving after closing (Tue 2026-02-10 20:00) counts from Wednesday: due Thu 16:30', () => {
      expect(iso(calendar.addWorkingDays(local('2026-02-10T20:00'), 1))).toBe('2026-02-12T15:30:00.000Z');
    });

    it('arriving exactly at closing time counts as after closing', () => {
      expect(iso(calendar.addWorkingDays(local('2026-02-10T16:30'), 1))).toBe('2026-02-12T15:30:00.000Z');
    });

    it('arriving on Saturday 2026-02-14 counts Monday as day 0: due Tue 2026-02-17 16:30', () => {
      expect(iso(calendar.addWorkingDays(local('2026-02-14T11:00'), 1))).toBe('2026-02-17T15:30:00.000Z');
    });

    it('0 working days is the close of the arrival day, or of the next working day', () => {
      expect(iso(calendar.addWorkingDays(local('2026-02-09T10:00'), 0))).toBe('2026-02-09T15:30:00.000Z');
      expect(iso(calendar.addWorkingDays(local('2026-02-14T11:00'), 0))).toBe('2026-02-16T15:30:00.000Z');
    });

    it('5 working days from Wed 2026-02-11 10:00 is Wed 2026-02-18 16:30', () => {
      expect(iso(calendar.addWorkingDays(local('2026-02-11T10:00'), 5))).toBe('2026-02-18T15:30:00.000Z');
    });

    it('rejects fractional and negative day counts', () => {
      expect(() => calendar.addWorkingDays(local('2026-02-11T10:00'), 1.5)).toThrow(RangeError);
      expect(() => calendar.addWorkingDays(local('2026-02-11T10:00'), -1)).toThrow(RangeError);
    });
  });

  describe('workingMinutesBetween', () => {
    it('is 0 when b is not after a', () => {
      const instant = local('2026-02-10T10:00');
      expect(calendar.workingMinutesBetween(instant, instant)).toBe(0);
      expect(calendar.workingMinutesBetween(instant, local('2026-02-09T10:00'))).toBe(0);
    });

    it('counts partial minutes: 10:00:00 -> 10:00:30 is 0.5 minutes', () => {
      expect(calendar.workingMinutesBetween(local('2026-02-10T10:00:00'), local('2026-02-10T10:00:30'))).toBe(0.5);
    });

    it('night to night on one working day is the full 510 minutes', () => {
      expect(calendar.workingMinutesBetween(local('2026-02-10T03:00'), local('2026-02-10T22:00'))).toBe(510);
    });

    it('the whole of 2026 is 251 x 510 = 128010 minutes', () => {
      expect(calendar.workingMinutesBetween(local('2026-01-01T00:00'), local('2027-01-01T00:00'))).toBe(128_010);
    });

    it('spans of several years add up year by year', () => {
      const years = [2025, 2026, 2027].map((year) =>
        calendar.workingMinutesBetween(local(`${year}-01-01T00:00`), local(`${year + 1}-01-01T00:00`)),
      );
      expect(calendar.workingMinutesBetween(local('2025-01-01T00:00'), local('2028-01-01T00:00'))).toBe(
        years[0] + years[1] + years[2],
      );
    });

    it('is additive and inverts addWorkingMinutes at random instants in 2025-2028', () => {
      let seed = 42;
      const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      const start = Date.parse('2025-01-01T00:00:00Z');
      for (let i = 0; i < 500; i++) {
        const a = new Date(start + random() * 3 * 365 * 86_400_000);
        const b = new Date(a.getTime() + random() * 40 * 86_400_000);
        const c = new Date(b.getTime() + random() * 400 * 86_400_000);
        const ab = calendar.workingMinutesBetween(a, b);
        const bc = calendar.workingMinutesBetween(b, c);
        expect(calendar.workingMinutesBetween(a, c)).toBeCloseTo(ab + bc, 6);
        const minutes = Math.round(random() * 5000) + 1;
        expect(calendar.workingMinutesBetween(a, calendar.addWorkingMinutes(a, minutes))).toBe(minutes);
      }
    });
  });

  describe('opening hours that differ by weekday and lunch closures', () => {
    const shortFriday = new BusinessCalendar({
      openingHours: { ...weekdaysOnly([['08:00', '16:30']]), fri: [['08:00', '15:00']], sat: [['10:00', '14:00']] },
    });
    const lunchClosed = new BusinessCalendar({
      openingHours: weekdaysOnly([
        ['08:00', '12:00'],
        ['13:00', '16:30'],
      ]),
    });

    it('a week Mon 2026-02-09 -> Mon 2026-02-16 is 4 x 510 + 420 (Fri) + 240 (Sat) = 2700 minutes', () => {
      expect(shortFriday.workingMinutesBetween(local('2026-02-09T00:00'), local('2026-02-16T00:00'))).toBe(2700);
    });

    it('Fri 2026-02-13 14:00 + 90 min = 60 Friday + 30 Saturday = Sat 10:30 local = 09:30Z', () => {
      expect(iso(shortFriday.addWorkingMinutes(local('2026-02-13T14:00'), 90))).toBe('2026-02-14T09:30:00.000Z');
    });

    it('the Saturday counts as a working day: Fri 16:00 (after Friday close) + 1 day = close of Monday', () => {
      // Day 0 is Saturday 14th, day 1 Monday 16th.
      expect(iso(shortFriday.addWorkingDays(local('2026-02-13T16:00'), 1))).toBe('2026-02-16T15:30:00.000Z');
    });

    it('lunch: two intervals, closed 12:00-13:00', () => {
      expect(lunchClosed.openIntervalsOn('2026-02-10').map(({ start, end }) => [iso(start), iso(end)])).toEqual([
        ['2026-02-10T07:00:00.000Z', '2026-02-10T11:00:00.000Z'],
        ['2026-02-10T12:00:00.000Z', '2026-02-10T15:30:00.000Z'],
      ]);
      expect(lunchClosed.isOpenAt(local('2026-02-10T12:30'))).toBe(false);
    });

    it('lunch: 11:30 + 60 min = 30 before lunch + 30 after = 13:30 local = 12:30Z', () => {
      expect(iso(lunchClosed.addWorkingMinutes(local('2026-02-10T11:30'), 60))).toBe('2026-02-10T12:30:00.000Z');
    });

    it('lunch: 11:00 + 60 min ends exactly at 12:00, not at 13:00', () => {
      expect(iso(lunchClosed.addWorkingMinutes(local('2026-02-10T11:00'), 60))).toBe('2026-02-10T11:00:00.000Z');
    });

    it('lunch: 11:00 -> 14:00 is 60 + 60 = 120 minutes; arriving at 12:30 the clock starts at 13:00', () => {
      expect(lunchClosed.workingMinutesBetween(local('2026-02-10T11:00'), local('2026-02-10T14:00'))).toBe(120);
      expect(iso(lunchClosed.addWorkingMinutes(local('2026-02-10T12:30'), 0))).toBe('2026-02-10T12:00:00.000Z');
    });

    it('lunch: arriving during lunch is before close, so the day counts as day 0', () => {
      expect(iso(lunchClosed.addWorkingDays(local('2026-02-10T12:30'), 1))).toBe('2026-02-11T15:30:00.000Z');
    });

    it('touching intervals are joined: 08:00-12:00 + 12:00-16:30 is one interval', () => {
      const joined = new BusinessCalendar({
        openingHours: weekdaysOnly([
          ['12:00', '16:30'],
          ['08:00', '12:00'],
        ]),
      });
      expect(joined.openIntervalsOn('2026-02-10')).toHaveLength(1);
    });
  });

  describe('bad arguments', () => {
    it('rejects invalid settings with every problem listed', () => {
      const build = () =>
        new BusinessCalendar({ timeZone: 'Mars/Olympus', openingHours: { mon: [['17:00', '08:00']] } });
      expect(build).toThrow(InvalidCalendarSettingsError);
      expect(() => build()).toThrow(/Mars\/Olympus.*17:00/);
    });

    it('rejects invalid instants and local dates', () => {
      expect(() => calendar.isOpenAt(new Date('not a date'))).toThrow(RangeError);
      expect(() => calendar.openIntervalsOn('2026-02-30')).toThrow(RangeError);
      expect(() => calendar.isWorkingDay('10/02/2026')).toThrow(RangeError);
    });

    it('maps instants to local dates in the calendar time zone', () => {
      expect(calendar.localDateOf(new Date('2026-06-18T22:30:00Z'))).toBe('2026-06-19'); // 00:30 CEST
      expect(calendar.localDateOf(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01'); // 00:30 CET
    });
  });
});
