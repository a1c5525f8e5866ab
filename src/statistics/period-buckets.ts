/**
 * Calendar periods (day, ISO week, month, quarter, year) of the municipality's time zone that
 * cover a report's [from, to), as UTC instants.
 *
 * Statistics group by the period in which something happened as people there read the date:
 * a call at 23:30 UTC on 31 March is an April call in Stockholm. Rather than storing a local
 * date with every row, the boundaries are computed once per report (a few hundred at most) and
 * each row is placed by binary search on its instant; SQL uses the same boundaries as a small
 * table to join on. A change of the time zone setting thereby applies to history as well.
 */
import { DateTime } from 'luxon';

export const PERIOD_GRANULARITIES = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type PeriodGranularity = (typeof PERIOD_GRANULARITIES)[number];

export interface PeriodBucket {
  key: string;
  /** Inclusive; the report's `from` for the first bucket. */
  startMs: number;
  /** Exclusive; the report's `to` for the last bucket. */
  endMs: number;
}

export class PeriodBuckets {
  readonly buckets: readonly PeriodBucket[];
  /** startMs of every bucket, then the endMs of the last, for binary search. */
  private readonly boundariesMs: Float64Array;

  constructor(fromMs: number, toMs: number, granularity: PeriodGranularity, timeZone: string) {
    if (!(fromMs < toMs)) throw new RangeError('a period needs from before to');
    const buckets: PeriodBucket[] = [];
    let periodStart = DateTime.fromMillis(fromMs, { zone: timeZone }).startOf(granularity);
    while (periodStart.toMillis() < toMs) {
      // Back to the start of the next period: in a zone whose clocks change at midnight, a day
      // starts at 01:00 on the day of the change, and a step from there would stay at 01:00.
      const periodEnd = periodStart.plus({ [`${granularity}s`]: 1 }).startOf(granularity);
      buckets.push({
        key: periodKey(periodStart, granularity),
        startMs: Math.max(fromMs, periodStart.toMillis()),
        endMs: Math.min(toMs, periodEnd.toMillis()),
      });
      periodStart = periodEnd;
    }
    this.buckets = buckets;
    this.boundariesMs = Float64Array.from([...buckets.map((bucket) => bucket.startMs), toMs]);
  }

  /** Index of the bucket holding the instant, or -1 outside [from, to). */
  indexOf(instantMs: number): number {
    const boundaries = this.boundariesMs;
    if (!(instantMs >= boundaries[0] && instantMs < boundaries[boundaries.length - 1])) return -1;
    let low = 0;
    let high = boundaries.length - 2;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (boundaries[middle] <= instantMs) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  keyOf(instantMs: number): string | null {
    const index = this.indexOf(instantMs);
    return index < 0 ? null : this.buckets[index].key;
  }
}

/** 2026-03-02, 2026-W10 (ISO week of the ISO week-year), 2026-03, 2026-Q1, 2026. */
export function periodKey(periodStart: DateTime, granularity: PeriodGranularity): string {
  switch (granularity) {
    case 'day':
      // toISODate rather than toFormat: a year of days is built for every report's arrival spans.
      return periodStart.toISODate() as string;
    case 'week':
      return `${periodStart.weekYear}-W${String(periodStart.weekNumber).padStart(2, '0')}`;
    case 'month':
      return `${periodStart.year}-${String(periodStart.month).padStart(2, '0')}`;
    case 'quarter':
      return `${periodStart.year}-Q${periodStart.quarter}`;
    case 'year':
      return String(periodStart.year);
  }
}
