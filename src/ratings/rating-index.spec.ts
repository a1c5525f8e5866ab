import { indexOfScore, ratingIndex } from './rating-index';

describe('rating index (national service measurement scale)', () => {
  it('turns 5, 4, 3, 2, 1 into 100, 75, 50, 25, 0', () => {
    expect([5, 4, 3, 2, 1].map(indexOfScore)).toEqual([100, 75, 50, 25, 0]);
  });

  it("is the mean of the answers' indexes: 5, 4 and 2 give (100 + 75 + 25) / 3 = 66.67", () => {
    expect(ratingIndex(5 + 4 + 2, 3)).toBe(66.67);
    expect((indexOfScore(5) + indexOfScore(4) + indexOfScore(2)) / 3).toBeCloseTo(66.667, 3);
  });

  it('answers null without answers and refuses scores off the scale', () => {
    expect(ratingIndex(0, 0)).toBeNull();
    expect(() => indexOfScore(6)).toThrow(RangeError);
    expect(() => indexOfScore(2.5)).toThrow(RangeError);
  });
});
