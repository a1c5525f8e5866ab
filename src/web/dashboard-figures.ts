import { BacklogRow } from '../statistics/reports/backlog-statistics.service';
import { CallbackStatisticsRow } from '../statistics/reports/callback-statistics.service';
import { CaseStatisticsRow } from '../statistics/reports/case-figures';
import { EmailAnswerRow } from '../statistics/reports/email-answer-statistics.service';
import { PhoneStatisticsRow } from '../statistics/reports/phone-figures';
import { ServiceIndexRow } from '../statistics/reports/service-index.service';
import { DashboardFigure, DashboardReports, FigureReport } from './dashboard-reports.service';
import { Language, LOCALES, Translate } from './i18n/languages';

/** A data table: the accessible source of a figure, every value written out in the page's language. */
export interface FigureTable {
  headers: string[];
  rows: Array<{ header: string; cells: string[] }>;
  total: { header: string; cells: string[] } | null;
}

/**
 * What the chart script draws (src/web/assets/dashboard-charts.js): raw values, not formatted.
 * A series' `style` tells it apart without colour (solid, outline, dashed line, ...).
 */
export interface FigureChart {
  kind: 'bar' | 'line';
  stacked: boolean;
  percent: boolean;
  locale: string;
  labels: string[];
  series: Array<{ label: string; values: Array<number | null>; style: number }>;
  target: { label: string; value: number } | null;
}

/** One figure of the dashboard as its template shows it. */
export interface FigureView {
  id: DashboardFigure;
  table: FigureTable;
  chart: FigureChart;
  /** Keys of extra sentences under the title (definitions, sources). */
  notes: string[];
}

/** A language's number and month formats: building an Intl format costs more than a page's use of it. */
interface LanguageFormats {
  counts: Intl.NumberFormat;
  shares: Intl.NumberFormat;
  decimals: Intl.NumberFormat;
  months: Intl.DateTimeFormat;
  dates: Intl.DateTimeFormat;
}

const FORMATS = new Map<Language, LanguageFormats>();

function formatsOf(language: Language): LanguageFormats {
  let formats = FORMATS.get(language);
  if (!formats) {
    const locale = LOCALES[language];
    formats = {
      counts: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
      shares: new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 2 }),
      decimals: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      months: new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
      dates: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
    };
    FORMATS.set(language, formats);
  }
  return formats;
}

/** Writes the figures' values in the page's language: counts, shares, hours, months, departments. */
export class FigureFormat {
  private readonly formats: LanguageFormats;

  constructor(
    readonly language: Language,
    readonly t: Translate,
    private readonly departmentNames: ReadonlyMap<string, string>,
  ) {
    this.formats = formatsOf(language);
  }

  /** A local date, YYYY-MM-DD, as "29 November 2026". */
  date(date: string): string {
    const [year, month, day] = date.split('-').map(Number);
    return this.formats.dates.format(Date.UTC(year, month - 1, day));
  }

  count(value: number): string {
    return this.formats.counts.format(value);
  }

  /** A share given in percent (95.24), or "–" when there was nothing to measure. */
  percent(value: number | null): string {
    return value === null ? this.t('dashboard.nothingMeasured') : this.formats.shares.format(value / 100);
  }

  hours(value: number | null): string {
    return value === null ? this.t('dashboard.nothingMeasured') : this.formats.decimals.format(value);
  }

  /** A report's month group, 2026-03, as "March 2026". */
  month(group: string | null): string {
    const match = /^(\d{4})-(\d{2})$/.exec(group ?? '');
    return match ? this.formats.months.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)) : String(group);
  }

  /** A report's department group by name; null is the contacts and cases of no department. */
  department(group: string | null): string {
    if (group === null) return this.t('dashboard.noDepartment');
    return this.departmentNames.get(group) ?? group;
  }

  yesNo(value: boolean | null): string {
    return value === null ? this.t('dashboard.nothingMeasured') : this.t(value ? 'dashboard.yes' : 'dashboard.no');
  }
}

interface Column<Row> {
  key: string;
  cell: (row: Row) => string;
}

function tableOf<Row extends { group: string | null }>(
  format: FigureFormat,
  report: FigureReport<Row>,
  groupHeader: string,
  groupName: (group: string | null) => string,
  columns: Array<Column<Row>>,
): FigureTable {
  return {
    headers: [format.t(groupHeader), ...columns.map((column) => format.t(column.key))],
    rows: report.rows.map((row) => ({
      header: groupName(row.group),
      cells: columns.map((column) => column.cell(row)),
    })),
    total:
      report.rows.length > 1
        ? { header: format.t('dashboard.total'), cells: columns.map((column) => column.cell(report.total)) }
        : null,
  };
}

function chartOf<Row extends { group: string | null }>(
  format: FigureFormat,
  report: FigureReport<Row>,
  groupName: (group: string | null) => string,
  shape: Pick<FigureChart, 'kind' | 'stacked' | 'percent'> & { target?: FigureChart['target'] },
  series: Array<{ key: string; value: (row: Row) => number | null }>,
): FigureChart {
  return {
    ...shape,
    target: shape.target ?? null,
    locale: LOCALES[format.language],
    labels: report.rows.map((row) => groupName(row.group)),
    series: series.map((one, style) => ({
      label: format.t(one.key),
      values: report.rows.map((row) => one.value(row)),
      style,
    })),
  };
}

/** Breaches of a deadline figure: measured and not met, that is late or missed. */
function breached(measured: number, met: number): number {
  return measured - met;
}

/**
 * The dashboard's figures from the reports: for each a data table (the source; the total as its
 * last row when there is more than one) and the chart's values. Departments by name, months by
 * name, numbers in the page's language; the definitions are the reports' (docs/statistics.md).
 */
export function dashboardFigures(reports: DashboardReports, format: FigureFormat): FigureView[] {
  const department = (group: string | null) => format.department(group);
  const month = (group: string | null) => format.month(group);
  const count = (value: number) => format.count(value);
  const percent = (value: number | null) => format.percent(value);
  const c = 'dashboard.col.';

  const serviceIndex = reports['service-index'];
  const target = serviceIndex.total.targetPercent;
  const emailAnswers = reports['email-answers'];
  const phone = reports.phone;
  const callbacks = reports.callbacks;
  const backlog = reports.backlog;
  const breaches = reports.breaches;
  const casesByMonth = reports['cases-by-month'];
  return [
    {
      id: 'service-index',
      notes: ['dashboard.serviceIndex.definition'],
      table: tableOf<ServiceIndexRow>(format, serviceIndex, `${c}department`, department, [
        { key: `${c}contacts`, cell: (row) => count(row.contacts) },
        { key: `${c}measured`, cell: (row) => count(row.measured) },
        { key: `${c}activeService`, cell: (row) => count(row.activeService) },
        { key: `${c}serviceIndex`, cell: (row) => percent(row.serviceIndexPercent) },
        { key: `${c}meetsTarget`, cell: (row) => format.yesNo(row.meetsTarget) },
      ]),
      chart: chartOf<ServiceIndexRow>(
        format,
        serviceIndex,
        department,
        {
          kind: 'bar',
          stacked: false,
          percent: true,
          target: {
            label: format.t('dashboard.serviceIndex.target', { percent: format.count(target) }),
            value: target,
          },
        },
        [{ key: `${c}serviceIndex`, value: (row) => row.serviceIndexPercent }],
      ),
    },
    {
      id: 'email-answers',
      notes: ['dashboard.emailAnswers.definition'],
      table: tableOf<EmailAnswerRow>(format, emailAnswers, `${c}department`, department, [
        { key: `${c}questions`, cell: (row) => count(row.questions) },
        { key: `${c}withinOneDay`, cell: (row) => percent(row.answeredWithinOneWorkingDayPercent) },
        { key: `${c}withinTwoDays`, cell: (row) => percent(row.answeredWithinTwoWorkingDaysPercent) },
        { key: `${c}emailPending`, cell: (row) => count(row.pendingForTwoWorkingDays) },
      ]),
      chart: chartOf<EmailAnswerRow>(format, emailAnswers, department, { kind: 'bar', stacked: false, percent: true }, [
        { key: `${c}withinOneDay`, value: (row) => row.answeredWithinOneWorkingDayPercent },
        { key: `${c}withinTwoDays`, value: (row) => row.answeredWithinTwoWorkingDaysPercent },
      ]),
    },
    {
      id: 'phone',
      notes: [
        'dashboard.phone.definition',
        phone.total.directAnswerSource === 'contacts' ? 'dashboard.phone.fromContacts' : 'dashboard.phone.fromCalls',
      ],
      table: tableOf<PhoneStatisticsRow>(format, phone, `${c}month`, month, [
        { key: `${c}calls`, cell: (row) => count(row.calls) },
        { key: `${c}answered`, cell: (row) => count(row.answered) },
        { key: `${c}answerRate`, cell: (row) => percent(row.answeredPercent) },
        { key: `${c}directAnswerBase`, cell: (row) => count(row.directAnswerBase) },
        { key: `${c}directAnswerRate`, cell: (row) => percent(row.directAnswerPercent) },
      ]),
      chart: chartOf<PhoneStatisticsRow>(format, phone, month, { kind: 'line', stacked: false, percent: true }, [
        { key: `${c}answerRate`, value: (row) => row.answeredPercent },
        { key: `${c}directAnswerRate`, value: (row) => row.directAnswerPercent },
      ]),
    },
    {
      id: 'callbacks',
      notes: ['dashboard.callbacks.definition'],
      table: tableOf<CallbackStatisticsRow>(format, callbacks, `${c}department`, department, [
        { key: `${c}callbacksOwed`, cell: (row) => count(row.callbacksOwed) },
        { key: `${c}callbacksKept`, cell: (row) => count(row.callbacksKept) },
        { key: `${c}callbacksLate`, cell: (row) => count(row.callbacksLate) },
        { key: `${c}callbacksMissed`, cell: (row) => count(row.callbacksMissed) },
        { key: `${c}pending`, cell: (row) => count(row.callbacksPending) },
        { key: `${c}callbacksKeptRate`, cell: (row) => percent(row.callbacksKeptPercent) },
      ]),
      chart: chartOf<CallbackStatisticsRow>(
        format,
        callbacks,
        department,
        { kind: 'bar', stacked: false, percent: true },
        [{ key: `${c}callbacksKeptRate`, value: (row) => row.callbacksKeptPercent }],
      ),
    },
    {
      id: 'backlog',
      notes: ['dashboard.backlog.definition'],
      table: tableOf<BacklogRow>(format, backlog, `${c}department`, department, [
        { key: `${c}open`, cell: (row) => count(row.open) },
        { key: `${c}age0To2`, cell: (row) => count(row.age0To2WorkingDays) },
        { key: `${c}age3To5`, cell: (row) => count(row.age3To5WorkingDays) },
        { key: `${c}age6To10`, cell: (row) => count(row.age6To10WorkingDays) },
        { key: `${c}ageOver10`, cell: (row) => count(row.ageOver10WorkingDays) },
      ]),
      chart: chartOf<BacklogRow>(format, backlog, department, { kind: 'bar', stacked: true, percent: false }, [
        { key: `${c}age0To2`, value: (row) => row.age0To2WorkingDays },
        { key: `${c}age3To5`, value: (row) => row.age3To5WorkingDays },
        { key: `${c}age6To10`, value: (row) => row.age6To10WorkingDays },
        { key: `${c}ageOver10`, value: (row) => row.ageOver10WorkingDays },
      ]),
    },
    {
      id: 'breaches',
      notes: ['dashboard.breaches.definition'],
      table: tableOf<CaseStatisticsRow>(format, breaches, `${c}department`, department, [
        { key: `${c}received`, cell: (row) => count(row.received) },
        {
          key: `${c}firstResponseBreached`,
          cell: (row) => count(breached(row.firstResponseMeasured, row.firstResponseWithinTarget)),
        },
        { key: `${c}firstResponseWithinTarget`, cell: (row) => percent(row.firstResponseWithinTargetPercent) },
        {
          key: `${c}resolutionBreached`,
          cell: (row) => count(breached(row.resolutionMeasured, row.resolutionWithinTarget)),
        },
        { key: `${c}resolutionWithinTarget`, cell: (row) => percent(row.resolutionWithinTargetPercent) },
      ]),
      chart: chartOf<CaseStatisticsRow>(format, breaches, department, { kind: 'bar', stacked: false, percent: false }, [
        {
          key: `${c}firstResponseBreached`,
          value: (row) => breached(row.firstResponseMeasured, row.firstResponseWithinTarget),
        },
        { key: `${c}resolutionBreached`, value: (row) => breached(row.resolutionMeasured, row.resolutionWithinTarget) },
      ]),
    },
    {
      id: 'cases-by-month',
      notes: ['dashboard.casesByMonth.definition'],
      table: tableOf<CaseStatisticsRow>(format, casesByMonth, `${c}month`, month, [
        { key: `${c}received`, cell: (row) => count(row.received) },
        { key: `${c}resolved`, cell: (row) => count(row.resolved) },
        { key: `${c}medianHours`, cell: (row) => format.hours(row.medianResolutionWorkingHours) },
      ]),
      chart: chartOf<CaseStatisticsRow>(format, casesByMonth, month, { kind: 'bar', stacked: false, percent: false }, [
        { key: `${c}received`, value: (row) => row.received },
        { key: `${c}resolved`, value: (row) => row.resolved },
      ]),
    },
  ];
}

/**
 * The period's headline figures, each the total of its report: what a manager reads first and
 * compares with the targets. `[label, value]` in the page's language.
 */
export function keyFigures(reports: DashboardReports, format: FigureFormat): Array<{ label: string; value: string }> {
  const { t } = format;
  const serviceIndex = reports['service-index'].total;
  const email = reports['email-answers'].total;
  const phone = reports.phone.total;
  const cases = reports.breaches.total;
  const met =
    serviceIndex.meetsTarget === null
      ? ''
      : ` (${t(serviceIndex.meetsTarget ? 'dashboard.key.met' : 'dashboard.key.notMet', { percent: format.count(serviceIndex.targetPercent) })})`;
  return [
    { label: t('dashboard.col.serviceIndex'), value: `${format.percent(serviceIndex.serviceIndexPercent)}${met}` },
    { label: t('dashboard.key.emailOneDay'), value: format.percent(email.answeredWithinOneWorkingDayPercent) },
    { label: t('dashboard.key.emailTwoDays'), value: format.percent(email.answeredWithinTwoWorkingDaysPercent) },
    { label: t('dashboard.key.phoneAnswered'), value: format.percent(phone.answeredPercent) },
    { label: t('dashboard.key.directAnswers'), value: format.percent(phone.directAnswerPercent) },
    { label: t('dashboard.key.callbacksKept'), value: format.percent(reports.callbacks.total.callbacksKeptPercent) },
    { label: t('dashboard.key.casesReceived'), value: format.count(cases.received) },
    {
      label: t('dashboard.key.breaches'),
      value: t('dashboard.key.breachesValue', {
        firstResponse: format.count(breached(cases.firstResponseMeasured, cases.firstResponseWithinTarget)),
        resolution: format.count(breached(cases.resolutionMeasured, cases.resolutionWithinTarget)),
      }),
    },
    { label: t('dashboard.key.openNow'), value: format.count(reports.backlog.total.open) },
  ];
}
