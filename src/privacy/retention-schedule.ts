import { DateTime } from 'luxon';

/** The local time the daily retention run starts: at night, when the service center is closed. */
export const DAILY_RETENTION_AT = { hour: 2, minute: 30 } as const;

/** One daily run: the municipality's local date it is for, and when it starts (UTC). */
export interface DailyRetentionRun {
  /** YYYY-MM-DD in `timeZone`. */
  scheduledFor: string;
  at: Date;
}

/**
 * The next daily retention run after `now` (UTC) in `timeZone`: today's at 02:30 local time while
 * that is still ahead, else tomorrow's; and always one for a date after `doneFor`, the latest local
 * date that has run. A run missed while nothing was up is not made up late in the day: the next night's run
 * takes what is due by then. Pure.
 */
export function nextDailyRetentionRun(now: Date, timeZone: string, doneFor: string | null): DailyRetentionRun {
  // Each day's time is set on that day: a day whose 02:30 falls in the spring gap runs at 03:30.
  const runOn = (day: DateTime) => day.set({ ...DAILY_RETENTION_AT, second: 0, millisecond: 0 });
  let day = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  if (runOn(day).toMillis() <= now.getTime()) day = day.plus({ days: 1 });
  // ISO dates compare as text; a run done for a later date (a job that ran early) moves the next one on.
  if (doneFor !== null && (day.toISODate() as string) <= doneFor)
    day = DateTime.fromISO(doneFor, { zone: timeZone }).startOf('day').plus({ days: 1 });
  const next = runOn(day);
  return { scheduledFor: next.toISODate() as string, at: next.toJSDate() };
}
