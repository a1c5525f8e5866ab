import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../auth/roles';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../common/clock';
import { InvalidInputError } from '../common/domain-errors';
import { BusinessCalendar } from '../calendar/business-calendar';
import { StatisticsQuery } from './dto/statistics-query.dto';
import { GroupBy, ReportGrouping } from './report-grouping';
import { parseReportPeriod, ReportPeriod } from './report-period';
import { departmentScope, StatisticsScope } from './statistics-scope';

/** Everything a report needs to know besides its own targets, settled before any row is read. */
export interface ReportContext {
  calendar: BusinessCalendar;
  calendarVersion: number;
  timeZone: string;
  period: ReportPeriod;
  grouping: ReportGrouping;
  scope: StatisticsScope;
  nowMs: number;
  channel?: string;
}

/** The common head of every report answer; rows and total follow. */
export interface StatisticsReport<Row> {
  report: string;
  from: string;
  to: string;
  timeZone: string;
  calendarVersion: number;
  groupBy: string | null;
  scope: { departmentCodes: string[] | 'all' };
  targets: Record<string, number | string | null>;
  rows: Row[];
  total: Row;
}

/**
 * Builds the report context: one calendar (the settings version in force now, used for every
 * row so that a report is measured with one yardstick), the period in the calendar's time zone,
 * the grouping and the caller's department scope.
 */
@Injectable()
export class ReportContextService {
  constructor(
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
  ) {}

  /** departmentScoped false: the figures have no department (the phone queue), so no scope applies. */
  async build(
    principal: StaffPrincipal,
    query: StatisticsQuery,
    available: readonly GroupBy[],
    departmentScoped = true,
  ): Promise<ReportContext> {
    if (!departmentScoped && query.departmentCode)
      throw new InvalidInputError(['departmentCode: these figures have no department to filter by']);
    const scope = departmentScoped ? departmentScope(principal, query.departmentCode) : { departmentCodes: null };
    const { calendar, version } = await this.calendars.currentVersion();
    const timeZone = calendar.settings.timeZone;
    const period = parseReportPeriod(query.from, query.to, timeZone);
    const grouping = new ReportGrouping(query.groupBy, period, timeZone, available);
    return {
      calendar,
      calendarVersion: version,
      timeZone,
      period,
      grouping,
      scope,
      nowMs: this.clock.now().getTime(),
      channel: query.channel,
    };
  }
}

export function reportOf<Row>(
  report: string,
  context: ReportContext,
  targets: StatisticsReport<Row>['targets'],
  rows: Row[],
  total: Row,
): StatisticsReport<Row> {
  return {
    report,
    from: new Date(context.period.fromMs).toISOString(),
    to: new Date(context.period.toMs).toISOString(),
    timeZone: context.timeZone,
    calendarVersion: context.calendarVersion,
    groupBy: context.grouping.groupBy ?? null,
    scope: { departmentCodes: context.scope.departmentCodes ?? 'all' },
    targets,
    rows,
    total,
  };
}
