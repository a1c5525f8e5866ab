import { BusinessCalendar } from '../calendar/business-calendar';
import { SeededRandom } from './seeded-random';

const DAY_MS = 24 * 3600_000;
/** About one working day of the default calendar (08:00-16:30), in working minutes. */
export const WORKING_DAY_MINUTES = 510;

/** One working day of the demo year: its local date and whether it is a Monday (the busiest day). */
export interface DemoWorkingDay {
  localDate: string;
  /** The day's first opening (UTC), an instant of the day to draw times from with openInstantOn. */
  opensAt: Date;
  monday: boolean;
}

/**
 * The working days (by the business calendar) of the year up to and including `now`'s local
 * date, oldest first. Today is included: what happens on it is drawn before `now` only.
 */
export function demoWorkingDays(calendar: BusinessCalendar, now: Date): DemoWorkingDay[] {
  const days = new Map<string, DemoWorkingDay>();
  for (let back = 365; back >= 0; back--) {
    const instant = new Date(now.getTime() - back * DAY_MS);
    const localDate = calendar.localDateOf(instant);
    if (days.has(localDate) || !calendar.isWorkingDay(localDate)) continue;
    const firstOpening = calendar.openIntervalsOn(localDate)[0].start;
    days.set(localDate, {
      localDate,
      opensAt: firstOpening,
      monday: new Date(`${localDate}T12:00:00Z`).getUTCDay() === 1,
    });
  }
  return [...days.values()];
}

/**
 * A uniformly drawn instant within the opening hours of the instant's local date, or null when
 * the service center was closed that day.
 */
export function openInstantOn(calendar: BusinessCalendar, instant: Date, random: SeededRandom): Date | null {
  const intervals = calendar.openIntervalsOn(calendar.localDateOf(instant));
  const openMs = intervals.reduce((sum, interval) => sum + interval.end.getTime() - interval.start.getTime(), 0);
  if (openMs === 0) return null;
  let offsetMs = random.int(openMs);
  for (const interval of intervals) {
    const lengthMs = interval.end.getTime() - interval.start.getTime();
    if (offsetMs < lengthMs) return new Date(interval.start.getTime() + offsetMs);
    offsetMs -= lengthMs;
  }
  return null;
}
