/**
 * Converts local wall-clock times of one year to UTC instants without asking Intl per time.
 *
 * luxon's DateTime.fromObject costs about 9 microseconds (two Intl offset look-ups), which made
 * building a year of opening hours take about 12 ms. Offsets change only a few times a year, so
 * we look them up once a week, pin each change down by bisection and answer from that table.
 *
 * It also makes the two awkward cases deterministic (luxon resolves ambiguous times using the
 * offset in force *now*, so its answer depends on the season the server runs in):
 * - a wall time inside a spring-forward gap maps to the instant of the change (02:30 on the
 *   switch night becomes 03:00 summer time: the office "opens" when the clock jumps);
 * - a wall time repeated at fall-back maps to its first occurrence.
 */
import { IANAZone } from 'luxon';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
// Assumes no zone changes its offset and back again within a week, which holds for all of
// tzdata; the shortest real periods (Morocco around Ramadan) last about a month.
const SAMPLE_STEP_MS = 7 * MS_PER_DAY;

/** Milliseconds since the epoch of the local date and time read as if it were UTC. */
export type WallClockMs = number;

interface OffsetPeriod {
  fromMs: number;
  untilMs: number;
  offsetMs: number;
}

/** A converter for wall-clock times of the given local year (and a few days around it). */
export function wallClockToInstantForYear(zone: IANAZone, year: number): (wallClockMs: WallClockMs) => number {
  const periods = offsetPeriods(zone, Date.UTC(year - 1, 11, 29), Date.UTC(year + 1, 0, 4));
  return (wallClockMs) => {
    for (const period of periods) {
      const instantMs = wallClockMs - period.offsetMs;
      // Before this period's start but past the previous period's end: inside the gap.
      if (instantMs < period.fromMs) return period.fromMs;
      if (instantMs < period.untilMs) return instantMs;
    }
    throw new Error('unreachable: the last offset period is open-ended');
  };
}

function offsetPeriods(zone: IANAZone, fromMs: number, untilMs: number): OffsetPeriod[] {
  const offsetMsAt = (instantMs: number) => zone.offset(instantMs) * MS_PER_MINUTE;
  const periods: OffsetPeriod[] = [];
  let periodStartMs = fromMs;
  let sampleMs = fromMs;
  let sampleOffsetMs = offsetMsAt(fromMs);
  while (sampleMs < untilMs) {
    const nextSampleMs = Math.min(sampleMs + SAMPLE_STEP_MS, untilMs);
    const nextOffsetMs = offsetMsAt(nextSampleMs);
    if (nextOffsetMs !== sampleOffsetMs) {
      // Offsets change on whole minutes; bisect to the first minute with the new offset.
      let lowMinute = sampleMs / MS_PER_MINUTE;
      let highMinute = nextSampleMs / MS_PER_MINUTE;
      while (highMinute - lowMinute > 1) {
        const middleMinute = Math.floor((lowMinute + highMinute) / 2);
        if (offsetMsAt(middleMinute * MS_PER_MINUTE) === sampleOffsetMs) lowMinute = middleMinute;
        else highMinute = middleMinute;
      }
      periods.push({ fromMs: periodStartMs, untilMs: highMinute * MS_PER_MINUTE, offsetMs: sampleOffsetMs });
      periodStartMs = highMinute * MS_PER_MINUTE;
    }
    sampleMs = nextSampleMs;
    sampleOffsetMs = nextOffsetMs;
  }
  periods.push({ fromMs: periodStartMs, untilMs: Infinity, offsetMs: sampleOffsetMs });
  periods[0].fromMs = -Infinity;
  return periods;
}
