import { EntityManager } from 'typeorm';
import { formatReference } from './reference-number';

/**
 * Hands out the next reference number of a year inside the caller's transaction.
 * The counter row is locked by the UPDATE until the transaction ends, so concurrent
 * intakes queue behind each other, and a rolled-back intake gives its number back:
 * the serials stay unique and without gaps. (SQLite takes its single write lock.)
 */
export async function allocateReference(manager: EntityManager, year: number): Promise<string> {
  const postgres = manager.connection.options.type === 'postgres';
  const p = (n: number) => (postgres ? `$${n}` : '?');
  await manager.query(
    `INSERT INTO reference_counters (year, last_value) VALUES (${p(1)}, 0) ON CONFLICT (year) DO NOTHING`,
    [year],
  );
  const rows: Array<{ last_value: number }> = await manager.query(
    `UPDATE reference_counters SET last_value = last_value + 1 WHERE year = ${p(1)} RETURNING last_value`,
    [year],
  );
  // PostgreSQL's driver answers an UPDATE ... RETURNING with [rows, count].
  const row = Array.isArray(rows[0]) ? (rows[0] as Array<{ last_value: number }>)[0] : rows[0];
  return formatReference(year, Number(row.last_value));
}
