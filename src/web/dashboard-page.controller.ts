import { Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Roles } from '../auth/roles.decorator';
import { StaffPrincipal } from '../auth/roles';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../common/clock';
import { InvalidInputError } from '../common/domain-errors';
import { OrganisationService } from '../organisation/organisation.service';
import { respondWithReport } from '../statistics/report-response';
import { ConsoleController } from './console-page.decorator';
import { dashboardFigures, FigureFormat, keyFigures } from './dashboard-figures';
import { DashboardPeriod, PeriodProblem, periodPresets, readPeriod } from './dashboard-period';
import {
  DASHBOARD_FIGURES,
  DashboardReports,
  DashboardReportsService,
  isDashboardFigure,
} from './dashboard-reports.service';
import { ConsoleRequest, PageFrame, PageRenderer } from './page-renderer.service';

/**
 * The managers' dashboard: the accessibility figures for a period (this year so far unless the
 * form says otherwise), each as a chart with its data table and a CSV download. For managers and
 * admins, the roles that see every department's statistics in the API; handlers and agents get
 * the 403 page. The figures come from the statistics services (DashboardReportsService).
 */
@ConsoleController('dashboard')
@Roles('manager', 'admin')
export class DashboardPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly reports: DashboardReportsService,
    private readonly organisation: OrganisationService,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
  ) {}

  /** The dashboard; `?from=YYYY-MM-DD&to=YYYY-MM-DD` (both days included). A bad period: 400, the form says why. */
  @Get()
  async page(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const staff = request.staff as StaffPrincipal;
    const frame = await this.pages.frame(request, response);
    const timeZone = await this.timeZone();
    const now = this.clock.now();
    const presets = periodPresets(now, timeZone).map((preset) => ({
      text: frame.t(`dashboard.preset.${preset.key}`),
      href: `/dashboard?from=${preset.from}&to=${preset.to}`,
    }));
    const asked = readPeriod(request.query, now, timeZone);
    const refuse = (problems: PeriodProblem[], from: string, to: string) =>
      response
        .status(400)
        .type('html')
        .send(this.pages.renderToString(frame, 'dashboard.njk', { ...formOf(frame, problems, from, to), presets }));
    if (!asked.period) return void refuse(asked.problems, asked.from, asked.to);
    const period = asked.period;
    let reports: DashboardReports;
    try {
      reports = await this.reports.all(staff, period);
    } catch (error) {
      const problems = periodProblemsOf(error);
      if (!problems) throw error;
      return void refuse(problems, period.from, period.to);
    }
    const departments = await this.organisation.listDepartments();
    const names = new Map(departments.map((department) => [department.code, department.name]));
    const format = new FigureFormat(frame.language, frame.t, names);
    const figures = dashboardFigures(reports, format);
    response.type('html').send(
      this.pages.renderToString(frame, 'dashboard.njk', {
        ...formOf(frame, [], period.from, period.to),
        presets,
        period,
        periodText: frame.t('dashboard.periodShown', {
          from: format.date(period.from),
          to: format.date(period.to),
        }),
        keyFigures: keyFigures(reports, format).map((figure) => ({
          key: { text: figure.label },
          value: { text: figure.value },
        })),
        figures: figures.map((figure) => ({
          ...figure,
          chartJson: JSON.stringify(figure.chart),
          csvHref: `/dashboard/${figure.id}.csv?from=${period.from}&to=${period.to}`,
        })),
      }),
    );
  }

  /**
   * One figure's report as CSV, as the statistics API writes it with format=csv for the page's
   * language (sv, da: for Excel, semicolons and a decimal comma; en: RFC 4180), downloaded as
   * `<figure>_<from>_<to>.csv`. A bad period: 400 naming the field.
   */
  @Get(':figure.csv')
  async csv(@Param('figure') figure: string, @Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    if (!isDashboardFigure(figure))
      throw new NotFoundException(`No figure is called ${figure}: one of ${DASHBOARD_FIGURES.join(', ')}`);
    const staff = request.staff as StaffPrincipal;
    const language = this.pages.languageOf(request, response);
    const asked = readPeriod(request.query, this.clock.now(), await this.timeZone());
    if (!asked.period) throw new InvalidInputError(asked.problems.map(problemText));
    const period: DashboardPeriod = asked.period;
    const report = await this.reports.report(staff, figure, period);
    const csv = respondWithReport(response, { format: 'csv', lang: language }, figure, report) as string;
    response.setHeader('Content-Disposition', `attachment; filename="${figure}_${period.from}_${period.to}.csv"`);
    response.send(csv);
  }

  private async timeZone(): Promise<string> {
    return (await this.calendars.current()).settings.timeZone;
  }
}

/** The period form's values and its problems, for the template (GOV.UK error summary and messages). */
function formOf(frame: PageFrame, problems: PeriodProblem[], from: string, to: string): Record<string, unknown> {
  const message = (field: PeriodProblem['field']) => {
    const problem = problems.find((one) => one.field === field);
    return problem ? { text: frame.t(`dashboard.error.${problem.field}.${problem.reason}`) } : undefined;
  };
  return {
    form: { from, to },
    fieldErrors: { from: message('from'), to: message('to') },
    errors: problems.map((problem) => ({
      text: frame.t(`dashboard.error.${problem.field}.${problem.reason}`),
      href: `#${problem.field}`,
    })),
  };
}

/** A refused field as the API names it: `from: ...`. */
function problemText(problem: PeriodProblem): string {
  const why: Record<PeriodProblem['reason'], string> = {
    missing: 'required, a date YYYY-MM-DD',
    notADate: 'not a date YYYY-MM-DD',
    beforeFrom: 'must not be before from',
    tooLong: 'the period is too long',
  };
  return `${problem.field}: ${why[problem.reason]}`;
}

/** The reports' own refusal of a period (`to: a report covers at most ... days`) as a form problem. */
function periodProblemsOf(error: unknown): PeriodProblem[] | null {
  if (!(error instanceof InvalidInputError) || !error.messages.every((message) => /^(from|to):/.test(message)))
    return null;
  return [{ field: 'to', reason: 'tooLong' }];
}
