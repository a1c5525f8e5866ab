import { ApiProperty } from '@nestjs/swagger';
import { ApiInstant } from '../../common/api-instant.decorator';
import { BacklogReport } from '../reports/backlog-statistics.service';
import { BACKLOG_GROUP_BY } from './backlog-query.dto';
import { COUNT, GROUP, StatisticsScopeResponse } from './statistics-report.response';

/**
 * The open cases of one group now, by age in working days: a case is in 0-2 while it would
 * still meet a 2-working-day target if resolved now, in 3-5 while within 5, and so on.
 */
export class BacklogRowResponse {
  @ApiProperty(GROUP)
  group: string | null;

  @ApiProperty({ ...COUNT, description: 'Open cases' })
  open: number;

  @ApiProperty({ ...COUNT, description: 'Still within 2 working days of receipt' })
  age0To2WorkingDays: number;

  @ApiProperty({ ...COUNT, description: 'Within 5 working days, not within 2' })
  age3To5WorkingDays: number;

  @ApiProperty({ ...COUNT, description: 'Within 10 working days, not within 5' })
  age6To10WorkingDays: number;

  @ApiProperty({ ...COUNT, description: 'Older than 10 working days' })
  ageOver10WorkingDays: number;
}

/** GET /api/v1/statistics/backlog: the open cases at this moment, by age. */
export class BacklogStatisticsResponse {
  @ApiProperty({ enum: ['backlog'] })
  report: 'backlog';

  @ApiInstant('The moment the backlog was counted')
  at: string;

  @ApiProperty({ example: 'Europe/Stockholm' })
  timeZone: string;

  @ApiProperty({ description: 'The business calendar settings version the ages are measured with', example: 3 })
  calendarVersion: number;

  @ApiProperty({ type: String, enum: BACKLOG_GROUP_BY, nullable: true, description: 'As asked; null: one row, "all"' })
  groupBy: string | null;

  @ApiProperty({ type: StatisticsScopeResponse })
  scope: StatisticsScopeResponse;

  @ApiProperty({ type: [BacklogRowResponse], description: 'One row per group, in group order' })
  rows: BacklogRowResponse[];

  @ApiProperty({ type: BacklogRowResponse, description: 'The figures over all rows; group "total"' })
  total: BacklogRowResponse;
}

export function toBacklogStatisticsResponse(report: BacklogReport): BacklogStatisticsResponse {
  return {
    report: report.report,
    at: report.at,
    timeZone: report.timeZone,
    calendarVersion: report.calendarVersion,
    groupBy: report.groupBy,
    scope: { departmentCodes: report.scope.departmentCodes },
    rows: report.rows,
    total: report.total,
  };
}
