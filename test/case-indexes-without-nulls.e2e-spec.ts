import { DataSource } from 'typeorm';
import { CaseIndexesWithoutNulls1766700000800 as Migration } from '../src/database/migrations/1766700000800-case-indexes-without-nulls';
import { ApiClient } from './support/api-client';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The indexes of `cases` on a column that is empty on almost every case hold only the cases with
 * a value (src/database/migrations/1766700000800-case-indexes-without-nulls.ts), and the searches
 * the code makes on those columns still use them: a value, a list of values, or any value at all.
 * The external id stays unique.
 */
describe(`case indexes without the empty values (${process.env.TEST_DATABASE})`, () => {
  let t: TestApp;
  let db: DataSource;
  const postgres = process.env.TEST_DATABASE === 'postgres';

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    const [agent] = await ApiClient.loginAll(t, 'agent@demo.local');
    for (const street of ['Storgatan', 'Kyrkogatan']) {
      await agent.createCase({ description: `Gatlampan på ${street} är släckt`, catalogCode: 'street_light' });
    }
  });
  afterAll(() => t.close());

  /** The plan's lines; on PostgreSQL with sequential scans off, so that a usable index shows even on a small table. */
  const plan = async (sql: string): Promise<string> => {
    if (!postgres) {
      const steps = await db.query<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${sql}`);
      return steps.map((step) => step.detail).join('\n');
    }
    return db.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      const lines = await manager.query<Array<{ 'QUERY PLAN': string }>>(`EXPLAIN ${sql}`);
      return lines.map((line) => line['QUERY PLAN']).join('\n');
    });
  };

  it.each([
    ['a citizen’s cases', "SELECT id FROM cases WHERE citizen_id IN ('a', 'b')", 'IDX_cases_citizen_id'],
    [
      'cases by external id, as an import looks them up',
      "SELECT id FROM cases WHERE external_id IN ('x')",
      'IDX_cases_external_id',
    ],
    ['the duplicates of a case', "SELECT id FROM cases WHERE duplicate_of_id = 'a'", 'IDX_cases_duplicate_of_id'],
  ])('finds %s through its index', async (_what, sql, index) => {
    expect(await plan(sql)).toContain(index);
  });

  // SQLite reads a whole table for `x IS NOT NULL OR y IS NOT NULL`, with the indexes whole or
  // partial alike (it takes IS NOT NULL for an index range only when built with STAT4).
  it('finds the breached cases through their two indexes on PostgreSQL', async () => {
    if (!postgres) return;
    const found = await plan(
      'SELECT id FROM cases WHERE first_response_breached_at IS NOT NULL OR resolution_breached_at IS NOT NULL',
    );
    expect(found).toContain('IDX_cases_first_response_breached_at');
    expect(found).toContain('IDX_cases_resolution_breached_at');
  });

  const expectPartial = async () => {
    const definitions = postgres
      ? await db.query<Array<{ name: string; sql: string }>>(
          "SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE tablename = 'cases'",
        )
      : await db.query<Array<{ name: string; sql: string }>>(
          "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases' AND sql IS NOT NULL",
        );
    const partial = (name: string) => definitions.find((definition) => definition.name === name)?.sql ?? '';
    for (const [name, column] of [
      ['IDX_cases_citizen_id', 'citizen_id'],
      ['IDX_cases_external_id', 'external_id'],
      ['IDX_cases_duplicate_of_id', 'duplicate_of_id'],
      ['IDX_cases_first_response_breached_at', 'first_response_breached_at'],
      ['IDX_cases_resolution_breached_at', 'resolution_breached_at'],
    ]) {
      expect(partial(name).replace(/"/g, '')).toMatch(new RegExp(`WHERE \\(?${column} IS NOT NULL\\)?`));
    }
  };

  it('keeps the indexes partial, on the cases with a value', expectPartial);

  it('keeps the external id unique, and any number of cases without one', async () => {
    const [first, second] = await db.query<Array<{ id: string }>>('SELECT id FROM cases ORDER BY id LIMIT 2');
    await db.query(`UPDATE cases SET external_id = 'open311-1' WHERE id = '${first.id}'`);
    await expect(db.query(`UPDATE cases SET external_id = 'open311-1' WHERE id = '${second.id}'`)).rejects.toThrow(
      /unique|UNIQUE/,
    );
    await db.query(`UPDATE cases SET external_id = NULL WHERE id = '${first.id}'`);
    const [{ count }] = await db.query<Array<{ count: number | string }>>(
      'SELECT count(*) AS count FROM cases WHERE external_id IS NULL',
    );
    expect(Number(count)).toBeGreaterThan(1);
  });

  it('is undone and done again, and leaves the schema the entities describe', async () => {
    const runner = db.createQueryRunner();
    try {
      await runner.beforeMigration();
      await new Migration().down(runner);
      expect(await plan("SELECT id FROM cases WHERE citizen_id IN ('a')")).not.toContain('IDX_cases_citizen_id');
      await new Migration().up(runner);
      await runner.afterMigration();
    } finally {
      await runner.release();
    }
    // TypeORM's schema builder does not compare an index's condition: checked again here.
    await expectPartial();
    const { upQueries } = await db.driver.createSchemaBuilder().log();
    expect(upQueries.map((query) => query.query)).toEqual([]);
  });
});
