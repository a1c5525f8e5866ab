import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../../auth/roles';
import { CALLBACK_OWING_OUTCOMES } from '../../callbacks/callback-owed';
import { CallbackStatisticsQuery } from '../dto/callback-statistics-query.dto';
import { arrivalSpans } from '../arrival-deadlines';
import { DeadlineTally } from '../deadline-tally';
import { percent } from '../figures';
import { ReportContext, ReportContextService, reportOf, StatisticsReport } from '../report-context.service';
import { GroupKey } from '../report-grouping';
import { CONTACT_GROUPINGS, CONTACTS, groupByClause, reportSelection } from '../sql/report-selection';
import { SqlParameters, StatisticsSql } from '../sql/statistics-sql.service';
import { T } from '../sql/source-tables';
import { deadlineCountColumns, stepLookup } from '../sql/arrival-spans-sql';

export const DEFAULT_CALLBACK_TARGET_WORKING_DAYS = 1;

export interface CallbackStatisticsRow {
  group: GroupKey;
  callbackTargetWorkingDays: number;
  callbacksOwed: number;
  callbacksKept: number;
  callbacksLate: number;
  callbacksMissed: number;
  callbacksPending: number;
  callbacksMeasured: number;
  callbacksKeptPercent: number | null;
}

/** A contact owing a callback, measured one by one: its group, the contact's start and end, the callback made and its stored due time (epoch ms). */
type CallbackSqlRow = [
  groupValue: string | null,
  startedMs: number,
  endedMs: number,
  madeMs: number | null,
  dueMs?: number | null,
];

/**
 * GET /api/v1/statistics/callbacks: were promised callbacks made in time? A contact with outcome
 * message_taken or callback_promised owes a callback; it is kept when made (POST
 * /api/v1/contacts/{id}/callback-made) by the close of the N-th working day after the contact
 * ended (when the promise was given).
 * The database counts kept, late, missed and pending per group: each owing contact's due time is
 * the one stored for it by service targets, else looked up by the contact's end in the period's
 * arrival spans (arrival-deadlines.ts), written into the query as a binary search (stepLookup).
 * Grouped by period, a contact belongs to the period it began in.
 */
@Injectable()
export class CallbackStatisticsService {
  constructor(
    private readonly contexts: ReportContextService,
    private readonly sql: StatisticsSql,
  ) {}

  async report(
    principal: StaffPrincipal,
    query: CallbackStatisticsQuery,
  ): Promise<StatisticsReport<CallbackStatisticsRow>> {
    const context = await this.contexts.build(principal, query, CONTACT_GROUPINGS);
    const targetWorkingDays = query.callbackTargetWorkingDays ?? DEFAULT_CALLBACK_TARGET_WORKING_DAYS;
    const tallies = await this.callbackTallies(
      context,
      targetWorkingDays,
      query.callbackTargetWorkingDays === undefined,
    );
    const total = DeadlineTally.sum(tallies.values());
    const rows = context.grouping
      .keysInOrder(tallies.keys())
      .map((key) => callbackRow(key, targetWorkingDays, tallies.get(key) ?? new DeadlineTally()));
    const dueTimes = this.storedDueTimes(query.callbackTargetWorkingDays === undefined)
      ? 'stored on the callback where set, else the target in working days'
      : 'the target in working days';
    return reportOf(
      'callbacks',
      context,
      { callbackTargetWorkingDays: targetWorkingDays, dueTimes },
      rows,
      callbackRow('total', targetWorkingDays, total),
    );
  }

  /**
   * Per group: callbacks kept (met), late, missed and pending; the service index builds on these
   * too. Like cases, a target given in the query applies to every callback; without one, a due
   * time service targets stored for the callback wins over the default.
   */
  async callbackTallies(
    context: ReportContext,
    targetWorkingDays: number,
    useStoredDueTimes: boolean,
  ): Promise<Map<GroupKey, DeadlineTally>> {
    const parameters: SqlParameters = { owingOutcomes: [...CALLBACK_OWING_OUTCOMES] };
    // SQLite reads the owing contacts from the index that holds every column read here.
    const selection = reportSelection(
      CONTACTS,
      context,
      this.sql,
      parameters,
      false,
      ['c.outcome IN (:...owingOutcomes)'],
      'IDX_contacts_statistics_outcome',
    );
    const stored = this.storedDueTimes(useStoredDueTimes);
    const joins = `LEFT JOIN ${T.contactCallbacks} cb ON cb.contact_id = c.id${stored ? ` LEFT JOIN ${T.callbackTargets} ct ON ct.contact_id = c.id` : ''}`;
    // The promise is given at the end of the contact, so the deadline counts from there: the
    // period's arrival spans looked up by the contact's end, in SQL.
    const spans = arrivalSpans(context.calendar, context.period.fromMs, context.period.toMs, [targetWorkingDays], null);
    const spansStart = this.sql.instantLiteral(spans[0].startMs);
    const spansEnd = this.sql.instantLiteral(spans[spans.length - 1].endMs);
    const spanDue = stepLookup(
      'c.ended_at',
      [spansStart, ...spans.slice(1).map((span) => this.sql.instantLiteral(span.startMs)), spansEnd],
      spans.map((span) => this.sql.instantLiteral(span.dueMs[0])),
    );
    // The period a contact began in, found the same way: joined to the report's periods
    // (reportSelection with periodsInSql), PostgreSQL compared every contact with every period
    // (callbacks by month at 1M: 100 ms against 77).
    const { periods } = context.grouping;
    const groupColumn = periods
      ? stepLookup(
          'c.started_at',
          [
            ...periods.buckets.map((bucket) => this.sql.instantLiteral(bucket.startMs)),
            this.sql.instantLiteral(context.period.toMs),
          ],
          periods.buckets.map((_, index) => String(index)),
        )
      : selection.groupColumn;
    const counts = deadlineCountColumns('made_at', 'due_at', this.sql.instantLiteral(context.nowMs));
    const tallies = new Map<GroupKey, DeadlineTally>();
    const tallyOf = (key: GroupKey) => {
      let tally = tallies.get(key);
      if (!tally) tallies.set(key, (tally = new DeadlineTally()));
      return tally;
    };
    const counted = await this.sql.arrays<[groupValue: unknown, ...counts: Array<number | string | null>]>(
      // The due time once per contact, in a derived table the planner must keep (the counts
      // would otherwise each look it up again).
      `SELECT group_value, ${counts.join(', ')}
       FROM (SELECT ${groupColumn} AS group_value, cb.made_at AS made_at,
           ${stored ? `COALESCE(ct.due_at, ${spanDue})` : spanDue} AS due_at
         FROM ${selection.from} ${joins}
         WHERE ${selection.where} AND c.ended_at >= ${spansStart} AND c.ended_at < ${spansEnd}${this.sql.keptApart}) measured
       ${groupByClause(this.sql, [['group_value', groupColumn]])}`,
      parameters,
    );
    for (const [groupValue, ...values] of counted) {
      const [met, late, missed, pending] = values.map((value) => Number(value ?? 0));
      tallyOf(context.grouping.keyOfSqlGroup(groupValue)).addCounts(met, late, missed, pending);
    }
    // The few contacts that ended after the period (begun in it, ended after its last instant),
    // and any whose end was recorded before its start, are measured one by one, their due time
    // counted from their end with the calendar.
    const after = await this.sql.arrays<CallbackSqlRow>(
      `SELECT ${selection.groupColumn} AS group_value, ${this.sql.epochMs('c.started_at')} AS started_ms, ${this.sql.epochMs('c.ended_at')} AS ended_ms,
         ${this.sql.epochMs('cb.made_at')} AS made_ms
         ${stored ? `, ${this.sql.epochMs('ct.due_at')} AS due_ms` : ''}
       FROM ${selection.from} ${joins}
       WHERE ${selection.where} AND (c.ended_at >= ${spansEnd} OR c.ended_at < ${spansStart})`,
      parameters,
    );
    for (const [groupValue, startedMs, endedMs, madeMs, storedDueMs] of after) {
      const dueMs =
        storedDueMs != null
          ? Number(storedDueMs)
          : context.calendar.addWorkingDays(new Date(Number(endedMs)), targetWorkingDays).getTime();
      tallyOf(context.grouping.keyOf(groupValue, Number(startedMs))).add(
        madeMs === null ? null : Number(madeMs),
        dueMs,
        context.nowMs,
      );
    }
    return tallies;
  }

  /** Service targets keep a callback's due time in callback_targets, once that module maps the table. */
  private storedDueTimes(wanted: boolean): boolean {
    return wanted && this.sql.hasColumn(T.callbackTargets, 'due_at');
  }
}

function callbackRow(group: GroupKey, targetWorkingDays: number, tally: DeadlineTally): CallbackStatisticsRow {
  return {
    group,
    callbackTargetWorkingDays: targetWorkingDays,
    callbacksOwed: tally.measured + tally.pending,
    callbacksKept: tally.met,
    callbacksLate: tally.late,
    callbacksMissed: tally.missed,
    callbacksPending: tally.pending,
    callbacksMeasured: tally.measured,
    callbacksKeptPercent: percent(tally.met, tally.measured),
  };
}
