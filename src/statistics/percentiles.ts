/**
 * The two order statistics every figure uses, defined once so that a manager can check them by
 * hand (docs/statistics.md):
 * - the median is the middle value of the sorted values, or the mean of the two middle values
 *   when there is an even number of them;
 * - the p-th percentile is by the nearest-rank method: the value at rank ceil(p/100 * n) in
 *   ascending order (ranks from 1). It is always one of the measured values, never interpolated.
 * Both answer null for no values.
 */

/** Sorts in place and returns the same array; typed arrays sort numerically. */
export function sortAscending(values: Float64Array): Float64Array {
  return values.sort();
}

export function medianOfSorted(sorted: ArrayLike<number>): number | null {
  const count = sorted.length;
  if (count === 0) return null;
  const middle = count >> 1;
  return count % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function nearestRankPercentileOfSorted(sorted: ArrayLike<number>, percentile: number): number | null {
  if (!(percentile > 0 && percentile <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${percentile}`);
  const count = sorted.length;
  if (count === 0) return null;
  // Rounding first keeps 0.9 * 10 = 9.000000000000002 from moving the rank up to 10.
  const rank = Math.ceil(Math.round((percentile / 100) * count * 1e9) / 1e9);
  return sorted[Math.max(1, rank) - 1];
}

/** Median and 90th percentile of unsorted values, sorting a copy. */
export function medianAndP90(values: ArrayLike<number>): { median: number | null; p90: number | null } {
  const sorted = sortAscending(Float64Array.from(values));
  return { median: medianOfSorted(sorted), p90: nearestRankPercentileOfSorted(sorted, 90) };
}
