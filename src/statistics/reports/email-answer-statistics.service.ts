import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../../auth/roles';
import { StatisticsQuery } from '../dto/statistics-query.dto';
import { DeadlineTally } from '../deadline-tally';
import { percent } from '../figures';
import { PERIOD_GRANULARITIES } from '../period-buckets';
import { ReportContext, ReportContextService, reportOf, StatisticsReport } from '../report-context.service';
import { GroupBy, GroupDimension, GroupKey } from '../report-grouping';
import { ArrivalSpan, arrivalSpans, clipSpans } from '../arrival-deadlines';
import { readInTimeSlices } from '../sql/time-sliced-reader';
import { arrivalSpansJoin, deadlineCountColumns, spansPerJoin } from '../sql/arrival-spans-sql';
import {
  CASE_DIMENSIONS,
  CASE_SCOPE_COLUMNS,
  CONTACTS,
  groupByClause,
  NO_GROUP,
  reportTableFrom,
  scopeConditions,
} from '../sql/report-selection';
import { SqlParameters, StatisticsSql } from '../sql/statistics-sql.service';
import { T } from '../sql/source-tables';

const EMAIL_GROUPINGS: readonly GroupBy[] = ['department', 'catalog', 'gender', ...PERIOD_GRANULARITIES];

export interface EmailAnswerRow {
  group: GroupKey;
  questions: number;
  fromCases: number;
  fromContacts: number;
  answeredWithinOneWorkingDay: number;
  measuredForOneWorkingDay: number;
  answeredWithinOneWorkingDayPercent: number | null;
  pendingForOneWorkingDay: number;
  answeredWithinTwoWorkingDays: number;
  measuredForTwoWorkingDays: number;
  answeredWithinTwoWorkingDaysPercent: number | null;
  pendingForTwoWorkingDays: number;
}

class EmailGroupFigures {
  fromCases = 0;
  fromContacts = 0;
  readonly withinOne = new DeadlineTally();
  readonly withinTwo = new DeadlineTally();
}

/**
 * GET /api/v1/statistics/email-answers: the KKiK measure "e-mailed simple questions answered
 * within one and within two working days". A simple e-mailed question is
 * - a case by e-mail whose catalog type is a question, from receipt to its first response, or
 * - an e-mail contact the service center answered or referred without a case, from startedAt
 *   (when the e-mail arrived) to endedAt (when the answer went out).
 * The deadline is BusinessCalendar.addWorkingDays(arrival, N): the close of the N-th working day
 * after the day of arrival. The database counts met, late, missed and pending per group against
 * the period's arrival spans (arrival-deadlines.ts), time slice by time slice, so no row per
 * question comes back.
 */
@Injectable()
export class EmailAnswerStatisticsService {
  constructor(
    private readonly contexts: ReportContextService,
    private readonly sql: StatisticsSql,
  ) {}

  async report(principal: StaffPrincipal, query: StatisticsQuery): Promise<StatisticsReport<EmailAnswerRow>> {
    const context = await this.contexts.build(principal, { ...query, channel: undefined }, EMAIL_GROUPINGS);
    const groups = new Map<GroupKey, EmailGroupFigures>();
    const all = new EmailGroupFigures();
    const spans = arrivalSpans(
      context.calendar,
      context.period.fromMs,
      context.period.toMs,
      [1, 2],
      context.grouping.periods,
    );
    const add = (rows: EmailCountSqlRow[], fromCases: boolean) => {
      for (const [groupValue, ...values] of rows) {
        const key = context.grouping.keyOfSqlGroup(groupValue);
        let group = groups.get(key);
        if (!group) groups.set(key, (group = new EmailGroupFigures()));
        const [questions, ...counts] = values.map((value) => Number(value ?? 0));
        for (const figures of [group, all]) {
          if (fromCases) figures.fromCases += questions;
          else figures.fromContacts += questions;
          figures.withinOne.addCounts(counts[0], counts[1], counts[2], counts[3]);
          figures.withinTwo.addCounts(counts[4], counts[5], counts[6], counts[7]);
        }
      }
    };
    const questionTypes = await this.questionTypes();
    // In time slices, a few spans each, as the cases report reads: given a year's spans in one
    // join, PostgreSQL expects too many rows per span to join them one by one through the index.
    // The cases and the contacts of a slice are read side by side (two SQLite readers, or two
    // PostgreSQL connections).
    await readInTimeSlices<EmailSlice>(
      context.period.fromMs,
      context.period.toMs,
      async (sliceFrom, sliceTo) => {
        const slice: EmailSlice = { cases: [], contacts: [] };
        for (const joined of spansPerJoin(this.sql, clipSpans(spans, sliceFrom.getTime(), sliceTo.getTime()))) {
          const [cases, contacts] = await Promise.all([
            this.emailCases(context, joined, questionTypes),
            this.emailContacts(context, joined),
          ]);
          slice.cases.push(...cases);
          slice.contacts.push(...contacts);
        }
        return slice;
      },
      (slice) => {
        add(slice.cases, true);
        add(slice.contacts, false);
      },
      (slice) => [...slice.cases, ...slice.contacts].reduce((sum, row) => sum + Number(row[1] ?? 0), 0),
    );
    const rows = context.grouping
      .keysInOrder(groups.keys())
      .map((key) => emailRow(key, groups.get(key) ?? new EmailGroupFigures()));
    return reportOf('email-answers', context, { withinWorkingDays: '1 and 2' }, rows, emailRow('total', all));
  }

  /**
   * The group column and the eight deadline counts (within one, then two working days) of an
   * arrival and answer column, after SELECT, and the GROUP BY clause.
   */
  private countsSelect(
    context: ReportContext,
    dimensions: Partial<Record<GroupDimension, string>>,
    answered: string,
  ): { select: string; groupBy: string } {
    const { dimension, periods } = context.grouping;
    const groupColumn = periods ? 'a.period_index' : ((dimension && dimensions[dimension]) ?? NO_GROUP);
    const now = this.sql.instantLiteral(context.nowMs);
    const select = [
      `${groupColumn} AS group_value`,
      'COUNT(*)',
      ...deadlineCountColumns(answered, 'a.due_0', now),
      ...deadlineCountColumns(answered, 'a.due_1', now),
    ].join(', ');
    return { select, groupBy: groupByClause(this.sql, [['group_value', groupColumn]]) };
  }

  /** The codes of the catalog types that are questions (kind `question`), active or not. */
  private async questionTypes(): Promise<string[]> {
    const rows = await this.sql.arrays<[code: string]>(
      `SELECT code FROM ${T.catalogEntries} WHERE kind = :question ORDER BY code`,
      { question: 'question' },
    );
    return rows.map(([code]) => code);
  }

  private async emailCases(
    context: ReportContext,
    spans: ArrivalSpan[],
    questionTypes: string[],
  ): Promise<EmailCountSqlRow[]> {
    if (questionTypes.length === 0) return [];
    const parameters: SqlParameters = { questionTypes, duplicate: 'duplicate' };
    const spansJoin = arrivalSpansJoin(this.sql, spans, 'c.received_at');
    // The question types as a list, not a join to the catalog: the index of e-mailed cases begins
    // with the type, so each type is a range of it, and no catalog entry is looked up per case.
    // The channel in the text, not a parameter: the index holds only the e-mailed cases, and a
    // planner uses it only for a condition it can see implies that.
    const conditions = [
      ...spansJoin.conditions,
      `c.channel = 'email'`,
      'c.catalog_code IN (:...questionTypes)',
      'c.status <> :duplicate',
      ...scopeConditions(context.scope, undefined, CASE_SCOPE_COLUMNS, parameters),
    ];
    // Span by span and type by type, through the covering index of e-mailed cases.
    const { select, groupBy } = this.countsSelect(context, CASE_DIMENSIONS, 'c.first_response_at');
    return this.sql.arrays<EmailCountSqlRow>(
      `${spansJoin.withClause}
       SELECT ${select}
       FROM a CROSS JOIN ${T.cases} c${this.sql.indexedBy('IDX_cases_email_catalog_received')}
       WHERE ${conditions.join(' AND ')}
       ${groupBy}`,
      parameters,
    );
  }

  private emailContacts(context: ReportContext, spans: ArrivalSpan[]): Promise<EmailCountSqlRow[]> {
    const parameters: SqlParameters = { answeredOutcomes: ['answered', 'referred'] };
    const spansJoin = arrivalSpansJoin(this.sql, spans, 'c.started_at');
    // Through the index of e-mail contacts, which begins with the outcome and holds every column
    // read here: span by span, the answered and referred e-mail contacts' entries alone, no row
    // looked up, no contact by another channel read. The channel in the text, as for the cases.
    const conditions = [
      ...spansJoin.conditions,
      `c.channel = 'email'`,
      'c.outcome IN (:...answeredOutcomes)',
      ...scopeConditions(context.scope, undefined, CONTACTS, parameters),
    ];
    const { select, groupBy } = this.countsSelect(context, CONTACTS.dimensions, 'c.ended_at');
    return this.sql.arrays<EmailCountSqlRow>(
      `${spansJoin.withClause}
       SELECT ${select}
       FROM a CROSS JOIN ${reportTableFrom(CONTACTS, context, this.sql, 'IDX_contacts_email_outcome')}
       WHERE ${conditions.join(' AND ')}
       ${groupBy}`,
      parameters,
    );
  }
}

interface EmailSlice {
  cases: EmailCountSqlRow[];
  contacts: EmailCountSqlRow[];
}

/** The group value, the number of questions, then met, late, missed, pending within one and within two working days. */
type EmailCountSqlRow = [groupValue: unknown, ...counts: Array<number | string | null>];

function emailRow(group: GroupKey, figures: EmailGroupFigures): EmailAnswerRow {
  return {
    group,
    questions: figures.fromCases + figures.fromContacts,
    fromCases: figures.fromCases,
    fromContacts: figures.fromContacts,
    answeredWithinOneWorkingDay: figures.withinOne.met,
    measuredForOneWorkingDay: figures.withinOne.measured,
    answeredWithinOneWorkingDayPercent: percent(figures.withinOne.met, figures.withinOne.measured),
    pendingForOneWorkingDay: figures.withinOne.pending,
    answeredWithinTwoWorkingDays: figures.withinTwo.met,
    measuredForTwoWorkingDays: figures.withinTwo.measured,
    answeredWithinTwoWorkingDaysPercent: percent(figures.withinTwo.met, figures.withinTwo.measured),
    pendingForTwoWorkingDays: figures.withinTwo.pending,
  };
}
