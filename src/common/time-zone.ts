import { DateTime } from 'luxon';

/** The municipality's own time zone, for what people read as a date (years in references, days in statistics). */
export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

export function localYear(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): number {
  return DateTime.fromJSDate(instant, { zone: timeZone }).year;
}
