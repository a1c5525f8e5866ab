import { parseInstant } from './iso-instant';

describe('parseInstant', () => {
  it.each([
    ['2024-03-05T08:15:00Z', '2024-03-05T08:15:00.000Z'],
    ['2024-03-05T08:15Z', '2024-03-05T08:15:00.000Z'],
    ['2024-03-05T08:15:00.25Z', '2024-03-05T08:15:00.250Z'],
    ['2024-03-05T08:15:00.123456Z', '2024-03-05T08:15:00.123Z'],
    ['2024-03-05T09:15:00+01:00', '2024-03-05T08:15:00.000Z'],
    ['2024-07-05T10:15:00+0200', '2024-07-05T08:15:00.000Z'],
    ['2024-01-01T00:30:00-05:00', '2024-01-01T05:30:00.000Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
  ])('reads %s as %s', (text, expected) => {
    expect(parseInstant(text)?.toISOString()).toBe(expected);
  });

  it.each([
    ['2024-03-05 08:15:00', 'no T and no zone'],
    ['2024-03-05T08:15:00', 'no zone: local time or UTC cannot be told apart'],
    ['2024-03-05', 'a date without a time'],
    ['2023-02-29T12:00:00Z', 'not a leap year'],
    ['2024-04-31T12:00:00Z', 'April has 30 days'],
    ['2024-13-01T12:00:00Z', 'month 13'],
    ['2024-03-05T24:00:00Z', 'hour 24'],
    ['2024-03-05T08:60:00Z', 'minute 60'],
    ['2024-03-05T08:15:00+15:00', 'offset beyond +14:00'],
    ['5 March 2024', 'words'],
    ['', 'empty'],
  ])('refuses %s (%s)', (text) => {
    expect(parseInstant(text)).toBeNull();
  });
});
