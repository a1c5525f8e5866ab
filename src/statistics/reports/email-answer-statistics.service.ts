import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../../auth/roles';
import { StatisticsQuery } from '../dto/statistics-query.dto';
import { DeadlineTally } from '../deadline-tally';
import { percent } from '../figures';
import { PERIOD_GRANULARITIES } from '../period-buckets';
import { ReportContext, ReportContextService, reportOf, StatisticsReport } from '../report-context.service';
import { GroupBy, GroupDimension, GroupKey } from '../report-grouping';
import { ArrivalDeadlines } from '../arrival-deadlines';
import { CONTACTS, reportSelection } from '../sql/report-selection';
import { SqlParameters, StatisticsSql } from '../sql/statistics-sql.service';
import { T } from '../sql/source-tables';

const EMAIL_GROUPINGS: readonly GroupBy[] = ['department', 'catalog', 'gender', ...PERIOD_GRANULARITIES];
const CASE_DIMENSIONS: Partial<Record<GroupDimension, string>> = {
  department: 'c.department_code',
  catalog: 'c.catalog_code',
  // A case whose citizen was removed (retention, erasure) keeps the gender on the case itself.
  gender: 'COALESCE(z.gender, c.citizen_gender)',
};

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
 * after the day of arrival, looked up in the period's arrival spans (arrival-deadlines.ts). Rows
 * are read as plain arrays of the three values needed.
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
    const deadlines = new ArrivalDeadlines(context.calendar, context.period.fromMs, context.period.toMs, [1, 2]);
    const add = (key: GroupKey, arrivedMs: number, answeredMs: number | null, fromCase: boolean) => {
      let group = groups.get(key);
      if (!group) groups.set(key, (group = new EmailGroupFigures()));
      const dueOneMs = deadlines.dueMs(arrivedMs, 0);
      const dueTwoMs = deadlines.dueMs(arrivedMs, 1);
      for (const figures of [group, all]) {
        if (fromCase) figures.fromCases++;
        else figures.fromContacts++;
        figures.withinOne.add(answeredMs, dueOneMs, context.nowMs);
        figures.withinTwo.add(answeredMs, dueTwoMs, context.nowMs);
      }
    };
    for (const [groupValue, arrivedMs, answeredMs] of await this.emailCases(context)) {
      const arrived = Number(arrivedMs);
      add(context.grouping.keyOf(groupValue, arrived), arrived, answeredMs === null ? null : Number(answeredMs), true);
    }
    // A yield between the two reads lets other requests in.
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (const [groupValue, arrivedMs, answeredMs] of await this.emailContacts(context)) {
      const arrived = Number(arrivedMs);
      add(context.grouping.keyOf(groupValue, arrived), arrived, Number(answeredMs), false);
    }
    const rows = context.grouping
      .keysInOrder(groups.keys())
      .map((key) => emailRow(key, groups.get(key) ?? new EmailGroupFigures()));
    return reportOf('email-answers', context, { withinWorkingDays: '1 and 2' }, rows, emailRow('total', all));
  }

  private emailCases(context: ReportContext): Promise<EmailSqlRow[]> {
    const parameters: SqlParameters = {
      from: new Date(context.period.fromMs),
      to: new Date(context.period.toMs),
      email: 'email',
      question: 'question',
      duplicate: 'duplicate',
    };
    const conditions = [
      'c.channel = :email',
      'k.kind = :question',
      'c.status <> :duplicate',
      'c.received_at >= :from',
      'c.received_at < :to',
    ];
    if (context.scope.departmentCodes) {
      conditions.push('c.department_code IN (:...departmentCodes)');
      parameters.departmentCodes = context.scope.departmentCodes;
    }
    const dimension = context.grouping.dimension;
    return this.sql.arrays<EmailSqlRow>(
      `SELECT ${(dimension && CASE_DIMENSIONS[dimension]) ?? 'NULL'} AS group_value, ${this.sql.epochMs('c.received_at')} AS arrived_ms, ${this.sql.epochMs('c.first_response_at')} AS answered_ms
       FROM ${T.cases} c JOIN ${T.catalogEntries} k ON k.code = c.catalog_code${dimension === 'gender' ? ` LEFT JOIN ${T.citizens} z ON z.id = c.citizen_id` : ''}
       WHERE ${conditions.join(' AND ')}`,
      parameters,
    );
  }

  private emailContacts(context: ReportContext): Promise<EmailSqlRow[]> {
    const parameters: SqlParameters = { email: 'email', answeredOutcomes: ['answered', 'referred'] };
    const selection = reportSelection(CONTACTS, context, this.sql, parameters, false, [
      'c.channel = :email',
      'c.outcome IN (:...answeredOutcomes)',
    ]);
    return this.sql.arrays<EmailSqlRow>(
      `SELECT ${selection.groupColumn} AS group_value, ${this.sql.epochMs('c.started_at')} AS arrived_ms, ${this.sql.epochMs('c.ended_at')} AS answered_ms
       FROM ${selection.from} WHERE ${selection.where}`,
      parameters,
    );
  }
}

/** Group value, then arrival and answer as epoch ms. */
type EmailSqlRow = [groupValue: string | null, arrivedMs: number, answeredMs: number | null];

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
