import { formatReference, parseReference } from './reference-number';

describe('case reference numbers', () => {
  it('pads the serial to six digits after the year', () => {
    expect(formatReference(2026, 123)).toBe('2026-000123');
    expect(formatReference(2026, 1)).toBe('2026-000001');
  });

  it('grows past a million rather than wrapping', () => {
    expect(formatReference(2026, 1234567)).toBe('2026-1234567');
  });

  it('reads a reference back', () => {
    expect(parseReference('2026-000123')).toEqual({ year: 2026, serial: 123 });
    expect(parseReference('26-123')).toBeNull();
  });

  it.each([
    [2026, 0],
    [2026, -1],
    [2026, 1.5],
    [99, 1],
  ])('refuses year %p serial %p', (year, serial) => {
    expect(() => formatReference(year, serial)).toThrow(RangeError);
  });
});
