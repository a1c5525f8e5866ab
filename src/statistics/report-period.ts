/**
 * The period [from, to) of a report, from the query's from and to, read by the one rule of
 * calendar/municipal-time.ts: a bare date ('2026-03-01') means local midnight in the
 * municipality's time zone, which is what a manager asking for "March" means; an instant with Z
 * or an offset is taken as it is; a date and time without an offset is local time.
 */
import { DateTime } from 'luxon';
import { parseMunicipalTime } from '../calendar/municipal-time';
import { InvalidInputError } from '../common/domain-errors';

/**
 * The latest `to` (local midnight): the period's days and the due times of its last arrivals (up
 * to 250 working days on, a year at most) have four-digit years, as the databases write them.
 */
const LATEST_TO = DateTime.fromObject({ year: 9998, month: 12, day: 31 }, { zone: 'UTC' });

/** Ten years of days grouped by day is still a few thousand rows; longer asks are mistakes. */
const LONGEST_PERIOD_DAYS = 3700;

export interface ReportPeriod {
  fromMs: number;
  toMs: number;
}

export function parseReportPeriod(from: string | undefined, to: string | undefined, timeZone: string): ReportPeriod {
  const problems: string[] = [];
  const fromMs = instantOf('from', from, timeZone, problems);
  const toMs = instantOf('to', to, timeZone, problems);
  if (problems.length === 0 && !(fromMs < toMs)) problems.push('to: must be later than from');
  if (problems.length === 0 && toMs - fromMs > LONGEST_PERIOD_DAYS * 86_400_000)
    problems.push(`to: a report covers at most ${LONGEST_PERIOD_DAYS} days`);
  if (problems.length === 0 && toMs > LATEST_TO.setZone(timeZone, { keepLocalTime: true }).toMillis())
    problems.push('to: at the latest 9998-12-31 (local)');
  if (problems.length > 0) throw new InvalidInputError(problems);
  return { fromMs, toMs };
}

/** [1 January, 1 January of the next year) in the time zone. */
export function yearPeriod(year: number, timeZone: string): ReportPeriod {
  const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: timeZone });
  return { fromMs: start.toMillis(), toMs: start.plus({ years: 1 }).toMillis() };
}

function instantOf(name: string, text: string | undefined, timeZone: string, problems: string[]): number {
  if (text === undefined || text === '') {
    problems.push(`${name}: required, a date YYYY-MM-DD (local) or an ISO 8601 instant`);
    return NaN;
  }
  const parsed = parseMunicipalTime(text, timeZone);
  if (!parsed) {
    problems.push(`${name}: "${text}" is not a date YYYY-MM-DD (local) or an ISO 8601 instant`);
    return NaN;
  }
  return parsed.getTime();
}
