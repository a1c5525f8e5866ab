import { QueryRunner, TableColumnOptions, TableIndex } from 'typeorm';

/** Column builders and index steps shared by the migrations, so each one reads as a list of fields. */
export function instant(queryRunner: QueryRunner, name: string, nullable = false): TableColumnOptions {
  const type = queryRunner.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
  return { name, type, isNullable: nullable };
}

export function createdAt(queryRunner: QueryRunner, name = 'created_at'): TableColumnOptions {
  return { ...instant(queryRunner, name), default: 'CURRENT_TIMESTAMP' };
}

export function text(name: string, nullable = false, length?: number): TableColumnOptions {
  return length
    ? { name, type: 'varchar', length: String(length), isNullable: nullable }
    : { name, type: 'text', isNullable: nullable };
}

export function uuidKey(name = 'id'): TableColumnOptions {
  return { name, type: 'varchar', length: '36', isPrimary: true };
}

export function uuidRef(name: string, nullable = true): TableColumnOptions {
  return { name, type: 'varchar', length: '36', isNullable: nullable };
}

export function flag(name: string, defaultValue: boolean): TableColumnOptions {
  return { name, type: 'boolean', default: defaultValue ? 'true' : 'false' };
}

export function integer(name: string, defaultValue?: number, nullable = false): TableColumnOptions {
  return {
    name,
    type: 'integer',
    isNullable: nullable,
    ...(defaultValue === undefined ? {} : { default: String(defaultValue) }),
  };
}

export function serialKey(name = 'id'): TableColumnOptions {
  return { name, type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
}

export function real(name: string, nullable = true): TableColumnOptions {
  return { name, type: 'double precision', isNullable: nullable };
}

/**
 * Builds the index `name` of `table` again on `columnNames`, under the same name: how a migration
 * widens an index (or narrows it back in `down`). The rebuild holds writes to the table while it
 * runs.
 */
export async function replaceIndex(
  queryRunner: QueryRunner,
  table: string,
  name: string,
  columnNames: string[],
): Promise<void> {
  await queryRunner.dropIndex(table, name);
  await queryRunner.createIndex(table, new TableIndex({ name, columnNames }));
}
