import { DateTime, IANAZone } from 'luxon';

/**
 * The one rule for reading a time a person or a file gives, everywhere in the API (filters,
 * contacts, callbacks, imports, call records, working time, statistics): the municipality's local
 * time unless the text says otherwise.
 *
 * - `2026-03-05T08:15:00Z`, `2026-03-05T09:15:00+01:00`: the instant written, zone and all;
 * - `2026-03-05 09:15`, `2026-03-05T09:15:00`: that wall-clock time in the municipality's zone
 *   (summer or winter time as it was that day);
 * - `2026-03-05`: local midnight at the start of that day, so `from=2024-03-05&to=2024-03-06`
 *   is that one day wherever it is used.
 *
 * Returns null for anything else (including a wall-clock time that does not exist, in the hour
 * the clocks skip in spring).
 */
export function parseMunicipalTime(text: string, timeZone: string): Date | null {
  const trimmed = text.trim();
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      trimmed,
    );
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const fields = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: hour === undefined ? 0 : Number(hour),
    minute: minute === undefined ? 0 : Number(minute),
    second: second === undefined ? 0 : Number(second),
    millisecond: fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000),
  };
  const probe = DateTime.fromObject(fields, { zone: 'UTC' });
  if (!probe.isValid || probe.year !== fields.year || probe.month !== fields.month || probe.day !== fields.day)
    return null;
  const wallClockMs = probe.toMillis();
  if (zone !== undefined) {
    const offset = zone === 'Z' ? 0 : offsetMinutes(zone);
    return offset === null ? null : new Date(wallClockMs - offset * 60_000);
  }
  return localInstant(wallClockMs, timeZone);
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/**
 * The instant at which a clock in the zone showed this wall-clock time. Of the two instants in the
 * hour the clocks go back, the first (summer time), as the business calendar reads opening hours;
 * null for a time in the hour the clocks skip. Luxon alone would pick by the offset in force when
 * the server runs, so the answer would depend on the season.
 */
function localInstant(wallClockMs: number, timeZone: string): Date | null {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) return null;
  const offsets = new Set([zone.offset(wallClockMs - MS_PER_DAY), zone.offset(wallClockMs + MS_PER_DAY)]);
  const candidates = [...offsets]
    .map((offset) => wallClockMs - offset * MS_PER_MINUTE)
    .filter((instantMs) => wallClockMs - zone.offset(instantMs) * MS_PER_MINUTE === instantMs)
    .sort((a, b) => a - b);
  return candidates.length === 0 ? null : new Date(candidates[0]);
}

function offsetMinutes(zone: string): number | null {
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4));
  if (hours > 14 || minutes > 59) return null;
  return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** Whether the text is in one of the forms parseMunicipalTime reads (the zone is not needed to tell). */
export function isMunicipalTime(text: unknown): boolean {
  return typeof text === 'string' && parseMunicipalTime(text, 'UTC') !== null;
}
