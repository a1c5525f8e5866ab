import { CASE_STATUSES, CaseStatus } from '../cases/case-lifecycle';
import { CHANNELS, Channel } from '../contacts/contact.types';
import { isBlank, LineFields, readChoice, readInstant, readText, unknownFields } from './field-readers';
import { HistoricalCase } from '../cases/case-import-writer.service';

/** One historical case from an import file, checked and with its times read. */
/** A checked line: a historical case as the cases area stores it. */
export type ImportedCase = HistoricalCase;

/** What a line is checked against: the organisation as it is now, and the time of the import. */
export interface CaseLineContext {
  departmentCodes: ReadonlySet<string>;
  catalogCodes: ReadonlySet<string>;
  now: Date;
  /** The municipality's IANA time zone: a time without a zone in the file is local time there. */
  timeZone: string;
}

export const CASE_IMPORT_FIELDS = [
  'externalId',
  'receivedAt',
  'firstResponseAt',
  'resolvedAt',
  'closedAt',
  'departmentCode',
  'catalogCode',
  'channel',
  'description',
  'status',
] as const;
export const REQUIRED_CASE_IMPORT_FIELDS = [
  'externalId',
  'receivedAt',
  'departmentCode',
  'catalogCode',
  'channel',
  'description',
  'status',
] as const;

/** The lifecycle's times in the order they happen; each must not come before the one given before it. */
const TIMES_IN_ORDER = ['receivedAt', 'firstResponseAt', 'resolvedAt', 'closedAt'] as const;
type TimeField = (typeof TIMES_IN_ORDER)[number];

/**
 * Which statuses a case may have with each end time, as the live lifecycle leaves them:
 * resolving sets resolvedAt, closing (only from resolved) sets closedAt, and reopening
 * clears both. A case in any other status has neither.
 */
const STATUSES_WITH: Record<'resolvedAt' | 'closedAt', readonly CaseStatus[]> = {
  resolvedAt: ['resolved', 'closed'],
  closedAt: ['closed'],
};

/**
 * Checks one line of a case import. A pure function: the caller supplies what is known
 * about departments and catalog entries; uniqueness of externalId across the file and
 * against earlier imports is the caller's to check, since it spans lines.
 */
export function validateCaseLine(
  fields: LineFields,
  context: CaseLineContext,
): { importedCase: ImportedCase | null; errors: string[] } {
  const errors: string[] = [];
  unknownFields(fields, CASE_IMPORT_FIELDS, errors);
  const externalId = readText(fields, 'externalId', errors, { required: true, maxLength: 100 });
  const times = {} as Record<TimeField, Date | null>;
  for (const name of TIMES_IN_ORDER)
    times[name] = readInstant(fields, name, errors, {
      required: name === 'receivedAt',
      notAfter: context.now,
      timeZone: context.timeZone,
    });
  const departmentCode = readText(fields, 'departmentCode', errors, { required: true, maxLength: 32 });
  if (departmentCode !== null && !context.departmentCodes.has(departmentCode))
    errors.push(`departmentCode: unknown department "${departmentCode}"`);
  const catalogCode = readText(fields, 'catalogCode', errors, { required: true, maxLength: 64 });
  if (catalogCode !== null && !context.catalogCodes.has(catalogCode))
    errors.push(`catalogCode: unknown catalog entry "${catalogCode}"`);
  const channel = readChoice(fields, 'channel', CHANNELS, errors);
  const description = readText(fields, 'description', errors, { required: true, maxLength: 10000 });
  const status = readChoice(fields, 'status', CASE_STATUSES, errors);

  checkTimesInOrder(times, errors);
  if (status !== null) checkStatusMatchesTimes(fields, status, errors);

  if (errors.length > 0) return { importedCase: null, errors };
  return {
    importedCase: {
      externalId: externalId as string,
      receivedAt: times.receivedAt as Date,
      firstResponseAt: times.firstResponseAt,
      resolvedAt: times.resolvedAt,
      closedAt: times.closedAt,
      departmentCode: departmentCode as string,
      catalogCode: catalogCode as string,
      channel: channel as Channel,
      description: description as string,
      status: status as CaseStatus,
    },
    errors,
  };
}

function checkTimesInOrder(times: Record<TimeField, Date | null>, errors: string[]): void {
  let previous: { name: TimeField; at: Date } | null = null;
  for (const name of TIMES_IN_ORDER) {
    const at = times[name];
    if (at === null) continue;
    if (previous && at.getTime() < previous.at.getTime()) errors.push(`${name}: must not be before ${previous.name}`);
    previous = { name, at };
  }
}

/** Looks at whether a time was given at all, so a badly written time is not also reported as missing. */
function checkStatusMatchesTimes(fields: LineFields, status: CaseStatus, errors: string[]): void {
  for (const name of ['resolvedAt', 'closedAt'] as const) {
    const given = !isBlank(fields[name]);
    const expected = STATUSES_WITH[name].includes(status);
    if (expected && !given) errors.push(`${name}: is required when status is ${status}`);
    if (!expected && given) errors.push(`${name}: must be empty when status is ${status}`);
  }
}
