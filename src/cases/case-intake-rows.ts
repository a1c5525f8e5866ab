import { DataSource, EntityManager } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { Case } from './entities/case.entity';

/** The INSERT of a whole case and the columns its parameters follow, made once per database. */
interface CaseInsert {
  sql: string;
  columns: ColumnMetadata[];
}

const statements = new WeakMap<DataSource, CaseInsert>();

/**
 * Inserts a new case, every column given, in one statement inside `manager`'s transaction, and
 * reads nothing back. The statement is written once from the entity's columns (TypeORM's query
 * builder would write its 40-odd columns anew for every intake); each value is converted as
 * TypeORM converts it for this database. The created and updated times are the database's own
 * (CURRENT_TIMESTAMP); `created` gets `now` for both, within a second of them.
 */
export async function insertCaseRow(manager: EntityManager, created: Case, now: Date): Promise<void> {
  const { driver } = manager.connection;
  let insert = statements.get(manager.connection);
  if (!insert) {
    const metadata = manager.connection.getMetadata(Case);
    const columns = metadata.columns.filter((column) => !column.isCreateDate && !column.isUpdateDate);
    const names = columns.map((column) => driver.escape(column.databaseName)).join(', ');
    const parameters = columns.map((column, index) => driver.createParameter(column.propertyName, index)).join(', ');
    insert = { sql: `INSERT INTO ${driver.escape(metadata.tableName)} (${names}) VALUES (${parameters})`, columns };
    statements.set(manager.connection, insert);
  }
  const values: unknown[] = insert.columns.map(
    (column): unknown => driver.preparePersistentValue(column.getEntityValue(created), column) as unknown,
  );
  await manager.query(insert.sql, values);
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
  const metadata = manager.connection.getMetadata(Case);
  const column = (property: string) =>
    driver.escape(metadata.findColumnWithPropertyName(property)?.databaseName ?? property);
  await manager.query(
    `UPDATE ${driver.escape(metadata.tableName)} SET ${column('reference')} = ${driver.createParameter('reference', 0)}, ` +
      `${column('updatedAt')} = CURRENT_TIMESTAMP WHERE ${column('id')} = ${driver.createParameter('id', 1)}`,
    [reference, id],
  );
}
