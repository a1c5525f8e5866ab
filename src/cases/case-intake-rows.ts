import { EntityManager } from 'typeorm';
import { bulkInsert } from '../database/bulk-insert';
import { sqlNames } from '../database/sql-names';
import { Case } from './entities/case.entity';

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
 * Gives a case registered in this transaction its reference number (taken last, see
 * CaseWorkflowService.register), in one plain UPDATE; the updated time is the database's, as for
 * every change of a case.
 */
export async function setCaseReference(manager: EntityManager, id: string, reference: string): Promise<void> {
  const { driver } = manager.connection;
  const { table, column } = sqlNames(manager, Case);
  await manager.query(
    `UPDATE ${table} SET ${column('reference')} = ${driver.createParameter('reference', 0)}, ` +
      `${column('updatedAt')} = CURRENT_TIMESTAMP WHERE ${column('id')} = ${driver.createParameter('id', 1)}`,
    [reference, id],
  );
}
