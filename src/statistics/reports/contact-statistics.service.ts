import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../../auth/roles';
import { ContactOutcome } from '../../contacts/contact.types';
import { StatisticsQuery } from '../dto/statistics-query.dto';
import { percent } from '../figures';
import { ReportContext, ReportContextService, reportOf, StatisticsReport } from '../report-context.service';
import { GroupKey } from '../report-grouping';
import { CONTACT_GROUPINGS, CONTACTS, groupByClause, reportSelectionParts } from '../sql/report-selection';
import { StatisticsSql } from '../sql/statistics-sql.service';

export type OutcomeCounts = Record<ContactOutcome, number>;

export interface ContactStatisticsRow {
  group: GroupKey;
  contacts: number;
  answered: number;
  caseCreated: number;
  referred: number;
  messageTaken: number;
  callbackPromised: number;
  abandoned: number;
  answeredAtFirstContact: number;
  answeredAtFirstContactBase: number;
  answeredAtFirstContactPercent: number | null;
}

const NO_OUTCOMES: OutcomeCounts = {
  answered: 0,
  case_created: 0,
  referred: 0,
  message_taken: 0,
  callback_promised: 0,
  abandoned: 0,
};

/**
 * GET /api/v1/statistics/contacts: contacts per channel, service point, department, catalog type,
 * gender or period, by outcome, and the share answered at first contact. Counted in SQL.
 */
@Injectable()
export class ContactStatisticsService {
  constructor(
    private readonly contexts: ReportContextService,
    private readonly sql: StatisticsSql,
  ) {}

  async report(principal: StaffPrincipal, query: StatisticsQuery): Promise<StatisticsReport<ContactStatisticsRow>> {
    const context = await this.contexts.build(principal, query, CONTACT_GROUPINGS);
    const counts = await this.outcomeCounts(context);
    const rows = context.grouping
      .keysInOrder(counts.keys())
      .map((key) => contactRow(key, counts.get(key) ?? NO_OUTCOMES));
    return reportOf('contacts', context, {}, rows, contactRow('total', sumOutcomes(counts.values())));
  }

  /** Contacts per group and outcome; the service index builds on these too. */
  async outcomeCounts(context: ReportContext, conditions: string[] = []): Promise<Map<GroupKey, OutcomeCounts>> {
    // Counts that add up: the period in parts, read side by side, their rows added together.
    const parts = reportSelectionParts(
      CONTACTS,
      context,
      this.sql,
      {},
      true,
      conditions,
      'IDX_contacts_statistics_started',
      this.sql.queriesAtOnce,
    );
    const answers = await Promise.all(
      parts.map(({ selection, parameters }) =>
        this.sql.rows<{ group_key: unknown; outcome: ContactOutcome; contacts: number | string }>(
          `${selection.withClause} SELECT group_key, outcome, COUNT(*) AS contacts
           FROM (SELECT ${selection.groupColumn} AS group_key, c.outcome AS outcome FROM ${selection.from} WHERE ${selection.where}) grouped
           ${groupByClause(this.sql, [
             ['group_key', selection.groupColumn],
             ['outcome', 'outcome'],
           ])}`,
          parameters,
        ),
      ),
    );
    const counts = new Map<GroupKey, OutcomeCounts>();
    for (const row of answers.flat()) {
      const key = context.grouping.keyOfSqlGroup(row.group_key);
      const outcomes = counts.get(key) ?? { ...NO_OUTCOMES };
      outcomes[row.outcome] += Number(row.contacts);
      counts.set(key, outcomes);
    }
    return counts;
  }
}

export function sumOutcomes(all: Iterable<OutcomeCounts>): OutcomeCounts {
  const total = { ...NO_OUTCOMES };
  for (const outcomes of all)
    for (const outcome of Object.keys(total) as ContactOutcome[]) total[outcome] += outcomes[outcome];
  return total;
}

export function contactsOf(outcomes: OutcomeCounts): number {
  return Object.values(outcomes).reduce((sum, count) => sum + count, 0);
}

/** Answered at first contact: outcome answered, out of every contact where someone took the question (all but abandoned). */
function contactRow(group: GroupKey, outcomes: OutcomeCounts): ContactStatisticsRow {
  const contacts = contactsOf(outcomes);
  const base = contacts - outcomes.abandoned;
  return {
    group,
    contacts,
    answered: outcomes.answered,
    caseCreated: outcomes.case_created,
    referred: outcomes.referred,
    messageTaken: outcomes.message_taken,
    callbackPromised: outcomes.callback_promised,
    abandoned: outcomes.abandoned,
    answeredAtFirstContact: outcomes.answered,
    answeredAtFirstContactBase: base,
    answeredAtFirstContactPercent: percent(outcomes.answered, base),
  };
}
