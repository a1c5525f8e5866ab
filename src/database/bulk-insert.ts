import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * From how many rows PostgreSQL gets them through unnest(). Below it a VALUES list plans faster:
 * the arrays and their casts cost more than they save for the single rows and handfuls of an
 * intake (measured: CPU per intake 6.8 ms with VALUES, 8.9 ms with unnest, bench/intake-vs-bare.mjs).
 */
const UNNEST_FROM_ROWS = 100;

/**
 * One multi-row INSERT of entities, built from TypeORM's metadata so the driver still
 * converts each value as the entity's column says (instants, booleans, simple-json).
 * TypeORM's own insert builder spends most of a large import naming its parameters
 * (measured: two thirds of a 500-row insert on SQLite). On PostgreSQL the rows go as one
 * array per column through unnest() (from UNNEST_FROM_ROWS rows), which parses and plans far faster than thousands of
 * bound values (measured: insert phase 10.1 s -> 5.7 s for 60,000 cases).
 * The rows must all give the same properties: a column the first row leaves undefined is
 * left out, so the database fills in its default (a serial key, or a column another area
 * added later with a default).
 */
export async function bulkInsert<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: Array<Partial<T>>,
): Promise<void> {
  if (rows.length === 0) return;
  await insertStatement(manager, target, rows, {});
}

/** bulkInsert's one statement; with `returning`, it answers that column of each row inserted. */
async function insertStatement<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: Array<Partial<T>>,
  options: { returning?: ColumnMetadata },
): Promise<unknown> {
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(target);
  const columns = metadata.columns.filter((column) => column.getEntityValue(rows[0]) !== undefined);
  const prepared = (row: Partial<T>, column: ColumnMetadata): unknown => {
    const value: unknown = column.getEntityValue(row);
    return value === undefined ? null : (driver.preparePersistentValue(value, column) as unknown);
  };
  const into = `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((column) => driver.escape(column.databaseName)).join(', ')})`;
  const returning = options.returning ? ` RETURNING ${driver.escape(options.returning.databaseName)}` : '';

  if (manager.connection.options.type === 'postgres' && rows.length >= UNNEST_FROM_ROWS) {
    const arrays = columns.map((column) => rows.map((row) => prepared(row, column)));
    const casts = columns.map((column, index) => `$${index + 1}::${driver.normalizeType(column)}[]`);
    return manager.query(`${into} SELECT * FROM unnest(${casts.join(', ')})${returning}`, arrays);
  }
  const parameters: unknown[] = [];
  const tuples = rows.map((row) => {
    const placeholders = columns.map((column) => {
      parameters.push(prepared(row, column));
      return driver.createParameter(column.propertyName, parameters.length - 1);
    });
    return `(${placeholders.join(', ')})`;
  });
  return manager.query(`${into} VALUES ${tuples.join(', ')}${returning}`, parameters);
}

/**
 * Inserts one entity as bulkInsert does, and sets its generated primary key on it (an increment
 * column, read back with RETURNING: PostgreSQL, and SQLite from 3.35). For a row written on every
 * step of a case (a timeline event), where TypeORM's insert builder took longer than the insert.
 *
 * @throws Error when the entity has no single generated primary key.
 */
export async function insertReturningKey<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  row: T,
): Promise<T> {
  const metadata = manager.connection.getMetadata(target);
  const [key] = metadata.primaryColumns;
  if (metadata.primaryColumns.length !== 1 || !key.isGenerated)
    throw new Error(`${metadata.tableName} has no single generated key to read back`);
  const [inserted] = (await insertStatement(manager, target, [row], { returning: key })) as Array<
    Record<string, unknown>
  >;
  key.setEntityValue(row, manager.connection.driver.prepareHydratedValue(inserted[key.databaseName], key));
  return row;
}

/**
 * bulkInsert in slices of `batchSize` rows (default 500, the case import's batch), so that a
 * large seed stays within SQLite's limit of bound parameters per statement.
 */
export async function bulkInsertInBatches<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: Array<Partial<T>>,
  batchSize = 500,
): Promise<void> {
  for (let start = 0; start < rows.length; start += batchSize)
    await bulkInsert(manager, target, rows.slice(start, start + batchSize));
}
