import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Driver } from 'typeorm/driver/Driver';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

/**
 * Reads and updates by equality in hand-built statements, for the hot path of intake and
 * routing. TypeORM's `findBy` and `update` build their SQL again on every call, and there that
 * took longer than running it: a case by id on SQLite took about 110 µs through `findOneBy` and
 * 35 µs here, a catalog entry 55 µs and 15 µs (docs/performance.md). Each statement's text is
 * built once per entity and shape of call from TypeORM's metadata, and values still go through
 * the driver as their column says (instants, booleans, simple-json, transformers).
 *
 * A condition `where` gives each property a value: a value asks `=`, null asks IS NULL, an
 * array asks IN (an empty array matches nothing).
 */
export type Equalities<T> = Partial<Record<keyof T & string, unknown>>;

/** What a selectRows call asks besides its equalities; every part is optional. */
export interface SelectRowsOptions<T> {
  /** Sort by these properties, ascending, in this order. */
  orderBy?: ReadonlyArray<keyof T & string>;
  /** At most this many rows. */
  limit?: number;
  /**
   * Lock the rows read until the caller's transaction ends (PostgreSQL `FOR UPDATE`, as TypeORM's
   * `pessimistic_write`). On SQLite nothing more is needed: its one writer at a time already
   * queues the transactions.
   */
  forUpdate?: boolean;
}

/**
 * The entities matching `where`, as TypeORM's `findBy` gives them (every selectable column, no
 * relations), in one statement inside `manager`'s transaction.
 *
 * @throws Error for a property that has no column or no value (undefined), or a limit that is no
 * whole number: programming errors, found at their first run.
 */
export async function selectRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  where: Equalities<T>,
  options: SelectRowsOptions<T> = {},
): Promise<T[]> {
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(target);
  if (options.limit !== undefined && !(Number.isInteger(options.limit) && options.limit >= 0))
    throw new Error(`${metadata.tableName}: limit ${options.limit} is not a whole number of rows`);
  const condition = conditionOf(metadata, where);
  if (!condition) return [];
  const shape = JSON.stringify([
    'select',
    condition.shape,
    options.orderBy ?? [],
    options.limit ?? null,
    !!options.forUpdate,
  ]);
  const sql = statement(metadata, shape, () => {
    const names = (properties: readonly string[]) =>
      properties.map((property) => driver.escape(columnOf(metadata, property).databaseName)).join(', ');
    return [
      `SELECT ${selectedColumns(metadata)
        .map((column) => driver.escape(column.databaseName))
        .join(', ')} FROM ${driver.escape(metadata.tableName)}`,
      condition.properties.length > 0 ? `WHERE ${condition.sql(driver, 0)}` : '',
      options.orderBy?.length ? `ORDER BY ${names(options.orderBy)}` : '',
      options.limit !== undefined ? `LIMIT ${options.limit}` : '',
      options.forUpdate && manager.connection.options.type === 'postgres' ? 'FOR UPDATE' : '',
    ]
      .filter(Boolean)
      .join(' ');
  });
  const rows = await manager.query<Array<Record<string, unknown>>>(sql, condition.parameters(driver));
  const columns = selectedColumns(metadata);
  return rows.map((row) => {
    const entity = metadata.create() as T;
    for (const column of columns)
      column.setEntityValue(entity, driver.prepareHydratedValue(row[column.databaseName], column));
    return entity;
  });
}

/** The first entity matching `where`, or null; see selectRows. */
export async function selectRow<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  where: Equalities<T>,
  options: Omit<SelectRowsOptions<T>, 'limit'> = {},
): Promise<T | null> {
  const [row] = await selectRows(manager, target, where, { ...options, limit: 1 });
  return row ?? null;
}

/**
 * Sets `changes` on the rows matching `where`, in one statement inside `manager`'s transaction,
 * as TypeORM's `update` does: each value converted by the driver, and the entity's update time
 * (`@UpdateDateColumn`) set to the database's CURRENT_TIMESTAMP unless `changes` gives it. A
 * property left undefined in `changes` is not changed.
 *
 * @throws Error for a property that has no column, a condition without a value (undefined), or
 * when `changes` or `where` names none.
 */
export async function updateRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  where: Equalities<T>,
  changes: Partial<T>,
): Promise<void> {
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(target);
  const set = Object.keys(changes).filter((property) => changes[property] !== undefined);
  if (set.length === 0 || Object.keys(where).length === 0)
    throw new Error(`An update of ${metadata.tableName} names no column to set or to match`);
  const condition = conditionOf(metadata, where);
  if (!condition) return;
  const sql = statement(metadata, JSON.stringify(['update', set, condition.shape]), () => {
    const assignments = set.map(
      (property, index) =>
        `${driver.escape(columnOf(metadata, property).databaseName)} = ${driver.createParameter(property, index)}`,
    );
    const stamp = metadata.updateDateColumn;
    if (stamp && !set.includes(stamp.propertyName))
      assignments.push(`${driver.escape(stamp.databaseName)} = CURRENT_TIMESTAMP`);
    return `UPDATE ${driver.escape(metadata.tableName)} SET ${assignments.join(', ')} WHERE ${condition.sql(driver, set.length)}`;
  });
  const values = set.map(
    (property) => driver.preparePersistentValue(changes[property], columnOf(metadata, property)) as unknown,
  );
  await manager.query(sql, [...values, ...condition.parameters(driver)]);
}

/** How a property is compared: IS NULL, =, or IN with this many values. */
type Comparison = 'null' | 'one' | number;

interface Condition {
  properties: string[];
  /** What makes two conditions one statement text. */
  shape: Array<[string, Comparison]>;
  /** The condition's SQL, its parameters numbered from `first` (PostgreSQL's $n). */
  sql: (driver: Driver, first: number) => string;
  parameters: (driver: Driver) => unknown[];
}

/** The condition of `where`, or null when an empty IN list makes it match nothing. */
function conditionOf<T>(metadata: EntityMetadata, where: Equalities<T>): Condition | null {
  const properties = Object.keys(where) as Array<keyof T & string>;
  const comparisons: Comparison[] = properties.map((property) => {
    const value = where[property];
    // As TypeORM's find refuses it: bound as NULL, it would quietly match nothing.
    if (value === undefined) throw new Error(`${metadata.tableName}: no value given for ${property}`);
    return value === null ? 'null' : Array.isArray(value) ? value.length : 'one';
  });
  if (comparisons.includes(0)) return null;
  const valuesOf = (property: keyof T & string): unknown[] => {
    const value = where[property];
    return value === null ? [] : Array.isArray(value) ? (value as unknown[]) : [value];
  };
  return {
    properties,
    shape: properties.map((property, index) => [property, comparisons[index]]),
    sql: (driver, first) => {
      let index = first;
      return properties
        .map((property, position) => {
          const name = driver.escape(columnOf(metadata, property).databaseName);
          const comparison = comparisons[position];
          if (comparison === 'null') return `${name} IS NULL`;
          if (comparison === 'one') return `${name} = ${driver.createParameter(property, index++)}`;
          const list = Array.from({ length: comparison }, () => driver.createParameter(property, index++));
          return `${name} IN (${list.join(', ')})`;
        })
        .join(' AND ');
    },
    parameters: (driver) =>
      properties.flatMap((property) =>
        valuesOf(property).map(
          (value) => driver.preparePersistentValue(value, columnOf(metadata, property)) as unknown,
        ),
      ),
  };
}

/** The statement text of each shape of call, per entity: built once, then only bound. */
const statements = new WeakMap<EntityMetadata, Map<string, string>>();

function statement(metadata: EntityMetadata, shape: string, build: () => string): string {
  let known = statements.get(metadata);
  if (!known) statements.set(metadata, (known = new Map<string, string>()));
  let sql = known.get(shape);
  if (sql === undefined) known.set(shape, (sql = build()));
  return sql;
}

const selectable = new WeakMap<EntityMetadata, ColumnMetadata[]>();

/** The columns a find reads, as TypeORM's find selects them. */
function selectedColumns(metadata: EntityMetadata): ColumnMetadata[] {
  let columns = selectable.get(metadata);
  if (!columns) selectable.set(metadata, (columns = metadata.columns.filter((c) => c.isSelect && !c.isVirtual)));
  return columns;
}

function columnOf(metadata: EntityMetadata, property: string): ColumnMetadata {
  const column = metadata.findColumnWithPropertyName(property);
  if (!column) throw new Error(`${metadata.tableName} has no column for ${property}`);
  return column;
}
