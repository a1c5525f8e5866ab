import { DateTime } from 'luxon';
import { BusinessCalendar, BusinessCalendarSettingsInput, OpeningInterval } from './business-calendar';

/**
 * Holidays, eves and closure days. Sweden: the default calendar, Mon-Fri 08:00-16:30 (510
 * minutes). Stockholm, Copenhagen and Oslo share CET (UTC+1) / CEST (UTC+2); in 2026 summer time
 * runs from 29 March to 25 October.
 */
const sweden = new BusinessCalendar();

function local(text: string, zone = 'Europe/Stockholm'): Date {
  return DateTime.fromISO(text, { zone }).toJSDate();
}

function iso(instant: Date): string {
  return instant.toISOString();
}

function intervalsOn(calendar: BusinessCalendar, localDate: string): string[][] {
  return calendar.openIntervalsOn(localDate).map(({ start, end }) => [iso(start), iso(end)]);
}

function weekdaysOnly(intervals: OpeningInterval[]): BusinessCalendarSettingsInput['openingHours'] {
  return { mon: intervals, tue: intervals, wed: intervals, thu: intervals, fri: intervals, sat: [], sun: [] };
}

function swedenWith(settings: Partial<BusinessCalendarSettingsInput>): BusinessCalendar {
  return new BusinessCalendar({ openingHours: weekdaysOnly([['08:00', '16:30']]), ...settings });
}

describe('BusinessCalendar holidays and eves', () => {
  describe('Sweden: Midsummer 2026 (Eve Fri 19 June closed by default, Midsummer Day Sat 20 June)', () => {
    it('closes Midsummer Eve although date-holidays only calls it a bank holiday', () => {
      expect(sweden.isWorkingDay('2026-06-18')).toBe(true);
      expect(sweden.isWorkingDay('2026-06-19')).toBe(false);
      expect(sweden.isWorkingDay('2026-06-22')).toBe(true);
    });

    it('Thu 18 June 15:00 + 1 working day skips Eve and weekend: Mon 22 June 16:30 CEST = 14:30Z', () => {
      expect(iso(sweden.addWorkingDays(local('2026-06-18T15:00'), 1))).toBe('2026-06-22T14:30:00.000Z');
    });

    it('arriving on Midsummer Eve 10:00 counts Mon 22 as day 0: due Tue 23 June 16:30 = 14:30Z', () => {
      expect(iso(sweden.addWorkingDays(local('2026-06-19T10:00'), 1))).toBe('2026-06-23T14:30:00.000Z');
    });

    it('lists the closings of day 0 and the working days after it in one walk: Thu 18, Mon 22, Tue 23 June', () => {
      expect([...sweden.workingDayClosings(local('2026-06-18T15:00'), 3)].map((ms) => iso(new Date(ms)))).toEqual([
        '2026-06-18T14:30:00.000Z',
        '2026-06-22T14:30:00.000Z',
        '2026-06-23T14:30:00.000Z',
      ]);
      // After closing, on the Eve and on the weekend, day 0 is Monday.
      for (const arrival of ['2026-06-18T17:00', '2026-06-19T10:00', '2026-06-21T23:59'])
        expect(iso(new Date(sweden.workingDayClosings(local(arrival), 1)[0]))).toBe('2026-06-22T14:30:00.000Z');
    });

    it('each of the 251 closings from an arrival is addWorkingDays(arrival, n), over Christmas, a closed date and a half day too', () => {
      const calendar = swedenWith({ eves: { midsummerEve: 'half_day' }, closedDates: ['2026-12-28'] });
      for (const arrival of [
        '2026-06-18T15:00',
        '2026-06-19T10:00',
        '2026-12-23T17:00',
        '2026-06-19T11:00',
        '2026-12-27T12:00',
      ]) {
        const closings = calendar.workingDayClosings(local(arrival), 251);
        expect(closings).toHaveLength(251);
        closings.forEach((closingMs, n) =>
          expect(closingMs).toBe(calendar.addWorkingDays(local(arrival), n).getTime()),
        );
      }
      expect(() => sweden.workingDayClosings(local('2026-06-18T15:00'), 0)).toThrow(RangeError);
    });

    it('Thu 18 June 16:00 + 60 min = 30 Thursday + Mon 08:30 CEST = 06:30Z; Thu 12:00 -> Mon 12:00 = 510 min', () => {
      expect(iso(sweden.addWorkingMinutes(local('2026-06-18T16:00'), 60))).toBe('2026-06-22T06:30:00.000Z');
      expect(sweden.workingMinutesBetween(local('2026-06-18T12:00'), local('2026-06-22T12:00'))).toBe(510);
    });

    it('as a half day, Midsummer Eve is open 08:00-12:00 CEST = 06:00Z-10:00Z and is a working day', () => {
      const halfDay = swedenWith({ eves: { midsummerEve: 'half_day' } });
      expect(intervalsOn(halfDay, '2026-06-19')).toEqual([['2026-06-19T06:00:00.000Z', '2026-06-19T10:00:00.000Z']]);
      expect(halfDay.isWorkingDay('2026-06-19')).toBe(true);
      // Thu 16:00 + 60 min = 30 Thursday + 30 on the Eve = Fri 08:30 CEST
      expect(iso(halfDay.addWorkingMinutes(local('2026-06-18T16:00'), 60))).toBe('2026-06-19T06:30:00.000Z');
      // Due the same day (0 working days) on a half day: at the half-day closing, 12:00 CEST
      expect(iso(halfDay.addWorkingDays(local('2026-06-19T11:00'), 0))).toBe('2026-06-19T10:00:00.000Z');
    });

    it('as an open day, Midsummer Eve has the ordinary Friday hours', () => {
      const open = swedenWith({ eves: { midsummerEve: 'open' } });
      expect(intervalsOn(open, '2026-06-19')).toEqual([['2026-06-19T06:00:00.000Z', '2026-06-19T14:30:00.000Z']]);
    });
  });

  describe('Sweden: Easter 2026 (Good Friday 3 April, Easter Monday 6 April)', () => {
    it('Maundy Thursday is open, Good Friday to Easter Monday closed, Tuesday open', () => {
      const days = ['2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06', '2026-04-07'];
      expect(days.map((day) => sweden.isWorkingDay(day))).toEqual([true, false, false, false, false, true]);
    });

    it('Thu 2 April 12:00 + 1 working day = Tue 7 April 16:30 CEST = 14:30Z', () => {
      expect(iso(sweden.addWorkingDays(local('2026-04-02T12:00'), 1))).toBe('2026-04-07T14:30:00.000Z');
    });

    it('Thu 2 April 12:00 -> Tue 7 April 12:00 = 270 + 240 = 510 minutes', () => {
      expect(sweden.workingMinutesBetween(local('2026-04-02T12:00'), local('2026-04-07T12:00'))).toBe(510);
    });

    it('Thu 2 April 16:00 + 60 min = 30 Thursday + Tue 08:30 CEST = 06:30Z', () => {
      expect(iso(sweden.addWorkingMinutes(local('2026-04-02T16:00'), 60))).toBe('2026-04-07T06:30:00.000Z');
    });

    it('Maundy Thursday can be a half day: 08:00-12:00 CEST = 06:00Z-10:00Z', () => {
      const halfDay = swedenWith({ eves: { maundyThursday: 'half_day' } });
      expect(intervalsOn(halfDay, '2026-04-02')).toEqual([['2026-04-02T06:00:00.000Z', '2026-04-02T10:00:00.000Z']]);
    });

    it('Whit Monday (25 May 2026) is a working day in Sweden since 2005; National Day (Fri 6 June 2025) is not', () => {
      expect(sweden.isWorkingDay('2026-05-25')).toBe(true);
      expect(sweden.isWorkingDay('2025-06-06')).toBe(false);
    });
  });

  describe('Sweden: Christmas and New Year 2026-27', () => {
    it('working days: 23 Dec, 28-30 Dec, 4-5 Jan; closed: 24-27 Dec, 31 Dec-3 Jan, 6 Jan', () => {
      const open = ['2026-12-23', '2026-12-28', '2026-12-29', '2026-12-30', '2027-01-04', '2027-01-05', '2027-01-07'];
      const closed = ['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31', '2027-01-01', '2027-01-06'];
      expect(open.filter((day) => !sweden.isWorkingDay(day))).toEqual([]);
      expect(closed.filter((day) => sweden.isWorkingDay(day))).toEqual([]);
    });

    it('Wed 23 Dec 00:00 -> Thu 7 Jan 00:00 = 6 working days x 510 = 3060 minutes', () => {
      expect(sweden.workingMinutesBetween(local('2026-12-23T00:00'), local('2027-01-07T00:00'))).toBe(3060);
    });

    it('Wed 23 Dec 17:00 + 3 working days: day 0 Mon 28, then 29, 30 Dec and Mon 4 Jan 16:30 CET = 15:30Z', () => {
      expect(iso(sweden.addWorkingDays(local('2026-12-23T17:00'), 3))).toBe('2027-01-04T15:30:00.000Z');
    });

    it('Wed 30 Dec 16:00 + 60 min = 30 on 30 Dec + Mon 4 Jan 08:30 CET = 07:30Z', () => {
      expect(iso(sweden.addWorkingMinutes(local('2026-12-30T16:00'), 60))).toBe('2027-01-04T07:30:00.000Z');
    });

    it("Christmas Eve half day until 13:00 and New Year's Eve open add 300 + 510 minutes", () => {
      const calendar = swedenWith({
        eves: { christmasEve: 'half_day', newYearsEve: 'open', halfDayClosesAt: '13:00' },
      });
      expect(intervalsOn(calendar, '2026-12-24')).toEqual([['2026-12-24T07:00:00.000Z', '2026-12-24T12:00:00.000Z']]);
      expect(intervalsOn(calendar, '2026-12-31')).toEqual([['2026-12-31T07:00:00.000Z', '2026-12-31T15:30:00.000Z']]);
      expect(calendar.workingMinutesBetween(local('2026-12-23T00:00'), local('2027-01-07T00:00'))).toBe(
        3060 + 300 + 510,
      );
    });
  });

  describe('half days', () => {
    const lunch: OpeningInterval[] = [
      ['08:00', '12:00'],
      ['13:00', '16:30'],
    ];

    it('cut the day at the half-day closing time, across a lunch break', () => {
      const until1230 = swedenWith({
        openingHours: weekdaysOnly(lunch),
        eves: { christmasEve: 'half_day', halfDayClosesAt: '12:30' },
      });
      expect(intervalsOn(until1230, '2026-12-24')).toEqual([['2026-12-24T07:00:00.000Z', '2026-12-24T11:00:00.000Z']]);
      const until1400 = swedenWith({
        openingHours: weekdaysOnly(lunch),
        eves: { christmasEve: 'half_day', halfDayClosesAt: '14:00' },
      });
      expect(intervalsOn(until1400, '2026-12-24')).toEqual([
        ['2026-12-24T07:00:00.000Z', '2026-12-24T11:00:00.000Z'],
        ['2026-12-24T12:00:00.000Z', '2026-12-24T13:00:00.000Z'],
      ]);
    });

    it('leave no open time when the office opens after the half-day closing time', () => {
      const afternoons = swedenWith({
        openingHours: weekdaysOnly([['13:00', '18:00']]),
        eves: { christmasEve: 'half_day' },
      });
      expect(afternoons.isWorkingDay('2026-12-24')).toBe(false);
    });

    it("work for the other Swedish eves: Twelfth Night, Walpurgis and All Saints' Eve", () => {
      const calendar = swedenWith({
        eves: { twelfthNightEve: 'half_day', walpurgisEve: 'half_day', allSaintsEve: 'half_day' },
      });
      expect(intervalsOn(calendar, '2026-01-05')).toEqual([['2026-01-05T07:00:00.000Z', '2026-01-05T11:00:00.000Z']]);
      expect(intervalsOn(calendar, '2026-04-30')).toEqual([['2026-04-30T06:00:00.000Z', '2026-04-30T10:00:00.000Z']]);
      expect(intervalsOn(calendar, '2026-10-30')).toEqual([['2026-10-30T07:00:00.000Z', '2026-10-30T11:00:00.000Z']]);
    });
  });

  describe('local closed dates', () => {
    const withBridgeDay = swedenWith({ closedDates: ['2026-05-15'] });

    it('close the Friday after Ascension Day (Thu 14 May 2026) as a bridge day', () => {
      expect(sweden.isWorkingDay('2026-05-15')).toBe(true);
      expect(withBridgeDay.isWorkingDay('2026-05-15')).toBe(false);
    });

    it('Wed 13 May 15:00 + 1 working day skips Ascension and the bridge day: Mon 18 May 16:30 CEST = 14:30Z', () => {
      expect(iso(sweden.addWorkingDays(local('2026-05-13T15:00'), 1))).toBe('2026-05-15T14:30:00.000Z');
      expect(iso(withBridgeDay.addWorkingDays(local('2026-05-13T15:00'), 1))).toBe('2026-05-18T14:30:00.000Z');
    });
  });

  describe('no holiday country', () => {
    it('keeps Good Friday and Christmas Eve open', () => {
      const plain = swedenWith({ holidayCountry: null });
      expect(plain.isWorkingDay('2026-04-03')).toBe(true);
      expect(plain.isWorkingDay('2026-12-24')).toBe(true);
    });
  });

  describe('Denmark (Mon-Fri 09:00-15:00, Europe/Copenhagen)', () => {
    const denmark = new BusinessCalendar({
      timeZone: 'Europe/Copenhagen',
      holidayCountry: 'DK',
      openingHours: weekdaysOnly([['09:00', '15:00']]),
    });

    it('closes Grundlovsdag (Fri 5 June 2026) by default, although date-holidays marks it as an observance', () => {
      expect(denmark.isWorkingDay('2026-06-05')).toBe(false);
      // Thu 4 June 14:00 + 1 working day = Mon 8 June 15:00 CEST = 13:00Z
      expect(iso(denmark.addWorkingDays(local('2026-06-04T14:00', 'Europe/Copenhagen'), 1))).toBe(
        '2026-06-08T13:00:00.000Z',
      );
    });

    it('can keep Grundlovsdag as a half day until 12:00 (09:00-12:00 CEST = 07:00Z-10:00Z)', () => {
      const halfDay = new BusinessCalendar({ ...denmark.settings, eves: { danishConstitutionDay: 'half_day' } });
      expect(intervalsOn(halfDay, '2026-06-05')).toEqual([['2026-06-05T07:00:00.000Z', '2026-06-05T10:00:00.000Z']]);
    });

    it('closes Store Bededag up to 2023 (Fri 5 May 2023) and not after its abolition (Fri 16 May 2025)', () => {
      expect(denmark.isWorkingDay('2023-05-05')).toBe(false);
      expect(denmark.isWorkingDay('2025-05-16')).toBe(true);
      expect(denmark.isWorkingDay('2026-05-01')).toBe(true); // would have been Store Bededag; 1 May is no public holiday in DK
    });

    it('closes Maundy Thursday as a public holiday, whatever the eve setting says', () => {
      const halfDay = new BusinessCalendar({ ...denmark.settings, eves: { maundyThursday: 'half_day' } });
      expect(halfDay.isWorkingDay('2026-04-02')).toBe(false);
    });

    it("closes Christmas Eve and New Year's Eve by default and keeps the Swedish Midsummer Eve open", () => {
      expect(denmark.isWorkingDay('2026-12-24')).toBe(false);
      expect(denmark.isWorkingDay('2026-12-31')).toBe(false);
      expect(denmark.isWorkingDay('2026-06-19')).toBe(true);
    });
  });

  describe('Norway (Mon-Fri 08:00-15:30, Europe/Oslo)', () => {
    const norway = new BusinessCalendar({
      timeZone: 'Europe/Oslo',
      holidayCountry: 'NO',
      openingHours: weekdaysOnly([['08:00', '15:30']]),
    });

    it('closes Constitution Day, 17 May (a Wednesday in 2028, Whit Monday too in 2027)', () => {
      expect(['2028-05-16', '2028-05-17', '2028-05-18'].map((day) => norway.isWorkingDay(day))).toEqual([
        true,
        false,
        true,
      ]);
      expect(norway.isWorkingDay('2027-05-17')).toBe(false);
    });

    it('Tue 16 May 2028 14:00 + 1 working day = Thu 18 May 15:30 CEST = 13:30Z; Tue-Thu midnights = 2 x 450 min', () => {
      expect(iso(norway.addWorkingDays(local('2028-05-16T14:00', 'Europe/Oslo'), 1))).toBe('2028-05-18T13:30:00.000Z');
      expect(
        norway.workingMinutesBetween(
          local('2028-05-16T00:00', 'Europe/Oslo'),
          local('2028-05-19T00:00', 'Europe/Oslo'),
        ),
      ).toBe(900);
    });

    it('closes Maundy Thursday (public in Norway) and Christmas Eve; Sankthansaften (23 June) stays open', () => {
      expect(norway.isWorkingDay('2026-04-02')).toBe(false);
      expect(norway.isWorkingDay('2026-12-24')).toBe(false);
      expect(norway.isWorkingDay('2026-06-23')).toBe(true);
    });
  });
});
