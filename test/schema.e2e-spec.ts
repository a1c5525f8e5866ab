import { DataSource } from 'typeorm';
import { SOURCE_TABLES } from '../src/statistics/sql/source-tables';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The migrations build exactly the schema the entities describe: on a fresh database with every
 * migration run, TypeORM's schema builder finds nothing to create, change or drop. A difference
 * fails with the statements the builder would run, which name the table, column, index or key.
 *
 * Defaults are compared as text: the entities spell them as the migrations wrote them
 * (`() => 'CURRENT_TIMESTAMP'`, `() => 'true'`), not as TypeORM would (`default: true` is `1` on SQLite).
 */
describe(`the schema the migrations build (${process.env.TEST_DATABASE})`, () => {
  let t: TestApp;
  let dataSource: DataSource;
  beforeAll(async () => {
    t = await createTestApp();
    dataSource = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('has every migration applied', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('is the schema the entities describe, with nothing for the schema builder to change', async () => {
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    expect(upQueries.map((query) => query.query)).toEqual([]);
  });

  it('maps every table the statistics read in an owning module', () => {
    const mapped = new Set(dataSource.entityMetadatas.map((metadata) => metadata.tableName));
    expect(Object.values(SOURCE_TABLES).filter((table) => !mapped.has(table))).toEqual([]);
  });
});
