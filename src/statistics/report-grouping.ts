/**
 * How a report's rows are grouped: by a calendar period of the municipality's time zone, by a
 * dimension (department, channel, ...), or not at all (one row, group "all").
 *
 * Period rows come in calendar order and include empty periods, so a chart has no gaps;
 * dimension rows come in alphabetical order with "no value" (null) last.
 */
import { InvalidInputError } from '../common/domain-errors';
import { PERIOD_GRANULARITIES, PeriodBuckets, PeriodGranularity } from './period-buckets';
import { ReportPeriod } from './report-period';

export const GROUP_DIMENSIONS = ['department', 'channel', 'servicePoint', 'catalog', 'gender', 'queue'] as const;
export type GroupDimension = (typeof GROUP_DIMENSIONS)[number];
export const GROUP_BY_OPTIONS = [...PERIOD_GRANULARITIES, ...GROUP_DIMENSIONS] as const;
export type GroupBy = PeriodGranularity | GroupDimension;

/** The one group of a report without groupBy. */
export const ALL_GROUP = 'all';

export type GroupKey = string | null;

export class ReportGrouping {
  readonly periods: PeriodBuckets | null;
  readonly dimension: GroupDimension | null;

  constructor(
    readonly groupBy: GroupBy | undefined,
    period: ReportPeriod,
    timeZone: string,
    available: readonly GroupBy[],
  ) {
    if (groupBy !== undefined && !available.includes(groupBy)) {
      throw new InvalidInputError([
        `groupBy: "${groupBy}" is not available for this report; use one of ${available.join(', ')}`,
      ]);
    }
    const isPeriod = groupBy !== undefined && (PERIOD_GRANULARITIES as readonly string[]).includes(groupBy);
    this.periods = isPeriod
      ? new PeriodBuckets(period.fromMs, period.toMs, groupBy as PeriodGranularity, timeZone)
      : null;
    this.dimension = groupBy !== undefined && !isPeriod ? (groupBy as GroupDimension) : null;
  }

  /** The group of a row read one by one: by its instant for periods, by its dimension value otherwise. */
  keyOf(dimensionValue: GroupKey, instantMs: number): GroupKey {
    if (this.periods) return this.periods.keyOf(instantMs);
    return this.dimension ? dimensionValue : ALL_GROUP;
  }

  /** The group of a row aggregated in SQL, whose group column holds a period index for periods. */
  keyOfSqlGroup(value: unknown): GroupKey {
    if (this.periods) return this.periods.buckets[Number(value)].key;
    if (!this.dimension) return ALL_GROUP;
    return value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value);
  }

  keysInOrder(seen: Iterable<GroupKey>): GroupKey[] {
    if (this.periods) return this.periods.buckets.map((bucket) => bucket.key);
    if (!this.dimension) return [ALL_GROUP];
    return [...new Set(seen)].sort(compareGroupKeys);
  }
}

/** Alphabetical by code point, so the order does not depend on the server's locale; null last. */
export function compareGroupKeys(a: GroupKey, b: GroupKey): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
