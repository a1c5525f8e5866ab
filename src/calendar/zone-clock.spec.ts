import { IANAZone } from 'luxon';
import { wallClockToInstantForYear } from './zone-clock';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

function wallClock(text: string): number {
  return Date.parse(`${text}Z`);
}

/** The instants whose local time in the zone is the given wall-clock time, by brute force. */
function matchingInstants(zone: IANAZone, wallClockMs: number): number[] {
  const offsetsNearby = new Set([
    zone.offset(wallClockMs - MS_PER_DAY),
    zone.offset(wallClockMs),
    zone.offset(wallClockMs + MS_PER_DAY),
  ]);
  return [...offsetsNearby]
    .map((offsetMinutes) => wallClockMs - offsetMinutes * MS_PER_MINUTE)
    .filter((instantMs) => instantMs + zone.offset(instantMs) * MS_PER_MINUTE === wallClockMs)
    .sort((a, b) => a - b);
}

describe('wallClockToInstantForYear', () => {
  const stockholm = IANAZone.create('Europe/Stockholm');
  const toInstant = wallClockToInstantForYear(stockholm, 2026);

  it('maps Stockholm winter and summer wall times: 08:00 CET = 07:00Z, 08:00 CEST = 06:00Z', () => {
    expect(new Date(toInstant(wallClock('2026-03-27T08:00'))).toISOString()).toBe('2026-03-27T07:00:00.000Z');
    expect(new Date(toInstant(wallClock('2026-03-30T08:00'))).toISOString()).toBe('2026-03-30T06:00:00.000Z');
  });

  it('maps a time in the spring-forward gap (02:30 on 29 March 2026) to the change at 01:00Z (03:00 CEST)', () => {
    expect(new Date(toInstant(wallClock('2026-03-29T02:30'))).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(new Date(toInstant(wallClock('2026-03-29T02:00'))).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(new Date(toInstant(wallClock('2026-03-29T03:00'))).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('maps a repeated fall-back time (02:30 on 25 October 2026) to its first occurrence, 00:30Z (CEST)', () => {
    expect(new Date(toInstant(wallClock('2026-10-25T02:30'))).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(new Date(toInstant(wallClock('2026-10-25T03:00'))).toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it.each([
    'Europe/Stockholm',
    'America/New_York',
    'Australia/Lord_Howe',
    'Asia/Kathmandu',
    'America/Santiago',
    'Pacific/Chatham',
  ])('agrees with the brute-force answer throughout 2026 in %s (every 10 minutes on change days)', (zoneName) => {
    const zone = IANAZone.create(zoneName);
    const convert = wallClockToInstantForYear(zone, 2026);
    const mismatches: string[] = [];
    for (let dayMs = wallClock('2026-01-01T00:00'); dayMs < wallClock('2027-01-01T00:00'); dayMs += MS_PER_DAY) {
      const changesNearby = zone.offset(dayMs - MS_PER_DAY) !== zone.offset(dayMs + 2 * MS_PER_DAY);
      const stepMs = (changesNearby ? 10 : 180) * MS_PER_MINUTE;
      for (let wallClockMs = dayMs; wallClockMs < dayMs + MS_PER_DAY; wallClockMs += stepMs) {
        const [firstOccurrence] = matchingInstants(zone, wallClockMs);
        const actual = convert(wallClockMs);
        const inGapAndAfterIt =
          firstOccurrence === undefined && actual + zone.offset(actual) * MS_PER_MINUTE > wallClockMs;
        if (actual !== firstOccurrence && !inGapAndAfterIt) mismatches.push(new Date(wallClockMs).toISOString());
      }
    }
    expect(mismatches).toEqual([]);
  });
});
