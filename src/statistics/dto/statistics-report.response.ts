import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ApiInstant } from '../../common/api-instant.decorator';
import { StatisticsReport } from '../report-context.service';

/** Whose figures a report holds: the caller's departments, or all of them. */
export class StatisticsScopeResponse {
  @ApiProperty({
    oneOf: [
      { type: 'array', items: { type: 'string' } },
      { type: 'string', enum: ['all'] },
    ],
    description: 'The departments counted, or "all" for managers and admins without a departmentCode',
    example: 'all',
  })
  departmentCodes: string[] | 'all';
}

/** A whole number of cases, contacts, calls or ratings. */
export const COUNT = { type: 'integer', minimum: 0 } as const;

/** A share in percent with two decimals, null when its base is 0. */
export const PERCENT = { type: Number, nullable: true } as const;

/** The group of a row: a department, channel, catalog type, gender, queue or period, or null for "none". */
export const GROUP = {
  type: String,
  nullable: true,
  description:
    'The group: a code of the groupBy dimension (null: without one), a period such as 2026-03-02, 2026-W10, ' +
    '2026-03, 2026-Q1 or 2026, "all" without groupBy, and "total" in total',
  example: '2026-03',
} as const;

/**
 * Builds the class of one period report answer, `{ report, from, to, ..., rows, total }`, for a
 * row class and a class that documents its targets. Name it by extending it:
 * `export class CaseStatisticsResponse extends StatisticsReportResponse('cases', CaseStatisticsRowResponse, ...) {}`.
 * The CSV form of the report (format=csv) is its rows, a header row of the row's field names.
 */
export function StatisticsReportResponse<Row>(
  report: string,
  rowType: Type<Row>,
  targetsType: Type<unknown>,
): Type<StatisticsReport<Row>> {
  class PeriodReport {
    @ApiProperty({ enum: [report] })
    report: string;

    @ApiInstant('Start of the period, inclusive')
    from: string;

    @ApiInstant('End of the period, exclusive')
    to: string;

    @ApiProperty({ description: 'The time zone of the periods and working days', example: 'Europe/Stockholm' })
    timeZone: string;

    @ApiProperty({ description: 'The business calendar settings version every row is measured with', example: 3 })
    calendarVersion: number;

    @ApiProperty({ type: String, nullable: true, description: 'As asked; null: one row, "all"', example: 'month' })
    groupBy: string | null;

    @ApiProperty({ type: StatisticsScopeResponse })
    scope: StatisticsScopeResponse;

    // Each report has its own targets; the document names them through targetsType.
    @ApiProperty({ type: targetsType, description: 'The targets and definitions the figures were measured against' })
    targets: Record<string, number | string | null>;

    @ApiProperty({ type: [rowType], description: 'One row per group, in group order' })
    rows: Row[];

    @ApiProperty({ type: rowType, description: 'The figures over all rows; group "total"' })
    total: Row;
  }
  return PeriodReport;
}

/**
 * A period report as an answer. Its rows are already plain figures, the same ones the CSV form
 * writes, so they go out as they are.
 */
export function toStatisticsReportResponse<Row>(report: StatisticsReport<Row>): StatisticsReport<Row> {
  return {
    report: report.report,
    from: report.from,
    to: report.to,
    timeZone: report.timeZone,
    calendarVersion: report.calendarVersion,
    groupBy: report.groupBy,
    scope: { departmentCodes: report.scope.departmentCodes },
    targets: report.targets,
    rows: report.rows,
    total: report.total,
  };
}
