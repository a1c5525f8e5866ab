import { ArrivalSpan } from '../arrival-deadlines';
import { StatisticsSql } from './statistics-sql.service';

/** A join of a table's rows to the arrival spans they arrived in: see arrivalSpansJoin. */
export interface ArrivalSpansJoin {
  /** `WITH a(period_index, starts_at, ends_at, due_0, due_1, …) AS (VALUES …)`. */
  withClause: string;
  /** The conditions that put each row in its span, to AND with the report's own. */
  conditions: string[];
}

/**
 * PostgreSQL estimates the rows of each span as a fixed share of the table, whatever its length,
 * so past a few spans in one join it expects more rows than the table holds and scans every row
 * with the spans as a filter: at a million cases, a slice of 120 spans took 1.2 s instead of a
 * few ms. A join there takes at most this many spans (spansPerJoin), and the instant column is
 * also bounded by the first start and last end as constants, which the planner can estimate from
 * its statistics and range-scan through the index. SQLite gets no such bounds: its planner would
 * then range-scan them once per span instead of each span's own.
 */
const POSTGRES_SPANS_PER_JOIN = 8;

/**
 * The arrival spans of a period (arrival-deadlines.ts) as a common table expression
 * `a(period_index, starts_at, ends_at, due_0, due_1, …)`, one due instant per target in the
 * order the spans were made for, and the conditions that join each row to the span its
 * `instantColumn` falls in. The instants are written into the SQL text (the report computed them;
 * they are never user input), so a year's few hundred spans cost no parameters. The report
 * selects `FROM a CROSS JOIN table` (the CROSS JOIN keeps SQLite's join order: span by span, a
 * range scan of the instant's index each) and compares each row with the span's due instants.
 * `spans` must not be empty, and on PostgreSQL should be one group of spansPerJoin.
 */
export function arrivalSpansJoin(
  sql: StatisticsSql,
  spans: readonly ArrivalSpan[],
  instantColumn: string,
): ArrivalSpansJoin {
  const dueColumns = spans[0].dueMs.map((_, k) => `due_${k}`);
  const values = spans.map((span) =>
    [
      String(span.periodIndex),
      sql.instantLiteral(span.startMs),
      sql.instantLiteral(span.endMs),
      ...span.dueMs.map((dueMs) => sql.instantLiteral(dueMs)),
    ].join(', '),
  );
  const conditions = [`${instantColumn} >= a.starts_at`, `${instantColumn} < a.ends_at`];
  if (sql.postgres)
    conditions.push(
      `${instantColumn} >= ${sql.instantLiteral(spans[0].startMs)}`,
      `${instantColumn} < ${sql.instantLiteral(spans[spans.length - 1].endMs)}`,
    );
  return {
    withClause: `WITH a(period_index, starts_at, ends_at, ${dueColumns.join(', ')}) AS (VALUES (${values.join('), (')}))`,
    conditions,
  };
}

/** The spans in groups that one join each can take on this database (all at once on SQLite). */
export function spansPerJoin(sql: StatisticsSql, spans: readonly ArrivalSpan[]): ArrivalSpan[][] {
  const size = sql.postgres ? POSTGRES_SPANS_PER_JOIN : Math.max(1, spans.length);
  const groups: ArrivalSpan[][] = [];
  for (let start = 0; start < spans.length; start += size) groups.push(spans.slice(start, start + size));
  return groups;
}

/**
 * The four counts of a DeadlineTally as SQL sums, in its order: met (done at or before the due
 * instant), late (done after it), missed (not done and due before `now`), pending (not done and
 * due at or after `now`). `also` is a condition every count requires, e.g. not a duplicate.
 */
export function deadlineCountColumns(done: string, due: string, now: string, also?: string): string[] {
  return [
    `${done} IS NOT NULL AND ${done} <= ${due}`,
    `${done} IS NOT NULL AND ${done} > ${due}`,
    `${done} IS NULL AND ${due} < ${now}`,
    `${done} IS NULL AND ${due} >= ${now}`,
  ].map((condition) => `SUM(CASE WHEN ${also ? `${also} AND ` : ''}${condition} THEN 1 ELSE 0 END)`);
}

/**
 * A CASE expression that gives `values[i]` where `column` lies in [bounds[i], bounds[i + 1]), and
 * NULL outside [bounds[0], bounds[n]) (n values, n + 1 ascending bounds, all SQL literals). The
 * CASE is a balanced tree, a binary search in SQL: about log2(n) comparisons per row for a year's
 * few hundred arrival spans or days, where a join would compare every row with every span, or
 * need an index on the column to range-scan per span.
 */
export function stepLookup(column: string, bounds: readonly string[], values: readonly string[]): string {
  if (values.length === 0 || bounds.length !== values.length + 1)
    throw new RangeError(`a step lookup needs n values and n + 1 bounds, got ${values.length} and ${bounds.length}`);
  const node = (low: number, high: number): string => {
    if (high - low === 1) return values[low];
    const middle = (low + high) >> 1;
    return `CASE WHEN ${column} < ${bounds[middle]} THEN ${node(low, middle)} ELSE ${node(middle, high)} END`;
  };
  return `CASE WHEN ${column} >= ${bounds[0]} AND ${column} < ${bounds[values.length]} THEN ${node(0, values.length)} END`;
}
