import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../../auth/roles';
import { CaseStatisticsQuery } from '../dto/case-statistics-query.dto';
import { PERIOD_GRANULARITIES } from '../period-buckets';
import { ReportContext, ReportContextService, reportOf, StatisticsReport } from '../report-context.service';
import { GroupBy, GroupDimension } from '../report-grouping';
import { SqlParameters, StatisticsSql } from '../sql/statistics-sql.service';
import { readInTimeSlices } from '../sql/time-sliced-reader';
import { CaseFactsRow, CaseFigures, CaseStatisticsRow } from './case-figures';
import { T } from '../sql/source-tables';

export const CASE_GROUPINGS: readonly GroupBy[] = [
  'department',
  'channel',
  'catalog',
  'gender',
  ...PERIOD_GRANULARITIES,
];
const DIMENSION_COLUMNS: Partial<Record<GroupDimension, string>> = {
  department: 'c.department_code',
  channel: 'c.channel',
  catalog: 'c.catalog_code',
  // A case whose citizen was removed (retention, erasure) keeps the gender on the case itself.
  gender: 'COALESCE(z.gender, c.citizen_gender)',
};
const DEFAULT_FIRST_RESPONSE_TARGET_WORKING_DAYS = 2;
const DEFAULT_RESOLUTION_TARGET_WORKING_DAYS = 10;

interface CaseSqlRow {
  received_ms: number;
  first_response_ms: number | null;
  resolved_ms: number | null;
  return_count: number;
  reopen_count: number;
  status: string;
  group_value: string | null;
  first_response_due_ms?: number | null;
  resolution_due_ms?: number | null;
}

/**
 * GET /api/v1/statistics/cases: cases received in the period, imported ones included, with their
 * resolution, working time to resolution and compliance with the first-response and resolution
 * targets. Every figure needs the business calendar per case, so the needed columns of the
 * period's cases are read once, in time slices, and added up in one pass.
 */
@Injectable()
export class CaseStatisticsService {
  constructor(
    private readonly contexts: ReportContextService,
    private readonly sql: StatisticsSql,
  ) {}

  async report(principal: StaffPrincipal, query: CaseStatisticsQuery): Promise<StatisticsReport<CaseStatisticsRow>> {
    const context = await this.contexts.build(principal, query, CASE_GROUPINGS);
    const targets = {
      firstResponseTargetWorkingDays:
        query.firstResponseTargetWorkingDays ?? DEFAULT_FIRST_RESPONSE_TARGET_WORKING_DAYS,
      resolutionTargetWorkingDays: query.resolutionTargetWorkingDays ?? DEFAULT_RESOLUTION_TARGET_WORKING_DAYS,
    };
    // A target given in the query is a what-if over every case; without one, each case is held to
    // the due time service targets stored on it, and cases without one to the default.
    const stored = {
      firstResponse:
        query.firstResponseTargetWorkingDays === undefined && this.sql.hasColumn(T.cases, 'first_response_due_at'),
      resolution: query.resolutionTargetWorkingDays === undefined && this.sql.hasColumn(T.cases, 'resolution_due_at'),
    };
    const figures = new CaseFigures(context.calendar, context.nowMs, targets);
    await this.readCases(context, stored, (key, row) => figures.add(key, row));
    const rows = context.grouping.keysInOrder(figures.keys()).map((key) => figures.row(key));
    const dueTimes = (used: boolean) =>
      used ? 'stored on the case where set, else the target in working days' : 'the target in working days';
    return reportOf(
      'cases',
      context,
      {
        ...targets,
        firstResponseDueTimes: dueTimes(stored.firstResponse),
        resolutionDueTimes: dueTimes(stored.resolution),
      },
      rows,
      figures.total(),
    );
  }

  private async readCases(
    context: ReportContext,
    stored: { firstResponse: boolean; resolution: boolean },
    onCase: (key: string | null, row: CaseFactsRow) => void,
  ): Promise<void> {
    const { grouping } = context;
    const parameters: SqlParameters = {};
    const dueColumns =
      (stored.firstResponse ? `, ${this.sql.epochMs('c.first_response_due_at')} AS first_response_due_ms` : '') +
      (stored.resolution ? `, ${this.sql.epochMs('c.resolution_due_at')} AS resolution_due_ms` : '');
    const conditions = ['c.received_at >= :sliceFrom', 'c.received_at < :sliceTo'];
    if (context.scope.departmentCodes) {
      conditions.push('c.department_code IN (:...departmentCodes)');
      parameters.departmentCodes = context.scope.departmentCodes;
    }
    if (context.channel) {
      conditions.push('c.channel = :channel');
      parameters.channel = context.channel;
    }
    const groupColumn = (grouping.dimension && DIMENSION_COLUMNS[grouping.dimension]) ?? 'NULL';
    const sql = `SELECT ${this.sql.epochMs('c.received_at')} AS received_ms, ${this.sql.epochMs('c.first_response_at')} AS first_response_ms,
        ${this.sql.epochMs('c.resolved_at')} AS resolved_ms, c.return_count AS return_count, c.reopen_count AS reopen_count,
        c.status AS status, ${groupColumn} AS group_value${dueColumns}
      FROM ${T.cases} c${grouping.dimension === 'gender' ? ` LEFT JOIN ${T.citizens} z ON z.id = c.citizen_id` : ''}
      WHERE ${conditions.join(' AND ')}`;
    await readInTimeSlices(
      context.period.fromMs,
      context.period.toMs,
      (sliceFrom, sliceTo) => this.sql.rows<CaseSqlRow>(sql, { ...parameters, sliceFrom, sliceTo }),
      (rows) => {
        for (const row of rows) {
          const receivedMs = Number(row.received_ms);
          onCase(grouping.keyOf(row.group_value, receivedMs), {
            receivedMs,
            firstResponseMs: row.first_response_ms === null ? null : Number(row.first_response_ms),
            resolvedMs: row.resolved_ms === null ? null : Number(row.resolved_ms),
            returnCount: row.return_count,
            reopenCount: row.reopen_count,
            duplicate: row.status === 'duplicate',
            firstResponseDueMs: row.first_response_due_ms == null ? null : Number(row.first_response_due_ms),
            resolutionDueMs: row.resolution_due_ms == null ? null : Number(row.resolution_due_ms),
          });
        }
      },
    );
  }
}
