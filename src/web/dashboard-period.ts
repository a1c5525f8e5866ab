import { DateTime } from 'luxon';

/**
 * The period the dashboard shows, as the manager chooses it: whole local days from `from` to
 * `to`, both included (a form saying "1 January to 29 November" means the 29th too). The reports
 * take [from, to) with local dates meaning local midnight (docs/statistics.md), so they are asked
 * for `from` to the day after `to`.
 */
export interface DashboardPeriod {
  /** First day, YYYY-MM-DD, local. */
  from: string;
  /** Last day, included, YYYY-MM-DD, local. */
  to: string;
  /** The day after `to`: the reports' exclusive end. */
  toExclusive: string;
}

/** Why a field of the period form was refused; each has its message `dashboard.error.<field>.<reason>`. */
export interface PeriodProblem {
  field: 'from' | 'to';
  reason: 'missing' | 'notADate' | 'beforeFrom' | 'tooLong';
}

/** A ready-made period offered beside the form. */
export interface PeriodPreset {
  key: 'thisMonth' | 'lastMonth' | 'thisYear' | 'lastYear';
  from: string;
  to: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today in the municipality's time zone. */
function today(now: Date, timeZone: string): DateTime {
  return DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
}

function periodOf(from: DateTime, to: DateTime): DashboardPeriod {
  return { from: from.toISODate()!, to: to.toISODate()!, toExclusive: to.plus({ days: 1 }).toISODate()! };
}

/** This year so far: 1 January of this year to today, in the municipality's time zone. */
export function defaultPeriod(now: Date, timeZone: string): DashboardPeriod {
  const day = today(now, timeZone);
  return periodOf(day.startOf('year'), day);
}

/** This month and this year so far, last month, last year. */
export function periodPresets(now: Date, timeZone: string): PeriodPreset[] {
  const day = today(now, timeZone);
  const lastMonth = day.startOf('month').minus({ months: 1 });
  const lastYear = day.startOf('year').minus({ years: 1 });
  return [
    { key: 'thisMonth', from: day.startOf('month').toISODate()!, to: day.toISODate()! },
    { key: 'lastMonth', from: lastMonth.toISODate()!, to: lastMonth.endOf('month').toISODate()! },
    { key: 'thisYear', from: day.startOf('year').toISODate()!, to: day.toISODate()! },
    { key: 'lastYear', from: lastYear.toISODate()!, to: lastYear.endOf('year').toISODate()! },
  ];
}

/**
 * The period a query asks for: none of `from` and `to` gives this year so far; otherwise both are
 * needed, each a real date YYYY-MM-DD, and `to` not before `from`. Answers the period, or the
 * problems found with the fields' values as given (for the form to show them again).
 */
export function readPeriod(
  query: Record<string, unknown>,
  now: Date,
  timeZone: string,
): { period: DashboardPeriod; problems: [] } | { period: null; problems: PeriodProblem[]; from: string; to: string } {
  const from = typeof query.from === 'string' ? query.from.trim() : '';
  const to = typeof query.to === 'string' ? query.to.trim() : '';
  if (query.from === undefined && query.to === undefined) return { period: defaultPeriod(now, timeZone), problems: [] };
  const problems: PeriodProblem[] = [];
  const parsed = { from: dateOf('from', from, problems), to: dateOf('to', to, problems) };
  if (parsed.from && parsed.to && parsed.to < parsed.from) problems.push({ field: 'to', reason: 'beforeFrom' });
  if (problems.length > 0 || !parsed.from || !parsed.to) return { period: null, problems, from, to };
  return { period: periodOf(parsed.from, parsed.to), problems: [] };
}

function dateOf(field: PeriodProblem['field'], text: string, problems: PeriodProblem[]): DateTime | null {
  if (text === '') {
    problems.push({ field, reason: 'missing' });
    return null;
  }
  const date = DATE.test(text) ? DateTime.fromISO(text, { zone: 'UTC' }) : null;
  if (!date?.isValid) {
    problems.push({ field, reason: 'notADate' });
    return null;
  }
  return date;
}
