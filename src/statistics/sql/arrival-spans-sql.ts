import { ArrivalSpan } from '../arrival-deadlines';
import { StatisticsSql } from './statistics-sql.service';

/**
 * The arrival spans of a period (arrival-deadlines.ts) as a common table expression
 * `a(period_index, starts_at, ends_at, due_0, due_1, …)`, one due instant per target in the
 * order the spans were made for. The instants are written into the SQL text (the report computed
 * them; they are never user input), so a year's few hundred spans cost no parameters. A report
 * joins its rows to the span they arrived in (`a CROSS JOIN table` keeps SQLite's join order:
 * span by span, a range scan of the arrival instant's index each) and compares each row with
 * the span's due instants. `spans` must not be empty.
 */
export function arrivalSpansTable(sql: StatisticsSql, spans: readonly ArrivalSpan[]): string {
  const targets = spans[0].dueMs.length;
  const dueColumns = Array.from({ length: targets }, (_, k) => `due_${k}`);
  const values = spans.map((span) =>
    [
      String(span.periodIndex),
      sql.instantLiteral(span.startMs),
      sql.instantLiteral(span.endMs),
      ...span.dueMs.map((dueMs) => sql.instantLiteral(dueMs)),
    ].join(', '),
  );
  return `a(period_index, starts_at, ends_at, ${dueColumns.join(', ')}) AS (VALUES (${values.join('), (')}))`;
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
