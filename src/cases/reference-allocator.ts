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
  const rows: Array<{ last_value: number }> = await manager.query(referenceCounterUpsert(p(1), p(2)), [year, count]);
  return Number(rows[0].last_value) - count + 1;
}

/**
 * The one upsert that moves a year's counter on by `count` and answers its new last value: the
 * year's first intake makes the row, every later one moves it on and locks it until the
 * transaction ends. `year` and `count` are SQL expressions (placeholders or literals), for a
 * statement that takes the serials inside a larger one (assignCaseReference).
 */
export function referenceCounterUpsert(year: string, count: string): string {
  return (
    `INSERT INTO reference_counters (year, last_value) VALUES (${year}, ${count}) ` +
    `ON CONFLICT (year) DO UPDATE SET last_value = reference_counters.last_value + excluded.last_value ` +
    `RETURNING last_value`
  );
}
