import { CASE_STATUSES, CaseStatus } from '../../cases/case-lifecycle';
import { ServiceRequestQuery } from '../open311.service';

/** `page_size` when none is asked for, and the most one page holds: the specification's 1,000. */
export const MAX_PAGE_SIZE = 1000;

/** The most ids `service_request_id` may list at once. */
export const MAX_REQUEST_IDS = 200;

const CLOSED: CaseStatus[] = ['resolved', 'closed', 'duplicate'];

/**
 * Reads the query of `GET requests` (GeoReport v2 "GET Service Requests" with `page` and
 * `page_size`). `service_request_id` and `service_code` take comma-separated lists; `status` is
 * `open` or `closed`, or both; the dates are W3C date-times. With `service_request_id` the
 * other filters are ignored, as the specification says.
 *
 * @returns the query, or the problems, each naming its parameter
 */
export function readServiceRequestQuery(query: Record<string, unknown>): {
  query: ServiceRequestQuery;
  problems: string[];
} {
  const problems: string[] = [];
  const text = (field: string): string | undefined => {
    const value = query[field];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') {
      problems.push(`${field} must be given once`);
      return undefined;
    }
    return value;
  };
  const list = (field: string): string[] | undefined =>
    text(field)
      ?.split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  const instant = (field: string): Date | undefined => {
    const value = text(field);
    if (value === undefined) return undefined;
    const at = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)
      ? new Date(value)
      : new Date(NaN);
    if (Number.isNaN(at.getTime())) problems.push(`${field} must be a W3C date-time, e.g. 2026-05-04T08:00:00Z`);
    return at;
  };
  const integer = (field: string, fallback: number, max: number): number => {
    const value = text(field);
    if (value === undefined) return fallback;
    const number = /^\d{1,7}$/.test(value) ? Number(value) : NaN;
    if (!(number >= 1 && number <= max)) {
      problems.push(`${field} must be a whole number from 1 to ${max}`);
      return fallback;
    }
    return number;
  };

  const references = list('service_request_id');
  if (references && references.length > MAX_REQUEST_IDS) {
    problems.push(`service_request_id may list at most ${MAX_REQUEST_IDS} ids`);
  }
  const statuses = list('status');
  const unknownStatus = statuses?.find((status) => status !== 'open' && status !== 'closed');
  if (unknownStatus) problems.push(`status must be open or closed, not "${unknownStatus}"`);
  const from = instant('start_date');
  const before = instant('end_date');
  if (from && before && from.getTime() > before.getTime()) problems.push('end_date is before start_date');
  const result: ServiceRequestQuery = {
    page: integer('page', 1, 100_000),
    pageSize: integer('page_size', MAX_PAGE_SIZE, MAX_PAGE_SIZE),
  };
  if (references) return { query: { ...result, references }, problems };
  return {
    query: {
      ...result,
      serviceCodes: list('service_code'),
      statuses: statuses && caseStatusesOf(statuses),
      from,
      // end_date is a moment included in the range.
      before: before && new Date(before.getTime() + 1),
    },
    problems,
  };
}

function caseStatusesOf(statuses: string[]): CaseStatus[] {
  return CASE_STATUSES.filter((status) => statuses.includes(CLOSED.includes(status) ? 'closed' : 'open'));
}
