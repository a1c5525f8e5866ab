import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * The quoted names of an entity's table and columns in the database's own quoting, for the few
 * statements written by hand on a hot path (one statement where TypeORM's builders take several,
 * or spend more CPU building the query than running it). Throws for a property with no column:
 * a typo in such a statement is a programming error, found at its first run.
 */
export function sqlNames<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
): { table: string; column: (property: string) => string } {
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(target);
  return {
    table: driver.escape(metadata.tableName),
    column: (property) => {
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`${metadata.tableName} has no column for ${property}`);
      return driver.escape(column.databaseName);
    },
  };
}
