import { EntityManager } from 'typeorm';

/**
 * Takes `count` consecutive reference serials of a year in one statement inside the caller's
 * transaction, and answers the first. The counter row is locked by the UPDATE until the
 * transaction ends, so concurrent intakes (and imports) queue behind each other, and a
 * rolled-back transaction gives its serials back: the serials stay unique and without gaps.
 * (SQLite takes its single write lock.) A live intake takes one; an import a block per year.
 */
export async function allocateReferenceSerials(manager: EntityManager, year: number, count: number): Promise<number> {
  const postgres = manager.connection.options.type === 'postgres';
  const p = (n: number) => (postgres ? `$${n}` : '?');
  await manager.query(
    `INSERT INTO reference_counters (year, last_value) VALUES (${p(1)}, 0) ON CONFLICT (year) DO NOTHING`,
    [year],
  );
  const rows: Array<{ last_value: number }> = await manager.query(
    `UPDATE reference_counters SET last_value = last_value + ${p(1)} WHERE year = ${p(2)} RETURNING last_value`,
    [count, year],
  );
  // PostgreSQL's driver answers an UPDATE ... RETURNING with [rows, count].
  const row = Array.isArray(rows[0]) ? (rows[0] as Array<{ last_value: number }>)[0] : rows[0];
  return Number(row.last_value) - count + 1;
}
