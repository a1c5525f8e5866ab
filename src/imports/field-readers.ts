import { parseMunicipalTime } from '../calendar/municipal-time';
import { parseInstant } from './iso-instant';

/**
 * Readers for one field of one line of an import file, shared by the case import and
 * the telephony records. Each reader appends its error, in the form "field: problem",
 * and answers null when the field is absent or wrong, so a line reports every problem
 * at once. A CSV file has only text, a JSON line has typed values: readers take both.
 */
export type LineFields = Record<string, unknown>;

/** Absent, null and blank all mean "not given": a CSV file cannot tell them apart. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export function unknownFields(fields: LineFields, known: readonly string[], errors: string[]): void {
  for (const name of Object.keys(fields)) {
    if (!known.includes(name)) errors.push(`${name}: is not a known field`);
  }
}

export function readText(
  fields: LineFields,
  name: string,
  errors: string[],
  options: { required: boolean; maxLength: number },
): string | null {
  const value = fields[name];
  if (isBlank(value)) {
    if (options.required) errors.push(`${name}: is required`);
    return null;
  }
  if (typeof value !== 'string') {
    errors.push(`${name}: must be a string`);
    return null;
  }
  const trimmed = value.trim();
  if (trimmed.length > options.maxLength) {
    errors.push(`${name}: must be at most ${options.maxLength} characters`);
    return null;
  }
  return trimmed;
}

export function readChoice<T extends string>(
  fields: LineFields,
  name: string,
  choices: readonly T[],
  errors: string[],
): T | null {
  const value = readText(fields, name, errors, { required: true, maxLength: 100 });
  if (value === null) return null;
  if (!(choices as readonly string[]).includes(value)) {
    errors.push(`${name}: must be one of ${choices.join(', ')}; got "${value}"`);
    return null;
  }
  return value as T;
}

/**
 * The earliest instant an imported record may carry. Older records are not the history of
 * any service center, and working-time figures over a record walk every year it spans.
 */
const EARLIEST_INSTANT_MS = Date.UTC(1900, 0, 1);

/**
 * Reads a time from an imported record by the one rule of calendar/municipal-time.ts: an ISO 8601
 * instant with a zone is read as written (by the fast hand-written parser, since a large import
 * reads a million of them); a time without a zone is wall-clock time in the municipality's zone.
 */
export function readInstant(
  fields: LineFields,
  name: string,
  errors: string[],
  options: { required: boolean; notAfter: Date; timeZone: string },
): Date | null {
  const value = readText(fields, name, errors, { required: options.required, maxLength: 40 });
  if (value === null) return null;
  const instant = parseInstant(value) ?? parseMunicipalTime(value, options.timeZone);
  if (!instant) {
    errors.push(
      `${name}: must be a date and time, such as 2024-03-05T08:15:00Z or 2024-03-05 09:15 (local time); got "${value}"`,
    );
    return null;
  }
  if (instant.getTime() > options.notAfter.getTime()) {
    errors.push(`${name}: must not be in the future`);
    return null;
  }
  if (instant.getTime() < EARLIEST_INSTANT_MS) {
    errors.push(`${name}: must not be before 1900`);
    return null;
  }
  return instant;
}

export function readWholeNumber(
  fields: LineFields,
  name: string,
  errors: string[],
  options: { max: number },
): number | null {
  const value = fields[name];
  if (isBlank(value)) {
    errors.push(`${name}: is required`);
    return null;
  }
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(number) || number < 0 || number > options.max) {
    errors.push(`${name}: must be a whole number from 0 to ${options.max}; got ${JSON.stringify(value)}`);
    return null;
  }
  return number;
}

const TRUE_WORDS = ['true', '1', 'yes', 'ja'];
const FALSE_WORDS = ['false', '0', 'no', 'nej'];

/** A yes/no field; absent answers null, so the caller decides whether it was required. */
export function readFlag(fields: LineFields, name: string, errors: string[]): boolean | null {
  const value = fields[name];
  if (isBlank(value)) return null;
  if (typeof value === 'boolean') return value;
  const word = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  errors.push(`${name}: must be true or false; got ${JSON.stringify(value)}`);
  return null;
}
