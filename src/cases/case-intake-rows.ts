import { EntityManager } from 'typeorm';
import { bulkInsert } from '../database/bulk-insert';
import { updateRows } from '../database/select-rows';
import { sqlNames } from '../database/sql-names';
import { Case } from './entities/case.entity';
import { allocateReferenceSerials, referenceCounterUpsert } from './reference-allocator';
import { formatReference } from './reference-number';

/**
 * Inserts a new case, every column given, in one statement inside `manager`'s transaction, and
 * reads nothing back (TypeORM's `save` would read the row again for its defaults). The created
 * and updated times are the database's own (CURRENT_TIMESTAMP); `created` gets `now` for both,
 * within a second of them.
 */
export async function insertCaseRow(manager: EntityManager, created: Case, now: Date): Promise<void> {
  await bulkInsert(manager, Case, [created]);
  created.createdAt = now;
  created.updatedAt = now;
}

/**
 * Takes the year's next reference serial and gives the case registered in this transaction its
 * reference number (2026-000541, formatReference), as the last write of the intake; answers the
 * number. The counter row stays locked from here to the commit (allocateReferenceSerials), so
 * concurrent intakes queue for it: on PostgreSQL the two steps are one statement, so the lock is
 * held for the commit's round trip alone, not for a second statement's too (under load each
 * round trip waits for the event loop: 16 intakes at once queued 150 ms for the lock, and intake
 * stopped at about 60 a second). The updated time is the database's, as for every change of a case.
 *
 * @throws Error when the number the database formed is not formatReference's (never, unless the
 * two formats part).
 */
export async function assignCaseReference(manager: EntityManager, id: string, year: number): Promise<string> {
  if (manager.connection.options.type !== 'postgres') {
    const reference = formatReference(year, await allocateReferenceSerials(manager, year, 1));
    await updateRows(manager, Case, { id }, { reference });
    return reference;
  }
  const { table, column } = sqlNames(manager, Case);
  // TypeORM answers an UPDATE on PostgreSQL as [rows returned, rows changed].
  const [[row]] = await manager.query<[Array<{ reference: string; serial: number | string }>, number]>(
    `WITH counter AS (${referenceCounterUpsert('$1::integer', '1')}) ` +
      `UPDATE ${table} SET ${column('reference')} = ` +
      `$1::integer::text || '-' || lpad(counter.last_value::text, greatest(6, length(counter.last_value::text)), '0'), ` +
      `${column('updatedAt')} = CURRENT_TIMESTAMP FROM counter WHERE ${table}.${column('id')} = $2 ` +
      `RETURNING ${table}.${column('reference')} AS reference, counter.last_value AS serial`,
    [year, id],
  );
  if (!row) throw new Error(`Case ${id} is not there to take its reference number`);
  const expected = formatReference(year, Number(row.serial));
  if (row.reference !== expected) throw new Error(`Reference ${row.reference} formed for case ${id}, not ${expected}`);
  return row.reference;
}
