import {
  CountedValues,
  medianAndP90,
  medianAndP90InPlace,
  medianOfSorted,
  nearestRankPercentileOfSorted,
  selectInPlace,
  ValueList,
} from './percentiles';

describe('median: the middle value, or the mean of the two middle values', () => {
  it('answers null for no values', () => expect(medianOfSorted([])).toBeNull());
  it('takes the middle of an odd count', () => expect(medianOfSorted([1, 2, 10])).toBe(2));
  it('takes the mean of the two middle values of an even count', () => expect(medianOfSorted([1, 2, 4, 10])).toBe(3));
  it('sorts before taking the middle', () => expect(medianAndP90([10, 1, 4, 2]).median).toBe(3));
});

describe('nearest-rank percentile: the value at rank ceil(p/100 * n)', () => {
  const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  it('answers null for no values', () => expect(nearestRankPercentileOfSorted([], 90)).toBeNull());
  it('takes rank 9 of 10 values for p90, not rank 10 from floating-point noise', () =>
    expect(nearestRankPercentileOfSorted(ten, 90)).toBe(9));
  it('takes rank ceil(0.9 * 11) = 10 of 11 values', () =>
    expect(nearestRankPercentileOfSorted([...ten, 11], 90)).toBe(10));
  it('takes the only value of one', () => expect(nearestRankPercentileOfSorted([42], 90)).toBe(42));
  it('takes the largest value for p100 and the smallest for a tiny p', () => {
    expect(nearestRankPercentileOfSorted(ten, 100)).toBe(10);
    expect(nearestRankPercentileOfSorted(ten, 0.1)).toBe(1);
  });
  it('takes rank ceil(0.5 * 4) = 2 for p50 of four values (unlike the median)', () =>
    expect(nearestRankPercentileOfSorted([1, 2, 4, 10], 50)).toBe(2));
  it('refuses a percentile outside (0, 100]', () =>
    expect(() => nearestRankPercentileOfSorted(ten, 0)).toThrow(RangeError));
});

describe('order statistics by selection: the same values as sorting', () => {
  /** A small deterministic generator, so a failure repeats. */
  function draws(seed: number, count: number, distinct: number): number[] {
    let state = seed;
    return Array.from({ length: count }, () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return (state % distinct) / 7;
    });
  }

  it('answers what sorting answers, for odd and even counts, ties, sorted and reversed input', () => {
    const cases = [
      [],
      [5],
      [2, 1],
      [3, 3, 3, 3],
      Array.from({ length: 1001 }, (_, index) => index),
      Array.from({ length: 1000 }, (_, index) => 1000 - index),
      ...[1, 2, 3, 10, 11, 999, 1000, 4096].flatMap((count) => [draws(count, count, 5), draws(count + 7, count, 1e6)]),
    ];
    for (const values of cases) {
      const sorted = Float64Array.from(values).sort();
      const expected = { median: medianOfSorted(sorted), p90: nearestRankPercentileOfSorted(sorted, 90) };
      expect(medianAndP90InPlace(Float64Array.from(values))).toEqual(expected);
      const list = new ValueList();
      values.slice(0, 3).forEach((value) => list.push(value));
      list.pushAll(Float64Array.from(values.slice(3)));
      expect(list.length).toBe(values.length);
      expect(list.medianAndP90()).toEqual(expected);
      // The same values counted, in two halves merged, as the phone report gets them from SQL.
      const [first, second] = [new CountedValues(), new CountedValues()];
      const occurrences = new Map<number, number>();
      for (const value of values) occurrences.set(value, (occurrences.get(value) ?? 0) + 1);
      [...occurrences].forEach(([value, count], index) => (index % 2 ? first : second).add(value, count));
      first.addAll(second);
      expect(first.total).toBe(values.length);
      expect(first.medianAndP90()).toEqual(expected);
    }
  });

  it('puts the k-th value in place with nothing larger before it and nothing smaller after it', () => {
    const values = Float64Array.from(draws(3, 500, 50));
    const k = 123;
    const kth = selectInPlace(values, k);
    expect(kth).toBe(Float64Array.from(values).sort()[k]);
    expect(values.subarray(0, k).every((value) => value <= kth)).toBe(true);
    expect(values.subarray(k + 1).every((value) => value >= kth)).toBe(true);
  });
});
