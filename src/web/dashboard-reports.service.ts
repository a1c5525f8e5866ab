import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../auth/roles';
import { toBacklogStatisticsResponse } from '../statistics/dto/backlog-statistics.response';
import { toStatisticsReportResponse } from '../statistics/dto/statistics-report.response';
import { BacklogRow, BacklogStatisticsService } from '../statistics/reports/backlog-statistics.service';
import { CallbackStatisticsRow, CallbackStatisticsService } from '../statistics/reports/callback-statistics.service';
import { CaseStatisticsRow } from '../statistics/reports/case-figures';
import { CaseStatisticsService } from '../statistics/reports/case-statistics.service';
import { EmailAnswerRow, EmailAnswerStatisticsService } from '../statistics/reports/email-answer-statistics.service';
import { PhoneStatisticsRow } from '../statistics/reports/phone-figures';
import { PhoneStatisticsService } from '../statistics/reports/phone-statistics.service';
import { ServiceIndexRow, ServiceIndexService } from '../statistics/reports/service-index.service';
import { DashboardPeriod } from './dashboard-period';

/** The dashboard's figures, in the order the page shows them; each is also `/dashboard/<figure>.csv`. */
export const DASHBOARD_FIGURES = [
  'service-index',
  'email-answers',
  'phone',
  'callbacks',
  'backlog',
  'breaches',
  'cases-by-month',
] as const;
export type DashboardFigure = (typeof DASHBOARD_FIGURES)[number];

export function isDashboardFigure(value: unknown): value is DashboardFigure {
  return typeof value === 'string' && (DASHBOARD_FIGURES as readonly string[]).includes(value);
}

/** A report as the statistics API answers it in JSON: what a figure is drawn from, and its CSV. */
export interface FigureReport<Row> {
  report: string;
  groupBy: string | null;
  rows: Row[];
  total: Row;
}

/** Every figure's report, by figure. */
export interface DashboardReports {
  'service-index': FigureReport<ServiceIndexRow>;
  'email-answers': FigureReport<EmailAnswerRow>;
  phone: FigureReport<PhoneStatisticsRow>;
  callbacks: FigureReport<CallbackStatisticsRow>;
  backlog: FigureReport<BacklogRow>;
  breaches: FigureReport<CaseStatisticsRow>;
  'cases-by-month': FigureReport<CaseStatisticsRow>;
}

/**
 * The statistics API request each figure is the answer to: GET /api/v1/statistics/<report> with
 * this groupBy and the period's `from` and `to` (to exclusive); the backlog takes no period.
 */
export const FIGURE_REQUESTS: Record<DashboardFigure, { report: string; groupBy: string }> = {
  'service-index': { report: 'service-index', groupBy: 'department' },
  'email-answers': { report: 'email-answers', groupBy: 'department' },
  phone: { report: 'phone', groupBy: 'month' },
  callbacks: { report: 'callbacks', groupBy: 'department' },
  backlog: { report: 'backlog', groupBy: 'department' },
  breaches: { report: 'cases', groupBy: 'department' },
  'cases-by-month': { report: 'cases', groupBy: 'month' },
};

/**
 * Reads the dashboard's figures through the statistics services with the caller as principal, the
 * same calls and the same answer mapping as StatisticsController: the access policy's department
 * scope, the calendar in force and every definition of docs/statistics.md are theirs, and a
 * figure equals the API's answer to FIGURE_REQUESTS for the same period. Default targets apply
 * (95 % service index, callbacks by their stored due times, phone answer within 60 s).
 *
 * @throws InvalidInputError (400) when the reports refuse the period (longer than they allow).
 */
@Injectable()
export class DashboardReportsService {
  constructor(
    private readonly cases: CaseStatisticsService,
    private readonly backlog: BacklogStatisticsService,
    private readonly emailAnswers: EmailAnswerStatisticsService,
    private readonly phone: PhoneStatisticsService,
    private readonly callbacks: CallbackStatisticsService,
    private readonly serviceIndex: ServiceIndexService,
  ) {}

  /** One figure's report for the period. */
  async report<Figure extends DashboardFigure>(
    staff: StaffPrincipal,
    figure: Figure,
    period: DashboardPeriod,
  ): Promise<DashboardReports[Figure]> {
    const range = { from: period.from, to: period.toExclusive };
    const groupBy = FIGURE_REQUESTS[figure].groupBy as never;
    const reports: { [F in DashboardFigure]: () => Promise<DashboardReports[F]> } = {
      'service-index': async () =>
        toStatisticsReportResponse(await this.serviceIndex.report(staff, { ...range, groupBy })),
      'email-answers': async () =>
        toStatisticsReportResponse(await this.emailAnswers.report(staff, { ...range, groupBy })),
      phone: async () => toStatisticsReportResponse(await this.phone.report(staff, { ...range, groupBy })),
      callbacks: async () => toStatisticsReportResponse(await this.callbacks.report(staff, { ...range, groupBy })),
      backlog: async () => toBacklogStatisticsResponse(await this.backlog.report(staff, { groupBy })),
      breaches: async () => toStatisticsReportResponse(await this.cases.report(staff, { ...range, groupBy })),
      'cases-by-month': async () => toStatisticsReportResponse(await this.cases.report(staff, { ...range, groupBy })),
    };
    return reports[figure]();
  }

  /**
   * Every figure's report for the period, asked for together: on PostgreSQL their queries overlap;
   * on SQLite (one connection, synchronous reads) they run in turn.
   */
  async all(staff: StaffPrincipal, period: DashboardPeriod): Promise<DashboardReports> {
    const [serviceIndex, emailAnswers, phone, callbacks, backlog, breaches, casesByMonth] = await Promise.all([
      this.report(staff, 'service-index', period),
      this.report(staff, 'email-answers', period),
      this.report(staff, 'phone', period),
      this.report(staff, 'callbacks', period),
      this.report(staff, 'backlog', period),
      this.report(staff, 'breaches', period),
      this.report(staff, 'cases-by-month', period),
    ]);
    return {
      'service-index': serviceIndex,
      'email-answers': emailAnswers,
      phone,
      callbacks,
      backlog,
      breaches,
      'cases-by-month': casesByMonth,
    };
  }
}
