import { DataSource } from 'typeorm';
import { ReportContext } from '../report-context.service';
import { GroupBy, ReportGrouping } from '../report-grouping';
import {
  CONTACT_GROUPINGS,
  CONTACTS,
  groupByClause,
  NO_GROUP,
  reportSelection,
  reportSelectionParts,
} from './report-selection';
import { StatisticsSql } from './statistics-sql.service';

// The SQL text alone is looked at: a data source that is never connected.
const sqlOf = (type: 'postgres' | 'better-sqlite3') =>
  new StatisticsSql({ options: { type, database: ':memory:' } } as unknown as DataSource);

describe('a report selection in parts', () => {
  const zone = 'Europe/Stockholm';
  const period = { fromMs: Date.parse('2024-12-31T23:00:00Z'), toMs: Date.parse('2025-12-31T23:00:00Z') };

  const contextOf = (groupBy: GroupBy | undefined): ReportContext =>
    ({
      timeZone: zone,
      period,
      grouping: new ReportGrouping(groupBy, period, zone, CONTACT_GROUPINGS),
      scope: { departmentCodes: null },
      nowMs: period.toMs,
    }) as ReportContext;

  /** The period indexes a piece's report_periods table holds, and the bucket bounds among its parameters. */
  const bucketsOf = (piece: { selection: { withClause: string }; parameters: Record<string, unknown> }) => ({
    indexes: [...piece.selection.withClause.matchAll(/\((\d+), /g)].map((match) => Number(match[1])),
    parameters: Object.keys(piece.parameters).filter((name) => name.startsWith('period')).length,
  });

  it.each(['postgres', 'better-sqlite3'] as const)(
    'shares a year by month out in runs of months, each keeping its index (%s)',
    (type) => {
      const sql = sqlOf(type);
      const pieces = reportSelectionParts(CONTACTS, contextOf('month'), sql, { kept: 1 }, true, [], undefined, 2);
      expect(pieces.map(bucketsOf)).toEqual([
        { indexes: [0, 1, 2, 3, 4, 5], parameters: 12 },
        { indexes: [6, 7, 8, 9, 10, 11], parameters: 12 },
      ]);
      for (const { selection, parameters } of pieces) {
        expect(selection.groupColumn).toBe('p.period_index');
        expect(parameters.kept).toBe(1);
      }
      // Each piece's parameters are its own: the first piece's are not the second's.
      expect(pieces[0].parameters).not.toBe(pieces[1].parameters);
      expect(pieces[1].parameters.periodStart6).toEqual(new Date(Date.parse('2025-06-30T22:00:00Z')));
    },
  );

  it('cuts the period at evenly spaced instants when the rows are not grouped by period in SQL', () => {
    const sql = sqlOf('better-sqlite3');
    const pieces = reportSelectionParts(CONTACTS, contextOf('channel'), sql, {}, true, [], 'IDX_x', 3);
    const bounds = pieces.map(({ parameters }) => [
      (parameters.from as Date).getTime(),
      (parameters.to as Date).getTime(),
    ]);
    expect(bounds[0][0]).toBe(period.fromMs);
    expect(bounds[2][1]).toBe(period.toMs);
    expect(bounds[1][0]).toBe(bounds[0][1]);
    expect(bounds[2][0]).toBe(bounds[1][1]);
    for (const { selection } of pieces) {
      expect(selection.groupColumn).toBe('c.channel');
      expect(selection.from).toContain('INDEXED BY IDX_x');
    }
  });

  it('cuts no period at instants on PostgreSQL, which reads one range as fast in one query', () => {
    const pieces = reportSelectionParts(CONTACTS, contextOf('channel'), sqlOf('postgres'), {}, true, [], undefined, 2);
    expect(pieces).toHaveLength(1);
    expect(pieces[0].selection).toEqual(reportSelection(CONTACTS, contextOf('channel'), sqlOf('postgres'), {}, true));
  });

  it('is the selection itself in one part, and never more parts than buckets', () => {
    const sql = sqlOf('postgres');
    const parameters = {};
    const whole = reportSelection(CONTACTS, contextOf('quarter'), sql, parameters, true);
    const [one] = reportSelectionParts(CONTACTS, contextOf('quarter'), sql, {}, true, [], undefined, 1);
    expect(one.selection).toEqual(whole);
    expect(one.parameters).toEqual(parameters);
    expect(reportSelectionParts(CONTACTS, contextOf('quarter'), sql, {}, true, [], undefined, 6)).toHaveLength(4);
  });
});

describe('the GROUP BY of a counting query', () => {
  it('leaves out, on SQLite, a term that groups nothing, and keeps no rows from no rows when none is left', () => {
    const sql = sqlOf('better-sqlite3');
    expect(
      groupByClause(sql, [
        ['group_key', NO_GROUP],
        ['outcome', 'outcome'],
      ]),
    ).toBe('GROUP BY outcome');
    expect(groupByClause(sql, [['group_key', NO_GROUP]])).toBe('HAVING COUNT(*) > 0');
    expect(
      groupByClause(sql, [
        ['group_key', 'c.channel'],
        ['outcome', 'outcome'],
      ]),
    ).toBe('GROUP BY group_key, outcome');
  });

  it('keeps every term on PostgreSQL, which refuses a derived column beside aggregates without it', () => {
    const sql = sqlOf('postgres');
    expect(
      groupByClause(sql, [
        ['group_key', NO_GROUP],
        ['outcome', 'outcome'],
      ]),
    ).toBe('GROUP BY group_key, outcome');
    expect(groupByClause(sql, [['group_key', NO_GROUP]])).toBe('GROUP BY group_key');
  });
});
