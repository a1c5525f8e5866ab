/**
 * The business calendar settings: the body of PUT /api/v1/calendar, its validation and its
 * defaults. Validation reports one message per bad field so that the API can return them all in
 * a single 400 instead of making the administrator fix one mistake per round trip.
 */
import { IANAZone } from 'luxon';
import { EVE_NAMES, EVE_POLICIES, EveSettings, resolveEveSettings, ResolvedEveSettings } from './eves';
import { parseClockMinutes, parseLocalDate, Weekday, WEEKDAYS } from './local-time';
import { HOLIDAY_COUNTRIES, HolidayCountry } from './public-holidays';
import { DEFAULT_TIME_ZONE } from '../common/time-zone';
import { deepFreeze } from '../common/deep-freeze';

/** Local clock times 'HH:MM'; the office is open from opensAt up to, not including, closesAt. */
export type OpeningInterval = [opensAt: string, closesAt: string];

/** Several intervals per day allow a lunch closure; an empty list means closed all day. */
export type WeeklyOpeningHours = Record<Weekday, OpeningInterval[]>;

export interface BusinessCalendarSettings {
  /** IANA time zone in which opening hours and dates are meant. */
  timeZone: string;
  openingHours: WeeklyOpeningHours;
  /** Whose public holidays close the office; null for none. */
  holidayCountry: HolidayCountry | null;
  /** Extra closure days, local 'YYYY-MM-DD'. */
  closedDates: string[];
  /** Missing eves take the holiday country's default, see defaultEvePolicies. */
  eves?: EveSettings;
}

/** What the API accepts: weekdays left out are closed and the other fields have defaults. */
export interface BusinessCalendarSettingsInput {
  timeZone?: string;
  openingHours: Partial<WeeklyOpeningHours>;
  holidayCountry?: HolidayCountry | null;
  closedDates?: string[];
  eves?: EveSettings;
}

/** Settings with every default filled in, intervals sorted and closed dates de-duplicated. */
export interface ResolvedCalendarSettings extends BusinessCalendarSettings {
  eves: ResolvedEveSettings;
}

export const DEFAULT_HOLIDAY_COUNTRY: HolidayCountry = 'SE';

const OFFICE_DAY: OpeningInterval[] = [['08:00', '16:30']];

/** A Swedish municipal contact center: weekdays 08:00-16:30, Swedish holidays, big eves closed. */
export const DEFAULT_CALENDAR_SETTINGS: BusinessCalendarSettings = deepFreeze({
  timeZone: DEFAULT_TIME_ZONE,
  openingHours: {
    mon: OFFICE_DAY,
    tue: OFFICE_DAY,
    wed: OFFICE_DAY,
    thu: OFFICE_DAY,
    fri: OFFICE_DAY,
    sat: [],
    sun: [],
  },
  holidayCountry: DEFAULT_HOLIDAY_COUNTRY,
  closedDates: [],
  eves: resolveEveSettings(DEFAULT_HOLIDAY_COUNTRY, undefined),
});

export class InvalidCalendarSettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid business calendar settings: ${problems.join('; ')}`);
    this.name = 'InvalidCalendarSettingsError';
  }
}

const SETTING_NAMES = ['timeZone', 'openingHours', 'holidayCountry', 'closedDates', 'eves'];

/** Returns one message per bad field, prefixed with the field's path; empty when valid. */
export function validateCalendarSettings(input: unknown): string[] {
  if (!isRecord(input)) return ['settings: must be an object'];
  const problems: string[] = [];
  for (const key of Object.keys(input)) {
    if (!SETTING_NAMES.includes(key)) problems.push(`${key}: unknown setting (expected ${SETTING_NAMES.join(', ')})`);
  }
  problems.push(...timeZoneProblems(input.timeZone));
  problems.push(...openingHoursProblems(input.openingHours));
  problems.push(...holidayCountryProblems(input.holidayCountry));
  problems.push(...closedDatesProblems(input.closedDates));
  problems.push(...eveProblems(input.eves));
  return problems;
}

/** Throws InvalidCalendarSettingsError unless validateCalendarSettings finds nothing. */
export function resolveCalendarSettings(input: BusinessCalendarSettingsInput): ResolvedCalendarSettings {
  const problems = validateCalendarSettings(input);
  if (problems.length > 0) throw new InvalidCalendarSettingsError(problems);
  const holidayCountry = input.holidayCountry === undefined ? DEFAULT_HOLIDAY_COUNTRY : input.holidayCountry;
  const openingHours = {} as WeeklyOpeningHours;
  for (const weekday of WEEKDAYS) {
    openingHours[weekday] = (input.openingHours[weekday] ?? [])
      .map(([opensAt, closesAt]): OpeningInterval => [opensAt, closesAt])
      .sort((a, b) => clockMinutes(a[0]) - clockMinutes(b[0]));
  }
  return {
    timeZone: input.timeZone ?? DEFAULT_TIME_ZONE,
    openingHours,
    holidayCountry,
    closedDates: [...new Set(input.closedDates ?? [])].sort(),
    eves: resolveEveSettings(holidayCountry, input.eves),
  };
}

/** Only for strings that passed validation. */
export function clockMinutes(text: string): number {
  const minutes = parseClockMinutes(text);
  if (minutes === null) throw new RangeError(`Not a clock time: ${text}`);
  return minutes;
}

function timeZoneProblems(timeZone: unknown): string[] {
  if (timeZone === undefined) return [];
  if (typeof timeZone !== 'string') return ['timeZone: must be an IANA time zone name such as "Europe/Stockholm"'];
  if (!IANAZone.isValidZone(timeZone)) {
    return [`timeZone: "${timeZone}" is not a known IANA time zone (for example "Europe/Stockholm")`];
  }
  return [];
}

function openingHoursProblems(openingHours: unknown): string[] {
  if (openingHours === undefined)
    return ['openingHours: required, e.g. { "mon": [["08:00", "16:30"]], ..., "sun": [] }'];
  if (!isRecord(openingHours)) return ['openingHours: must be an object with the weekdays mon..sun as keys'];
  const problems: string[] = [];
  let openWeekdays = 0;
  for (const [weekday, intervals] of Object.entries(openingHours)) {
    const path = `openingHours.${weekday}`;
    if (!(WEEKDAYS as readonly string[]).includes(weekday)) {
      problems.push(`${path}: unknown weekday (expected ${WEEKDAYS.join(', ')})`);
    } else if (!Array.isArray(intervals)) {
      problems.push(`${path}: must be a list of ["HH:MM", "HH:MM"] intervals, [] when closed`);
    } else {
      const dayProblems = intervalListProblems(path, intervals);
      problems.push(...dayProblems);
      if (dayProblems.length === 0 && intervals.length > 0) openWeekdays++;
    }
  }
  if (problems.length === 0 && openWeekdays === 0) {
    problems.push('openingHours: at least one weekday must have opening hours');
  }
  return problems;
}

function intervalListProblems(path: string, intervals: unknown[]): string[] {
  const problems: string[] = [];
  const valid: Array<{ opensAt: number; closesAt: number; text: string }> = [];
  intervals.forEach((interval, index) => {
    const itemPath = `${path}[${index}]`;
    if (!Array.isArray(interval) || interval.length !== 2) {
      problems.push(`${itemPath}: must be a pair ["HH:MM", "HH:MM"] of opening and closing time`);
      return;
    }
    const [opensAtText, closesAtText] = interval as unknown[];
    const opensAt = typeof opensAtText === 'string' ? parseClockMinutes(opensAtText) : null;
    const closesAt = typeof closesAtText === 'string' ? parseClockMinutes(closesAtText) : null;
    if (opensAt === null) problems.push(`${itemPath}: opening time ${JSON.stringify(opensAtText)} is not a time HH:MM`);
    if (closesAt === null) {
      problems.push(`${itemPath}: closing time ${JSON.stringify(closesAtText)} is not a time HH:MM (00:00-24:00)`);
    }
    if (opensAt === null || closesAt === null) return;
    const [opens, closes] = [opensAtText as string, closesAtText as string];
    if (opensAt >= closesAt) {
      problems.push(`${itemPath}: opens at ${opens} but closes at ${closes}; the closing time must be later`);
      return;
    }
    valid.push({ opensAt, closesAt, text: `${opens}-${closes}` });
  });
  valid.sort((a, b) => a.opensAt - b.opensAt);
  for (let i = 1; i < valid.length; i++) {
    if (valid[i].opensAt < valid[i - 1].closesAt) {
      problems.push(`${path}: intervals ${valid[i - 1].text} and ${valid[i].text} overlap`);
    }
  }
  return problems;
}

function holidayCountryProblems(country: unknown): string[] {
  if (country === undefined || country === null) return [];
  if (typeof country === 'string' && (HOLIDAY_COUNTRIES as readonly string[]).includes(country)) return [];
  const expected = HOLIDAY_COUNTRIES.map((code) => `"${code}"`).join(', ');
  return [`holidayCountry: ${JSON.stringify(country)} is not supported (expected ${expected} or null)`];
}

function closedDatesProblems(closedDates: unknown): string[] {
  if (closedDates === undefined) return [];
  if (!Array.isArray(closedDates)) return ['closedDates: must be a list of dates "YYYY-MM-DD"'];
  const problems: string[] = [];
  closedDates.forEach((date, index) => {
    if (typeof date !== 'string' || parseLocalDate(date) === null) {
      problems.push(`closedDates[${index}]: ${JSON.stringify(date)} is not a valid date "YYYY-MM-DD"`);
    }
  });
  return problems;
}

function eveProblems(eves: unknown): string[] {
  if (eves === undefined) return [];
  if (!isRecord(eves))
    return ['eves: must be an object such as { "midsummerEve": "closed", "halfDayClosesAt": "12:00" }'];
  const problems: string[] = [];
  const policies = EVE_POLICIES.map((policy) => `"${policy}"`).join(', ');
  for (const [key, value] of Object.entries(eves)) {
    if (key === 'halfDayClosesAt') {
      if (typeof value !== 'string' || parseClockMinutes(value) === null) {
        problems.push(`eves.halfDayClosesAt: ${JSON.stringify(value)} is not a time HH:MM`);
      }
    } else if (!(EVE_NAMES as readonly string[]).includes(key)) {
      problems.push(`eves.${key}: unknown eve (expected ${EVE_NAMES.join(', ')} or halfDayClosesAt)`);
    } else if (typeof value !== 'string' || !(EVE_POLICIES as readonly string[]).includes(value)) {
      problems.push(`eves.${key}: ${JSON.stringify(value)} is not one of ${policies}`);
    }
  }
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
