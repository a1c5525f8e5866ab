import { hours, percent } from './figures';

describe('published figures', () => {
  it('gives shares as percentages with two decimals, null without a base', () => {
    expect(percent(2, 3)).toBe(66.67);
    expect(percent(1, 9)).toBe(11.11);
    expect(percent(0, 0)).toBeNull();
  });

  it('turns working minutes into hours with four decimals', () => {
    expect(hours(600)).toBe(10);
    expect(hours(20)).toBe(0.3333);
    expect(hours(null)).toBeNull();
  });
});
