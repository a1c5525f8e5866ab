import { DEFAULT_CALENDAR_SETTINGS, resolveCalendarSettings, validateCalendarSettings } from './calendar-settings';

const validInput = {
  timeZone: 'Europe/Stockholm',
  openingHours: {
    mon: [
      ['08:00', '12:00'],
      ['13:00', '16:30'],
    ],
    tue: [['08:00', '16:30']],
    sat: [],
    sun: [],
  },
  holidayCountry: 'SE',
  closedDates: ['2026-05-15'],
  eves: { midsummerEve: 'closed', christmasEve: 'half_day', halfDayClosesAt: '12:00' },
};

function withField(field: string, value: unknown): Record<string, unknown> {
  return { ...validInput, [field]: value };
}

describe('calendar settings', () => {
  describe('DEFAULT_CALENDAR_SETTINGS', () => {
    it('is a Swedish municipal week: Europe/Stockholm, Mon-Fri 08:00-16:30, SE holidays, big eves closed', () => {
      expect(DEFAULT_CALENDAR_SETTINGS.timeZone).toBe('Europe/Stockholm');
      expect(DEFAULT_CALENDAR_SETTINGS.openingHours.mon).toEqual([['08:00', '16:30']]);
      expect(DEFAULT_CALENDAR_SETTINGS.openingHours.fri).toEqual([['08:00', '16:30']]);
      expect(DEFAULT_CALENDAR_SETTINGS.openingHours.sat).toEqual([]);
      expect(DEFAULT_CALENDAR_SETTINGS.openingHours.sun).toEqual([]);
      expect(DEFAULT_CALENDAR_SETTINGS.holidayCountry).toBe('SE');
      expect(DEFAULT_CALENDAR_SETTINGS.eves).toMatchObject({
        midsummerEve: 'closed',
        christmasEve: 'closed',
        newYearsEve: 'closed',
        maundyThursday: 'open',
        halfDayClosesAt: '12:00',
      });
    });

    it('passes its own validation and cannot be changed by accident', () => {
      expect(validateCalendarSettings(DEFAULT_CALENDAR_SETTINGS)).toEqual([]);
      expect(() => DEFAULT_CALENDAR_SETTINGS.openingHours.mon.push(['18:00', '19:00'])).toThrow(TypeError);
    });
  });

  describe('validateCalendarSettings', () => {
    it('accepts valid settings and the minimal body with only opening hours', () => {
      expect(validateCalendarSettings(validInput)).toEqual([]);
      expect(validateCalendarSettings({ openingHours: { wed: [['09:00', '11:00']] } })).toEqual([]);
      expect(validateCalendarSettings(withField('holidayCountry', null))).toEqual([]);
    });

    it('rejects a body that is not an object', () => {
      expect(validateCalendarSettings(null)).toEqual(['settings: must be an object']);
      expect(validateCalendarSettings([])).toEqual(['settings: must be an object']);
    });

    it('names an unknown time zone', () => {
      expect(validateCalendarSettings(withField('timeZone', 'Europe/Stokholm'))).toEqual([
        'timeZone: "Europe/Stokholm" is not a known IANA time zone (for example "Europe/Stockholm")',
      ]);
      expect(validateCalendarSettings(withField('timeZone', '+01:00'))).toHaveLength(1);
      expect(validateCalendarSettings(withField('timeZone', 1))).toEqual([
        'timeZone: must be an IANA time zone name such as "Europe/Stockholm"',
      ]);
    });

    it('names bad clock times', () => {
      expect(
        validateCalendarSettings(withField('openingHours', { mon: [['8:00', '16:30']], tue: [['08:00', '24:30']] })),
      ).toEqual([
        'openingHours.mon[0]: opening time "8:00" is not a time HH:MM',
        'openingHours.tue[0]: closing time "24:30" is not a time HH:MM (00:00-24:00)',
      ]);
      expect(validateCalendarSettings(withField('openingHours', { mon: [['08:60', '16:30']] }))).toHaveLength(1);
    });

    it('names reversed and empty intervals', () => {
      expect(
        validateCalendarSettings(withField('openingHours', { mon: [['17:00', '08:00']], tue: [['09:00', '09:00']] })),
      ).toEqual([
        'openingHours.mon[0]: opens at 17:00 but closes at 08:00; the closing time must be later',
        'openingHours.tue[0]: opens at 09:00 but closes at 09:00; the closing time must be later',
      ]);
    });

    it('names overlapping intervals, in any order, but allows touching ones', () => {
      expect(
        validateCalendarSettings(
          withField('openingHours', {
            mon: [
              ['11:00', '13:00'],
              ['08:00', '12:00'],
            ],
          }),
        ),
      ).toEqual(['openingHours.mon: intervals 08:00-12:00 and 11:00-13:00 overlap']);
      expect(
        validateCalendarSettings(
          withField('openingHours', {
            mon: [
              ['08:00', '12:00'],
              ['12:00', '16:00'],
            ],
          }),
        ),
      ).toEqual([]);
    });

    it('names malformed intervals, unknown weekdays and missing opening hours', () => {
      expect(
        validateCalendarSettings(withField('openingHours', { mon: ['08:00-16:30'], monday: [], tue: 'closed' })),
      ).toEqual([
        'openingHours.mon[0]: must be a pair ["HH:MM", "HH:MM"] of opening and closing time',
        'openingHours.monday: unknown weekday (expected mon, tue, wed, thu, fri, sat, sun)',
        'openingHours.tue: must be a list of ["HH:MM", "HH:MM"] intervals, [] when closed',
      ]);
      expect(validateCalendarSettings({})).toEqual([
        'openingHours: required, e.g. { "mon": [["08:00", "16:30"]], ..., "sun": [] }',
      ]);
      expect(validateCalendarSettings(withField('openingHours', { sat: [], sun: [] }))).toEqual([
        'openingHours: at least one weekday must have opening hours',
      ]);
    });

    it('names bad closure dates by position', () => {
      expect(
        validateCalendarSettings(withField('closedDates', ['2026-05-15', '2026-02-30', '15/05/2026', 20260515])),
      ).toEqual([
        'closedDates[1]: "2026-02-30" is not a valid date "YYYY-MM-DD"',
        'closedDates[2]: "15/05/2026" is not a valid date "YYYY-MM-DD"',
        'closedDates[3]: 20260515 is not a valid date "YYYY-MM-DD"',
      ]);
      expect(validateCalendarSettings(withField('closedDates', '2026-05-15'))).toEqual([
        'closedDates: must be a list of dates "YYYY-MM-DD"',
      ]);
      expect(validateCalendarSettings(withField('closedDates', ['2028-02-29']))).toEqual([]);
    });

    it('names an unknown holiday country', () => {
      expect(validateCalendarSettings(withField('holidayCountry', 'FI'))).toEqual([
        'holidayCountry: "FI" is not supported (expected "SE", "DK", "NO" or null)',
      ]);
      expect(validateCalendarSettings(withField('holidayCountry', 'se'))).toHaveLength(1);
    });

    it('names unknown eves, bad eve policies and a bad half-day closing time', () => {
      expect(
        validateCalendarSettings(
          withField('eves', { midsummer: 'closed', christmasEve: 'half', halfDayClosesAt: 'noon' }),
        ),
      ).toEqual([
        'eves.midsummer: unknown eve (expected twelfthNightEve, maundyThursday, walpurgisEve, danishConstitutionDay, midsummerEve, allSaintsEve, christmasEve, newYearsEve or halfDayClosesAt)',
        'eves.christmasEve: "half" is not one of "closed", "half_day", "open"',
        'eves.halfDayClosesAt: "noon" is not a time HH:MM',
      ]);
    });

    it('names unknown top-level settings and reports every bad field at once', () => {
      const problems = validateCalendarSettings({
        ...validInput,
        timezone: 'Europe/Stockholm',
        timeZone: 'X',
        holidayCountry: 'US',
      });
      expect(problems).toEqual([
        'timezone: unknown setting (expected timeZone, openingHours, holidayCountry, closedDates, eves)',
        'timeZone: "X" is not a known IANA time zone (for example "Europe/Stockholm")',
        'holidayCountry: "US" is not supported (expected "SE", "DK", "NO" or null)',
      ]);
    });
  });

  describe('resolveCalendarSettings', () => {
    it('fills defaults: Stockholm, SE holidays, missing weekdays closed, Swedish eve defaults', () => {
      const resolved = resolveCalendarSettings({ openingHours: { mon: [['08:00', '16:30']] } });
      expect(resolved.timeZone).toBe('Europe/Stockholm');
      expect(resolved.holidayCountry).toBe('SE');
      expect(resolved.openingHours.tue).toEqual([]);
      expect(resolved.closedDates).toEqual([]);
      expect(resolved.eves.midsummerEve).toBe('closed');
    });

    it('sorts intervals and closed dates and drops duplicate dates', () => {
      const resolved = resolveCalendarSettings({
        openingHours: {
          mon: [
            ['13:00', '16:00'],
            ['08:00', '12:00'],
          ],
        },
        closedDates: ['2026-12-28', '2026-05-15', '2026-12-28'],
      });
      expect(resolved.openingHours.mon).toEqual([
        ['08:00', '12:00'],
        ['13:00', '16:00'],
      ]);
      expect(resolved.closedDates).toEqual(['2026-05-15', '2026-12-28']);
    });

    it("uses the holiday country's eve defaults; holidayCountry null closes no eve", () => {
      expect(
        resolveCalendarSettings({ openingHours: { mon: [['08:00', '16:00']] }, holidayCountry: 'DK' }).eves,
      ).toMatchObject({
        danishConstitutionDay: 'closed',
        midsummerEve: 'open',
        christmasEve: 'closed',
      });
      const none = resolveCalendarSettings({ openingHours: { mon: [['08:00', '16:00']] }, holidayCountry: null }).eves;
      expect(Object.entries(none).filter(([, policy]) => policy === 'closed')).toEqual([]);
    });

    it('throws with all problems for invalid input', () => {
      expect(() => resolveCalendarSettings({ openingHours: { mon: [['8', '9']] } })).toThrow(
        /opening time "8".*closing time "9"/,
      );
    });
  });
});
