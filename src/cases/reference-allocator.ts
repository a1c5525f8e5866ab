import { EntityManager } from 'typeorm';

/**
 * Takes `count` consecutive reference serials of a year in one statement inside the caller's
 * transaction, and answers the first. The counter row is locked by the upsert until the
 * transaction ends, so concurrent intakes (and imports) queue behind each other, and a
 * rolled-back transaction gives its serials back: the serials stay unique and without gaps.
 * (SQLite takes its single write lock.) A live intake takes one; an import a block per year.
 */
export async function allocateReferenceSerials(manager: EntityManager, year: number, count: number): Promise<number> {
  const postgres = manager.connection.options.type === 'postgres';
  const p = (n: number) => (postgres ? `$${n}` : '?');
  // One upsert: the year's first intake makes the row, every later one moves it on (and locks it).
  const rows: Array<{ last_value: number }> = await manager.query(
    `INSERT INTO reference_counters (year, last_value) VALUES (${p(1)}, ${p(2)}) ` +
      `ON CONFLICT (year) DO UPDATE SET last_value = reference_counters.last_value + excluded.last_value ` +
      `RETURNING last_value`,
    [year, count],
  );
  return Number(rows[0].last_value) - count + 1;
}
