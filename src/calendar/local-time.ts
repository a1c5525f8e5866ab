/**
 * Wall-clock helpers for local dates ('YYYY-MM-DD') and clock times ('HH:MM').
 *
 * Local dates are handled as "epoch days" (days since 1970-01-01 in the proleptic Gregorian
 * calendar) because integer arithmetic on them is exact and cheap, and it never depends on a
 * time zone: a local date is a name for a day, not an instant.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const MS_PER_DAY = 86_400_000;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_TIME_PATTERN = /^(\d{2}):(\d{2})$/;

export interface LocalDateParts {
  year: number;
  month: number;
  day: number;
}

/** Returns null for anything that is not an existing calendar date, e.g. '2026-02-30'. */
export function parseLocalDate(text: string): LocalDateParts | null {
  const match = LOCAL_DATE_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/**
 * Minutes after local midnight, or null. '24:00' is accepted so that a day can be open until
 * midnight; the caller decides where that makes sense (only as a closing time).
 */
export function parseClockMinutes(text: string): number | null {
  const match = CLOCK_TIME_PATTERN.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59) return null;
  if (hours > 24 || (hours === 24 && minutes !== 0)) return null;
  return hours * 60 + minutes;
}

export function epochDayOf(year: number, month: number, day: number): number {
  // setUTCFullYear rather than Date.UTC, which would read years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MS_PER_DAY);
}

export function epochDayOfLocalDate(text: string): number | null {
  const parts = parseLocalDate(text);
  return parts ? epochDayOf(parts.year, parts.month, parts.day) : null;
}

export function partsOfEpochDay(epochDay: number): LocalDateParts {
  const date = new Date(epochDay * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function localDateOfEpochDay(epochDay: number): string {
  const { year, month, day } = partsOfEpochDay(epochDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 1970-01-01 was a Thursday, which is index 3 when Monday is 0. */
export function weekdayOfEpochDay(epochDay: number): Weekday {
  return WEEKDAYS[(((epochDay + 3) % 7) + 7) % 7];
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Easter Sunday (Gregorian), by the anonymous algorithm in Meeus, "Astronomical Algorithms". */
export function easterSundayEpochDay(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return epochDayOf(year, month, day);
}
