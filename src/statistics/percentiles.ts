/**
 * The two order statistics every figure uses, defined once so that a manager can check them by
 * hand (docs/statistics.md):
 * - the median is the middle value of the sorted values, or the mean of the two middle values
 *   when there is an even number of them;
 * - the p-th percentile is by the nearest-rank method: the value at rank ceil(p/100 * n) in
 *   ascending order (ranks from 1). It is always one of the measured values, never interpolated.
 * Both answer null for no values.
 */

export function medianOfSorted(sorted: ArrayLike<number>): number | null {
  const count = sorted.length;
  if (count === 0) return null;
  const middle = count >> 1;
  return count % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function nearestRankPercentileOfSorted(sorted: ArrayLike<number>, percentile: number): number | null {
  const rank = nearestRank(percentile, sorted.length);
  return sorted.length === 0 ? null : sorted[rank - 1];
}

/** The nearest rank (from 1) of the percentile among `count` values; see nearestRankPercentileOfSorted. */
export function nearestRank(percentile: number, count: number): number {
  if (!(percentile > 0 && percentile <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${percentile}`);
  // Rounding first keeps 0.9 * 10 = 9.000000000000002 from moving the rank up to 10.
  return Math.max(1, Math.ceil(Math.round((percentile / 100) * count * 1e9) / 1e9));
}

/** The median and the 90th percentile of some values, in their unit; nulls for no values. */
export interface MedianAndP90 {
  median: number | null;
  p90: number | null;
}

/** Median and 90th percentile of unsorted values, on a copy. */
export function medianAndP90(values: ArrayLike<number>): MedianAndP90 {
  return medianAndP90InPlace(Float64Array.from(values));
}

/**
 * Median and 90th percentile by selection instead of sorting (Hoare's quickselect, expected
 * linear time): the same values the sorted definitions above give, faster for the hundreds of
 * thousands of values of a large report. Reorders `values`.
 */
export function medianAndP90InPlace(values: Float64Array): MedianAndP90 {
  const count = values.length;
  if (count === 0) return { median: null, p90: null };
  const p90 = selectInPlace(values, nearestRank(90, count) - 1);
  const middle = count >> 1;
  const upper = selectInPlace(values, middle);
  if (count % 2 === 1) return { median: upper, p90 };
  // The lower middle value is the largest of those selection left below the upper one.
  let lower = -Infinity;
  for (let index = 0; index < middle; index++) if (values[index] > lower) lower = values[index];
  return { median: (lower + upper) / 2, p90 };
}

/**
 * The value of rank k (from 0) in ascending order; afterwards every value before index k is
 * <= it and every value after is >= it.
 */
export function selectInPlace(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (right > left) {
    // Median of three as the pivot keeps sorted and reversed input linear.
    const middle = (left + right) >> 1;
    const pivot = medianOfThree(values[left], values[middle], values[right]);
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k];
}

/** The middle one of three values. */
export function medianOfThree(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}

/** Values per block of a ValueList at most: 8 MB, a few of them for a year of ten million cases. */
const VALUES_PER_BLOCK = 1 << 20;

/**
 * Numbers gathered for order statistics: single values and whole runs (a day's working times)
 * appended to Float64Array blocks, so that a million values cost a few buffers, not a million
 * boxed array slots. Each block is twice the one before it, up to VALUES_PER_BLOCK values, and a
 * full block is kept as it is: growing one array by doubling would copy every value again at
 * each step (tens of megabytes at a time at nine million values) on the event loop.
 */
export class ValueList {
  private readonly full: Float64Array[] = [];
  private current = new Float64Array(64);
  private used = 0;
  length = 0;

  push(value: number): void {
    if (this.used === this.current.length) this.grow();
    this.current[this.used++] = value;
    this.length++;
  }

  pushAll(values: Float64Array): void {
    let from = 0;
    while (from < values.length) {
      if (this.used === this.current.length) this.grow();
      const count = Math.min(values.length - from, this.current.length - this.used);
      this.current.set(values.subarray(from, from + count), this.used);
      this.used += count;
      from += count;
    }
    this.length += values.length;
  }

  /** Median and 90th percentile of the values; the list is not to be used afterwards (its values may be reordered). */
  medianAndP90(): MedianAndP90 {
    return medianAndP90InPlace(joined(this.contents()));
  }

  /**
   * The values themselves, in blocks that each own their memory from its start (not copies), for
   * OrderStatisticsThread to take over; the list is not to be used afterwards.
   */
  contents(): Float64Array[] {
    return [...this.full, this.current.subarray(0, this.used)].filter((block) => block.length > 0);
  }

  /** Room for more: a new block, twice the full one up to VALUES_PER_BLOCK; nothing is copied. */
  private grow(): void {
    this.full.push(this.current);
    this.current = new Float64Array(Math.min(VALUES_PER_BLOCK, this.current.length * 2));
    this.used = 0;
  }
}

/** The values of the blocks one after the other: the block itself when there is one. */
export function joined(blocks: readonly Float64Array[]): Float64Array {
  if (blocks.length === 1) return blocks[0];
  const all = new Float64Array(blocks.reduce((sum, block) => sum + block.length, 0));
  let at = 0;
  for (const block of blocks) {
    all.set(block, at);
    at += block.length;
  }
  return all;
}

/**
 * Whole values with how often each occurs (the waits of a year of calls in whole seconds are a
 * few hundred distinct values), so that the database can count them and only the counts travel.
 * The median and the 90th percentile are those of the values listed out one by one, by the
 * definitions above.
 */
export class CountedValues {
  private readonly counts = new Map<number, number>();
  /** How many values, counting each occurrence. */
  total = 0;

  add(value: number, occurrences = 1): void {
    if (occurrences <= 0) return;
    this.counts.set(value, (this.counts.get(value) ?? 0) + occurrences);
    this.total += occurrences;
  }

  addAll(other: CountedValues): void {
    for (const [value, occurrences] of other.counts) this.add(value, occurrences);
  }

  medianAndP90(): MedianAndP90 {
    if (this.total === 0) return { median: null, p90: null };
    const middle = this.total >> 1;
    const wanted = [nearestRank(90, this.total) - 1, middle, this.total % 2 === 1 ? middle : middle - 1];
    const found = wanted.map(() => Number.NaN);
    const values = [...this.counts.keys()].sort((a, b) => a - b);
    let below = 0;
    for (const value of values) {
      below += this.counts.get(value) ?? 0;
      // Every rank under `below` not yet placed holds this value.
      wanted.forEach((rank, index) => {
        if (Number.isNaN(found[index]) && rank < below) found[index] = value;
      });
      if (!found.some(Number.isNaN)) break;
    }
    const [p90, upper, lower] = found;
    return { median: (lower + upper) / 2, p90 };
  }
}
