import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../../auth/roles';
import { PhoneStatisticsQuery } from '../dto/phone-statistics-query.dto';
import { PERIOD_GRANULARITIES } from '../period-buckets';
import { ReportContext, ReportContextService, reportOf, StatisticsReport } from '../report-context.service';
import { GroupBy, GroupKey } from '../report-grouping';
import { groupByClause, ReportTable, reportSelectionParts } from '../sql/report-selection';
import { StatisticsSql } from '../sql/statistics-sql.service';
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
 * Counts, sums and the waits of answered calls are counted in SQL, per group and whole second of
 * wait, so the median and the 90th percentile are exact without a row per call. The KKiK
 * direct-answer share comes from the records' directAnswer where the platform reports it; when no
 * call in the period carries it, from phone contacts instead (answered, out of all but
 * abandoned), and the answer says which source it used.
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

  /**
   * The period's calls counted per group and, for answered calls, per wait in whole seconds: one
   * pass over the records, and only a few hundred rows per group come back however many calls
   * there were. A row with a null wait stands for calls not answered.
   */
  private async callCounts(context: ReportContext, answerTargetSeconds: number): Promise<Map<GroupKey, CallCounts>> {
    // Counts that add up: the period in parts, read side by side, their rows added together.
    const parts = reportSelectionParts(
      CALL_RECORDS,
      context,
      this.sql,
      { answered: 'answered', abandoned: 'abandoned', yes: true },
      true,
      [],
      'IDX_call_records_statistics_started',
      this.sql.queriesAtOnce,
    );
    const answers = await Promise.all(
      parts.map(({ selection, parameters }) =>
        this.sql.arrays<[unknown, number | string | null, ...Array<number | string>]>(
          `${selection.withClause} SELECT group_key, answered_wait, COUNT(*),
             SUM(CASE WHEN outcome = :abandoned THEN 1 ELSE 0 END),
             SUM(CASE WHEN direct_answer IS NOT NULL THEN 1 ELSE 0 END),
             SUM(CASE WHEN direct_answer = :yes THEN 1 ELSE 0 END)
           FROM (SELECT ${selection.groupColumn} AS group_key, r.outcome AS outcome, r.direct_answer AS direct_answer,
                   CASE WHEN r.outcome = :answered THEN r.wait_seconds END AS answered_wait
                 FROM ${selection.from} WHERE ${selection.where}) calls
           ${groupByClause(this.sql, [
             ['group_key', selection.groupColumn],
             ['answered_wait', 'answered_wait'],
           ])}`,
          parameters,
        ),
      ),
    );
    const counts = new Map<GroupKey, CallCounts>();
    for (const [groupKey, answeredWait, ...values] of answers.flat()) {
      const [calls, abandoned, directAnswerKnown, directAnswers] = values.map(Number);
      const key = context.grouping.keyOfSqlGroup(groupKey);
      const group = counts.get(key) ?? noCalls();
      counts.set(key, group);
      group.calls += calls;
      group.abandoned += abandoned;
      group.directAnswerKnown += directAnswerKnown;
      group.directAnswers += directAnswers;
      if (answeredWait === null) continue;
      const waitSeconds = Number(answeredWait);
      group.answered += calls;
      group.answeredWaitSeconds += waitSeconds * calls;
      if (waitSeconds <= answerTargetSeconds) group.answeredWithinTarget += calls;
      group.waits.add(waitSeconds, calls);
    }
    return counts;
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
