import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../../auth/roles';
import { PhoneStatisticsQuery } from '../dto/phone-statistics-query.dto';
import { PERIOD_GRANULARITIES } from '../period-buckets';
import { ReportContext, ReportContextService, reportOf, StatisticsReport } from '../report-context.service';
import { GroupBy, GroupKey } from '../report-grouping';
import { ReportTable, reportSelection } from '../sql/report-selection';
import { SqlParameters, StatisticsSql } from '../sql/statistics-sql.service';
import { readInTimeSlices } from '../sql/time-sliced-reader';
import { CallCounts, noCalls, PhoneStatisticsRow, phoneRow, sumCalls } from './phone-figures';
import { ContactStatisticsService, contactsOf } from './contact-statistics.service';
import { T } from '../sql/source-tables';

const CALL_RECORDS: ReportTable = {
  table: `${T.callRecords} r`,
  instantColumn: 'r.started_at',
  dimensions: { queue: 'r.queue', servicePoint: 'r.service_point_code' },
  departmentColumn: null,
  channelColumn: null,
};
const PHONE_GROUPINGS: readonly GroupBy[] = ['queue', 'servicePoint', ...PERIOD_GRANULARITIES];
const DEFAULT_ANSWER_TARGET_SECONDS = 60;

/**
 * GET /api/v1/statistics/phone: the phone queue from the telephony platform's call records.
 * Counts and sums in SQL; the waits of answered calls are read (as plain arrays) for the median
 * and the 90th percentile. The KKiK direct-answer share comes from the records' directAnswer where
 * the platform reports it; when no call in the period carries it, from phone contacts instead
 * (answered, out of all but abandoned), and the answer says which source it used.
 */
@Injectable()
export class PhoneStatisticsService {
  constructor(
    private readonly contexts: ReportContextService,
    private readonly sql: StatisticsSql,
    private readonly contacts: ContactStatisticsService,
  ) {}

  async report(principal: StaffPrincipal, query: PhoneStatisticsQuery): Promise<StatisticsReport<PhoneStatisticsRow>> {
    const context = await this.contexts.build(principal, { ...query, channel: undefined }, PHONE_GROUPINGS, false);
    const answerTargetSeconds = query.answerTargetSeconds ?? DEFAULT_ANSWER_TARGET_SECONDS;
    const counts = await this.callCounts(context, answerTargetSeconds);
    await this.readAnsweredWaits(context, counts);
    const total = sumCalls(counts.values());
    const source = total.directAnswerKnown > 0 ? 'call_records' : 'contacts';
    if (source === 'contacts') await this.directAnswersFromContacts(context, counts, total);
    const rows = context.grouping
      .keysInOrder(counts.keys())
      .map((key) => phoneRow(key, counts.get(key) ?? noCalls(), answerTargetSeconds, source));
    return reportOf(
      'phone',
      context,
      { answerTargetSeconds, directAnswerSource: source },
      rows,
      phoneRow('total', total, answerTargetSeconds, source),
    );
  }

  private async callCounts(context: ReportContext, answerTargetSeconds: number): Promise<Map<GroupKey, CallCounts>> {
    const parameters: SqlParameters = { answerTargetSeconds, answered: 'answered', abandoned: 'abandoned', yes: true };
    const selection = reportSelection(CALL_RECORDS, context, this.sql, parameters, true);
    const rows = await this.sql.rows<Record<string, unknown>>(
      `${selection.withClause} SELECT group_key, COUNT(*) AS calls,
         SUM(CASE WHEN outcome = :answered THEN 1 ELSE 0 END) AS answered,
         SUM(CASE WHEN outcome = :abandoned THEN 1 ELSE 0 END) AS abandoned,
         SUM(CASE WHEN outcome = :answered THEN wait_seconds ELSE 0 END) AS answered_wait_seconds,
         SUM(CASE WHEN outcome = :answered AND wait_seconds <= :answerTargetSeconds THEN 1 ELSE 0 END) AS answered_within_target,
         SUM(CASE WHEN direct_answer IS NOT NULL THEN 1 ELSE 0 END) AS direct_answer_known,
         SUM(CASE WHEN direct_answer = :yes THEN 1 ELSE 0 END) AS direct_answers
       FROM (SELECT ${selection.groupColumn} AS group_key, r.outcome AS outcome, r.wait_seconds AS wait_seconds, r.direct_answer AS direct_answer
             FROM ${selection.from} WHERE ${selection.where}) calls
       GROUP BY group_key`,
      parameters,
    );
    const counts = new Map<GroupKey, CallCounts>();
    for (const row of rows) {
      counts.set(context.grouping.keyOfSqlGroup(row.group_key), {
        ...noCalls(),
        calls: Number(row.calls),
        answered: Number(row.answered),
        abandoned: Number(row.abandoned),
        answeredWaitSeconds: Number(row.answered_wait_seconds),
        answeredWithinTarget: Number(row.answered_within_target),
        directAnswerKnown: Number(row.direct_answer_known),
        directAnswers: Number(row.direct_answers),
      });
    }
    return counts;
  }

  /** The waits of answered calls, one value each, for their median and 90th percentile. */
  private async readAnsweredWaits(context: ReportContext, counts: Map<GroupKey, CallCounts>): Promise<void> {
    const parameters: SqlParameters = { answered: 'answered' };
    const selection = reportSelection(CALL_RECORDS, context, this.sql, parameters, false, [
      'r.outcome = :answered',
      'r.started_at >= :sliceFrom',
      'r.started_at < :sliceTo',
    ]);
    const sql = `SELECT ${selection.groupColumn} AS group_value, ${this.sql.epochMs('r.started_at')} AS started_ms, r.wait_seconds AS wait_seconds FROM ${selection.from} WHERE ${selection.where}`;
    await readInTimeSlices(
      context.period.fromMs,
      context.period.toMs,
      (sliceFrom, sliceTo) =>
        this.sql.arrays<[string | null, number, number]>(sql, { ...parameters, sliceFrom, sliceTo }),
      (rows) => {
        for (const [groupValue, startedMs, waitSeconds] of rows)
          counts.get(context.grouping.keyOf(groupValue, Number(startedMs)))?.waits.push(Number(waitSeconds));
      },
    );
  }

  /** Phone contacts stand in for the direct-answer share; they have no queue, so by queue only the total gets one. */
  private async directAnswersFromContacts(
    context: ReportContext,
    counts: Map<GroupKey, CallCounts>,
    total: CallCounts,
  ): Promise<void> {
    const outcomes = await this.contacts.outcomeCounts({ ...context, channel: 'phone' });
    for (const [key, counted] of outcomes) {
      const base = contactsOf(counted) - counted.abandoned;
      total.directAnswers += counted.answered;
      total.directAnswerKnown += base;
      if (context.grouping.dimension === 'queue') continue;
      const group = counts.get(key) ?? noCalls();
      group.directAnswers += counted.answered;
      group.directAnswerKnown += base;
      counts.set(key, group);
    }
  }
}
