import Holidays from 'date-holidays';
import { evesOfYear } from './eves';
import { easterSundayEpochDay, epochDayOfLocalDate, localDateOfEpochDay, weekdayOfEpochDay } from './local-time';
import { publicHolidayDates } from './public-holidays';

function eveDates(year: number): Record<string, string> {
  const dates: Record<string, string> = {};
  for (const [epochDay, name] of evesOfYear(year)) dates[name] = localDateOfEpochDay(epochDay);
  return dates;
}

describe('eves and public holidays', () => {
  describe('evesOfYear', () => {
    it("finds the 2026 eves: Midsummer Eve Fri 19 June, All Saints' Eve Fri 30 Oct, Maundy Thursday 2 April", () => {
      expect(eveDates(2026)).toEqual({
        twelfthNightEve: '2026-01-05',
        maundyThursday: '2026-04-02',
        walpurgisEve: '2026-04-30',
        danishConstitutionDay: '2026-06-05',
        midsummerEve: '2026-06-19',
        allSaintsEve: '2026-10-30',
        christmasEve: '2026-12-24',
        newYearsEve: '2026-12-31',
      });
    });

    it('agrees with date-holidays on the movable Swedish eves for 2000-2050', () => {
      const sweden = new Holidays('SE');
      const movable: Record<string, string> = {
        skärtorsdagen: 'maundyThursday',
        midsommarafton: 'midsummerEve',
        allhelgonaafton: 'allSaintsEve',
      };
      for (let year = 2000; year <= 2050; year++) {
        const ours = eveDates(year);
        for (const holiday of sweden.getHolidays(year)) {
          const eve = movable[holiday.name];
          if (eve) expect(`${eve} ${holiday.date.slice(0, 10)}`).toBe(`${eve} ${ours[eve]}`);
        }
      }
    });
  });

  describe('local-time helpers', () => {
    it('computes Easter Sunday: 2026-04-05, 2027-03-28, 2038-04-25 (latest possible), 2285-03-22 (earliest)', () => {
      expect([2026, 2027, 2038, 2285].map((year) => localDateOfEpochDay(easterSundayEpochDay(year)))).toEqual([
        '2026-04-05',
        '2027-03-28',
        '2038-04-25',
        '2285-03-22',
      ]);
    });

    it('knows weekdays: 1970-01-01 Thursday, 2026-06-19 Friday, 1969-12-29 Monday', () => {
      expect(
        ['1970-01-01', '2026-06-19', '1969-12-29'].map((date) =>
          weekdayOfEpochDay(epochDayOfLocalDate(date) as number),
        ),
      ).toEqual(['thu', 'fri', 'mon']);
    });
  });

  describe('what date-holidays returns (only type "public" closes the office)', () => {
    function typesOf(country: string, year: number, names: string[]): Record<string, string> {
      const found: Record<string, string> = {};
      for (const holiday of new Holidays(country).getHolidays(year)) {
        if (names.includes(holiday.name)) found[holiday.name] = holiday.type;
      }
      return found;
    }

    it('SE 2026: the eves are bank or observance days, not public holidays', () => {
      expect(
        typesOf('SE', 2026, [
          'skärtorsdagen',
          'påskafton',
          'midsommarafton',
          'julafton',
          'nyårsafton',
          'annandag pingst',
        ]),
      ).toEqual({
        skärtorsdagen: 'observance',
        påskafton: 'observance',
        midsommarafton: 'bank',
        julafton: 'bank',
        nyårsafton: 'bank',
        'annandag pingst': 'observance',
      });
    });

    it('SE 2026 public holidays: 13, of which 7 on weekdays', () => {
      expect([...publicHolidayDates('SE', 2026)]).toEqual([
        '2026-01-01', '2026-01-06', '2026-04-03', '2026-04-05', '2026-04-06', '2026-05-01', '2026-05-14',
        '2026-05-24', '2026-06-06', '2026-06-20', '2026-10-31', '2026-12-25', '2026-12-26',
      ]); // prettier-ignore
    });

    it("DK: Grundlovsdag and Christmas Eve are observances, New Year's Eve is missing, Store Bededag ends in 2023", () => {
      expect(typesOf('DK', 2026, ['Grundlovsdag', 'Juleaftensdag', 'Nytårsaftensdag'])).toEqual({
        Grundlovsdag: 'observance',
        Juleaftensdag: 'observance',
      });
      expect(publicHolidayDates('DK', 2023).has('2023-05-05')).toBe(true);
      expect(typesOf('DK', 2024, ['Store Bededag'])).toEqual({});
    });

    it("NO 2026: 17 May and Maundy Thursday are public, Christmas and New Year's Eve are bank days", () => {
      expect(publicHolidayDates('NO', 2026).has('2026-05-17')).toBe(true);
      expect(publicHolidayDates('NO', 2026).has('2026-04-02')).toBe(true);
      expect(typesOf('NO', 2026, ['Julaften', 'Nyttårsaften'])).toEqual({ Julaften: 'bank', Nyttårsaften: 'bank' });
    });
  });
});
