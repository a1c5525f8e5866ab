import { intervalsOf, openingHoursText } from './opening-hours-text';

describe('opening hours as admins type them', () => {
  it('reads intervals separated by commas, with a hyphen or an en dash and spaces around it', () => {
    expect(intervalsOf('08:00-12:00, 13:00 – 16:30')).toEqual([
      ['08:00', '12:00'],
      ['13:00', '16:30'],
    ]);
  });

  it('reads nothing (or only spaces) as closed', () => {
    expect(intervalsOf('')).toEqual([]);
    expect(intervalsOf('  ')).toEqual([]);
    expect(intervalsOf(undefined)).toEqual([]);
  });

  it('passes a piece that is not two times on whole, for the calendar check to name', () => {
    expect(intervalsOf('8 till 5')).toEqual([['8 till 5', '']]);
    expect(intervalsOf('08:00-12:00-13:00')).toEqual([['08:00-12:00-13:00', '']]);
  });

  it('writes the intervals back the way they are read', () => {
    const intervals: Array<[string, string]> = [
      ['08:00', '12:00'],
      ['13:00', '16:30'],
    ];
    expect(openingHoursText(intervals)).toBe('08:00-12:00, 13:00-16:30');
    expect(intervalsOf(openingHoursText(intervals))).toEqual(intervals);
    expect(openingHoursText([])).toBe('');
  });
});
