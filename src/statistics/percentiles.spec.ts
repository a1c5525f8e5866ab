import { medianAndP90, medianOfSorted, nearestRankPercentileOfSorted } from './percentiles';

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
