import { isMunicipalTime, parseMunicipalTime } from './municipal-time';

const STOCKHOLM = 'Europe/Stockholm';

describe('parseMunicipalTime', () => {
  it.each([
    // A time that names its zone is read as written, wherever the municipality is.
    ['2026-11-28T08:00:00Z', '2026-11-28T08:00:00.000Z'],
    ['2026-11-28T09:00:00+01:00', '2026-11-28T08:00:00.000Z'],
    ['2026-11-28T09:00:00+0100', '2026-11-28T08:00:00.000Z'],
    ['2026-11-28T09:00:00.250Z', '2026-11-28T09:00:00.250Z'],
    // Without a zone: wall-clock time in Stockholm, winter time (UTC+1) in November...
    ['2026-11-28 09:00', '2026-11-28T08:00:00.000Z'],
    ['2026-11-28T09:00', '2026-11-28T08:00:00.000Z'],
    ['2026-11-28T09:00:30', '2026-11-28T08:00:30.000Z'],
    // ...summer time (UTC+2) in June.
    ['2026-06-15 09:00', '2026-06-15T07:00:00.000Z'],
    // A bare date is local midnight at the start of that day.
    ['2024-03-05', '2024-03-04T23:00:00.000Z'],
    ['2024-07-01', '2024-06-30T22:00:00.000Z'],
    // Surrounding white space is not part of the time.
    [' 2024-03-05 ', '2024-03-04T23:00:00.000Z'],
    // On the night the clocks go back (2026-10-25, 03:00 summer time becomes 02:00 winter time)
    // 02:30 happens twice; the first occurrence is taken, as the calendar does.
    ['2026-10-25 02:30', '2026-10-25T00:30:00.000Z'],
  ])('reads %s as %s', (text, expected) => {
    expect(parseMunicipalTime(text, STOCKHOLM)?.toISOString()).toBe(expected);
  });

  it.each([
    ['2026-03-29 02:30', 'a wall-clock time the clocks skip in spring never happened'],
    ['2026-02-30', 'no such day'],
    ['2026-11-28 24:00', 'no such hour'],
    ['2026-11-28 09:60', 'no such minute'],
    ['28/11/2026 09:00', 'a day-first date is not read: 03/05 could be either'],
    ['2026-11-28 9:00', 'the hour has two digits'],
    ['yesterday', 'not a time at all'],
    ['', 'empty'],
  ])('refuses %s (%s)', (text) => {
    expect(parseMunicipalTime(text, STOCKHOLM)).toBeNull();
  });

  it('reads the same bare date to the same instant for every filter that uses the rule', () => {
    // The fault this rule closes: a bare date read as UTC midnight on one list and local midnight on another.
    const from = parseMunicipalTime('2024-03-05', STOCKHOLM) as Date;
    const to = parseMunicipalTime('2024-03-06', STOCKHOLM) as Date;
    expect(to.getTime() - from.getTime()).toBe(24 * 3_600_000);
    expect(from.toISOString()).toBe('2024-03-04T23:00:00.000Z');
  });

  it('reads in the zone it is given (Copenhagen, and UTC for a municipality that keeps it)', () => {
    expect(parseMunicipalTime('2026-06-15 09:00', 'Europe/Copenhagen')?.toISOString()).toBe('2026-06-15T07:00:00.000Z');
    expect(parseMunicipalTime('2026-06-15 09:00', 'UTC')?.toISOString()).toBe('2026-06-15T09:00:00.000Z');
  });
});

describe('isMunicipalTime', () => {
  it('accepts the forms and refuses everything else, strings only', () => {
    expect(isMunicipalTime('2026-11-28 09:00')).toBe(true);
    expect(isMunicipalTime('2026-11-28')).toBe(true);
    expect(isMunicipalTime('28.11.2026')).toBe(false);
    expect(isMunicipalTime(20261128)).toBe(false);
    expect(isMunicipalTime(null)).toBe(false);
  });
});
