import { DateTime } from 'luxon';

/** The municipality's own time zone, for what people read as a date (years in references, days in statistics). */
export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

/** No time zone is further than this from UTC (UTC+14, UTC-12), in ms. */
const MOST_OFFSET_MS = 14 * 3_600_000;

/**
 * The calendar year of `instant` in `timeZone`. Every intake asks it (the reference number's
 * year), so the time zone is consulted only within a day of New Year in UTC: further from it, no
 * zone's year differs from UTC's.
 */
export function localYear(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): number {
  const utcYear = instant.getUTCFullYear();
  const ms = instant.getTime();
  if (ms - Date.UTC(utcYear, 0, 1) > MOST_OFFSET_MS && Date.UTC(utcYear + 1, 0, 1) - ms > MOST_OFFSET_MS)
    return utcYear;
  return DateTime.fromJSDate(instant, { zone: timeZone }).year;
}
