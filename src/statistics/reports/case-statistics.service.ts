import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../../auth/roles';
import { CaseStatisticsQuery } from '../dto/case-statistics-query.dto';
import { PERIOD_GRANULARITIES } from '../period-buckets';
import { ReportContext, ReportContextService, reportOf, StatisticsReport } from '../report-context.service';
import { GroupBy, GroupDimension, GroupKey } from '../report-grouping';
import { SqlParameters, StatisticsSql } from '../sql/statistics-sql.service';
import { readInTimeSlices } from '../sql/time-sliced-reader';
import { CaseFigures, CaseStatisticsRow, DEFAULT_CASE_TARGETS } from './case-figures';
import { CaseDayFiguresService, DayFiguresRow } from '../day-figures/case-day-figures.service';
import { ArrivalDeadlines, ArrivalSpan, arrivalSpans, clipSpans } from '../arrival-deadlines';
import { countAgainstTarget, countBelow, DeadlineCounts } from '../day-figures/working-days-taken';
import { T } from '../sql/source-tables';
import { arrivalSpansJoin, deadlineCountColumns, spansPerJoin } from '../sql/arrival-spans-sql';
import { CASE_DIMENSIONS, CASE_SCOPE_COLUMNS, NO_GROUP, scopeConditions } from '../sql/report-selection';
import { OrderStatisticsThread } from '../order-statistics-thread';

export const CASE_GROUPINGS: readonly GroupBy[] = [
  'department',
  'channel',
  'catalog',
  'gender',
  ...PERIOD_GRANULARITIES,
];

/** One group of one time slice, counted in SQL (PostgreSQL answers counts as text). */
type CaseCountSqlRow = [groupValue: unknown, ...counts: Array<number | string | null>];
/** A resolved non-duplicate case: its group value and its instants as epoch ms. */
type ResolvedSqlRow = [groupValue: string | null, receivedMs: number | string, resolvedMs: number | string];

interface CaseSlice {
  counts: CaseCountSqlRow[];
  resolved: ResolvedSqlRow[];
}

/**
 * GET /api/v1/statistics/cases: cases received in the period, imported ones included, with their
 * resolution, working time to resolution and compliance with the first-response and resolution
 * targets.
 *
 * Counts and deadline figures are added up by the database: "within N working days" is a step
 * function of the arrival instant (arrival-deadlines.ts), joined as a small table of spans with
 * their due times, so every case is compared with its deadline in SQL. Only the working time to
 * resolution needs the calendar per case (its median and 90th percentile need every value): the
 * resolved cases' two instants are read as plain arrays. Both run in time slices with a yield
 * between them, so the API keeps answering.
 */
@Injectable()
export class CaseStatisticsService {
  constructor(
    private readonly contexts: ReportContextService,
    private readonly sql: StatisticsSql,
    private readonly dayFigures: CaseDayFiguresService,
    private readonly orderStatistics: OrderStatisticsThread,
  ) {}

  async report(principal: StaffPrincipal, query: CaseStatisticsQuery): Promise<StatisticsReport<CaseStatisticsRow>> {
    const context = await this.contexts.build(principal, query, CASE_GROUPINGS);
    const targets = {
      firstResponseTargetWorkingDays:
        query.firstResponseTargetWorkingDays ?? DEFAULT_CASE_TARGETS.firstResponseTargetWorkingDays,
      resolutionTargetWorkingDays:
        query.resolutionTargetWorkingDays ?? DEFAULT_CASE_TARGETS.resolutionTargetWorkingDays,
    };
    // A target given in the query is a what-if over every case; without one, each case is held to
    // the due time service targets stored on it, and cases without one to the default.
    const stored = {
      firstResponse:
        query.firstResponseTargetWorkingDays === undefined && this.sql.hasColumn(T.cases, 'first_response_due_at'),
      resolution: query.resolutionTargetWorkingDays === undefined && this.sql.hasColumn(T.cases, 'resolution_due_at'),
    };
    const figures = new CaseFigures(context.calendar, context.nowMs, targets, (list) =>
      this.orderStatistics.medianAndP90(list),
    );
    // Daily figures hold each measure against stored due times (else the default target), and
    // the working days each case took, against which a what-if target is counted.
    const whatIf = !stored.firstResponse || !stored.resolution;
    const counting: DayFiguresCounting = { targets, stored, deadlines: null };
    const addDayRows = (rows: DayFiguresRow[]) => {
      for (const row of rows) this.addDayFigures(context, figures, row, counting);
    };
    const { fromCases } = await this.dayFigures.read(
      context,
      {
        departmentCodes: context.scope.departmentCodes,
        channel: context.channel,
        byCatalog: context.grouping.dimension === 'catalog',
        byGender: context.grouping.dimension === 'gender',
        byChannel: context.grouping.dimension === 'channel',
        whatIf,
      },
      addDayRows,
    );
    for (const [fromMs, toMs] of fromCases) await this.readCases(context, { fromMs, toMs }, targets, stored, figures);
    const rows = await Promise.all(context.grouping.keysInOrder(figures.keys()).map((key) => figures.row(key)));
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
      await figures.total(),
    );
  }

  /** The group a fresh day's figures of a department, channel, catalog entry or gender belong to. */
  private groupKeyOf(context: ReportContext, row: DayFiguresRow): GroupKey {
    const dimensionValues: Partial<Record<GroupDimension, string | null>> = {
      department: row.departmentCode,
      channel: row.channel,
      catalog: row.catalogCode,
      gender: row.gender,
    };
    const { dimension } = context.grouping;
    return context.grouping.keyOf(dimension ? (dimensionValues[dimension] ?? null) : null, row.day.startMs);
  }

  /**
   * Adds one fresh day's figures of a department, channel, catalog entry or gender to its group:
   * each measure against the stored due times as built, or, under a what-if target, counted
   * against the target from the working days each case took.
   */
  private addDayFigures(
    context: ReportContext,
    figures: CaseFigures,
    row: DayFiguresRow,
    counting: DayFiguresCounting,
  ): void {
    const key = this.groupKeyOf(context, row);
    // What is still open is missed once its due time has passed, as the SQL counts it: due < now.
    const asBuilt = ({ met, late, openDueMs }: DayFiguresRow['firstResponse']): DeadlineCounts => {
      const missed = countBelow(openDueMs, context.nowMs);
      return { met, late, missed, pending: openDueMs.length - missed };
    };
    const againstTarget = (measure: 'firstResponse' | 'resolution', targetIndex: number): DeadlineCounts => {
      const taken = row.workingDaysTaken?.[measure];
      if (!taken)
        throw new Error(`the daily figures of ${row.day.localDay} were read without their working days taken`);
      const target =
        targetIndex === 0
          ? counting.targets.firstResponseTargetWorkingDays
          : counting.targets.resolutionTargetWorkingDays;
      // Open cases are due by the target from their arrival, as the report's arrival spans give it.
      counting.deadlines ??= new ArrivalDeadlines(context.calendar, context.period.fromMs, context.period.toMs, [
        counting.targets.firstResponseTargetWorkingDays,
        counting.targets.resolutionTargetWorkingDays,
      ]);
      const deadlines = counting.deadlines;
      return countAgainstTarget(taken, target, context.nowMs, (arrivalMs) => deadlines.dueMs(arrivalMs, targetIndex));
    };
    figures.addCounts(key, {
      received: row.received,
      duplicates: row.duplicates,
      returned: row.returned,
      reopened: row.reopened,
      firstResponse: counting.stored.firstResponse ? asBuilt(row.firstResponse) : againstTarget('firstResponse', 0),
      resolution: counting.stored.resolution ? asBuilt(row.resolution) : againstTarget('resolution', 1),
    });
    figures.addWorkingMinutes(key, row.resolutionWorkingMinutes);
  }

  /**
   * Reads the cases received in [range.fromMs, range.toMs), a part of the period no daily figures
   * cover: their counts and the working times of the resolved ones.
   */
  private async readCases(
    context: ReportContext,
    range: { fromMs: number; toMs: number },
    targets: { firstResponseTargetWorkingDays: number; resolutionTargetWorkingDays: number },
    stored: { firstResponse: boolean; resolution: boolean },
    figures: CaseFigures,
  ): Promise<void> {
    const { grouping } = context;
    const parameters: SqlParameters = {};
    const conditions = scopeConditions(context.scope, context.channel, CASE_SCOPE_COLUMNS, parameters);
    // On SQLite the covering index by receipt is named: without planner statistics (the app gathers
    // none), SQLite took the index of department and status for a department's cases, and read
    // every case of the department once per arrival span.
    const cases = `${T.cases} c${this.sql.indexedBy('IDX_cases_statistics_received')}`;
    const dimensionColumn = (grouping.dimension && CASE_DIMENSIONS[grouping.dimension]) ?? NO_GROUP;
    const spans = arrivalSpans(
      context.calendar,
      range.fromMs,
      range.toMs,
      [targets.firstResponseTargetWorkingDays, targets.resolutionTargetWorkingDays],
      grouping.periods,
    );
    const counts = this.countsSql(context, stored, cases, dimensionColumn, conditions);
    const resolved = `SELECT ${dimensionColumn}, ${this.sql.epochMs('c.received_at')}, ${this.sql.epochMs('c.resolved_at')}
      FROM ${cases}
      WHERE c.received_at >= :sliceFrom AND c.received_at < :sliceTo AND c.resolved_at IS NOT NULL
        AND c.status <> 'duplicate'${conditions.map((condition) => ` AND ${condition}`).join('')}`;
    await readInTimeSlices<CaseSlice>(
      range.fromMs,
      range.toMs,
      async (sliceFrom, sliceTo) => {
        const slice: CaseSlice = { counts: [], resolved: [] };
        for (const joined of spansPerJoin(this.sql, clipSpans(spans, sliceFrom.getTime(), sliceTo.getTime())))
          slice.counts.push(...(await this.sql.arrays<CaseCountSqlRow>(counts(joined), parameters)));
        slice.resolved = await this.sql.arrays<ResolvedSqlRow>(resolved, { ...parameters, sliceFrom, sliceTo });
        return slice;
      },
      (slice) => {
        for (const [groupValue, ...values] of slice.counts) {
          const n = values.map((value) => Number(value ?? 0));
          figures.addCounts(grouping.keyOfSqlGroup(groupValue), {
            received: n[0],
            duplicates: n[1],
            returned: n[2],
            reopened: n[3],
            firstResponse: { met: n[4], late: n[5], missed: n[6], pending: n[7] },
            resolution: { met: n[8], late: n[9], missed: n[10], pending: n[11] },
          });
        }
        for (const [groupValue, receivedMs, resolvedMs] of slice.resolved) {
          const received = Number(receivedMs);
          figures.addResolved(grouping.keyOf(groupValue, received), received, Number(resolvedMs));
        }
      },
      (slice) => slice.resolved.length + slice.counts.length,
    );
  }

  /**
   * The counting query of a time slice, given the slice's arrival spans: each span joins the cases
   * that arrived in it through the index on received_at, and brings their due times along.
   * `from`: the cases (`c`), as after FROM.
   */
  private countsSql(
    context: ReportContext,
    stored: { firstResponse: boolean; resolution: boolean },
    from: string,
    dimensionColumn: string,
    conditions: string[],
  ): (spans: ArrivalSpan[]) => string {
    const sql = this.sql;
    const now = sql.instantLiteral(context.nowMs);
    const firstResponseDue = stored.firstResponse ? 'COALESCE(c.first_response_due_at, a.due_0)' : 'a.due_0';
    const resolutionDue = stored.resolution ? 'COALESCE(c.resolution_due_at, a.due_1)' : 'a.due_1';
    const count = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
    const notDuplicate = `c.status <> 'duplicate'`;
    const groupColumn = context.grouping.periods ? 'a.period_index' : dimensionColumn;
    const select = [
      `${groupColumn} AS group_value`,
      'COUNT(*)',
      count(`c.status = 'duplicate'`),
      count(`${notDuplicate} AND c.return_count > 0`),
      count(`${notDuplicate} AND c.reopen_count > 0`),
      ...deadlineCountColumns('c.first_response_at', firstResponseDue, now, notDuplicate),
      ...deadlineCountColumns('c.resolved_at', resolutionDue, now, notDuplicate),
    ];
    return (spans) => {
      const spansJoin = arrivalSpansJoin(sql, spans, 'c.received_at');
      return `${spansJoin.withClause}
        SELECT ${select.join(', ')}
        FROM a CROSS JOIN ${from}
        WHERE ${[...spansJoin.conditions, ...conditions].join(' AND ')}
        ${groupColumn === NO_GROUP ? '' : `GROUP BY ${groupColumn}`}`;
    };
  }
}

/**
 * How a report counts the daily figures' measures: as built where `stored` (the due times stored
 * on the cases, else the default targets), else against `targets` (a what-if), whose due times
 * for the open cases come from `deadlines`, made at the first row that needs them.
 */
interface DayFiguresCounting {
  targets: { firstResponseTargetWorkingDays: number; resolutionTargetWorkingDays: number };
  stored: { firstResponse: boolean; resolution: boolean };
  deadlines: ArrivalDeadlines | null;
}
