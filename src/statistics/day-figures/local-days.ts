import { DateTime } from 'luxon';

/** One day of the municipality's calendar: its date and the instants [startMs, endMs) it covers (UTC epoch ms). */
export interface LocalDay {
  /** YYYY-MM-DD in the time zone. */
  localDay: string;
  startMs: number;
  /** The next local midnight: 23 or 25 hours after the start on the days the clocks change. */
  endMs: number;
}

const MS_PER_DAY = 86_400_000;

/** The local day an instant falls on. */
export function localDayOf(instantMs: number, timeZone: string): LocalDay {
  const start = DateTime.fromMillis(instantMs, { zone: timeZone }).startOf('day');
  const end = nextLocalMidnight(start);
  return { localDay: start.toISODate() as string, startMs: start.toMillis(), endMs: end.toMillis() };
}

/** The local days that lie wholly within [fromMs, toMs), in order. */
export function wholeLocalDays(fromMs: number, toMs: number, timeZone: string): LocalDay[] {
  const days: LocalDay[] = [];
  let start: DateTime = DateTime.fromMillis(fromMs, { zone: timeZone }).startOf('day');
  if (start.toMillis() < fromMs) start = start.plus({ days: 1 }).startOf('day');
  for (;;) {
    const end = nextLocalMidnight(start);
    const day = { localDay: start.toISODate() as string, startMs: start.toMillis(), endMs: end.toMillis() };
    if (day.endMs > toMs) break;
    days.push(day);
    start = end;
  }
  return days;
}

/**
 * The local midnight that ends the day `start` (a local midnight) begins: 24 hours on, when the
 * offset from UTC is the same then and the clock there reads midnight; else, on the days the
 * clocks change, found by the calendar. One time-zone lookup a day instead of several: a year of
 * days in a fraction of the time.
 */
function nextLocalMidnight(start: DateTime): DateTime {
  const guess = DateTime.fromMillis(start.toMillis() + MS_PER_DAY, { zone: start.zone });
  const midnight = guess.hour === 0 && guess.minute === 0 && guess.second === 0 && guess.millisecond === 0;
  if (midnight && guess.offset === start.offset) return guess;
  // startOf again: where a day begins at 01:00 (clocks changed at midnight), "plus one day" keeps
  // 01:00, while the next day begins at its own midnight.
  return start.plus({ days: 1 }).startOf('day');
}

/** The UTC dates (YYYY-MM-DD) that the instants [startMs, endMs) touch: one or two for a local day. */
export function utcDaysOf(day: Pick<LocalDay, 'startMs' | 'endMs'>): string[] {
  const days: string[] = [];
  for (let ms = Math.floor(day.startMs / MS_PER_DAY) * MS_PER_DAY; ms < day.endMs; ms += MS_PER_DAY) {
    days.push(new Date(ms).toISOString().slice(0, 10));
  }
  return days;
}
