import { DataSource } from 'typeorm';
import { EmailCasesIndex1766700001600 as Migration } from '../src/database/migrations/1766700001600-email-cases-index';
import { ApiClient } from './support/api-client';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The index of e-mailed cases (src/database/migrations/1766700001600-email-cases-index.ts) holds
 * the cases received by e-mail and no others, begins with the type, and serves the e-mail answers
 * report's count of e-mailed questions on both databases, type by type, without a case's row.
 */
describe(`the index of e-mailed cases (${process.env.TEST_DATABASE})`, () => {
  let t: TestApp;
  let db: DataSource;
  const postgres = process.env.TEST_DATABASE === 'postgres';

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    const [agent] = await ApiClient.loginAll(t, 'agent@demo.local');
    for (const channel of ['email', 'phone', 'email'] as const)
      await agent.createCase({
        description: 'Hur söker jag till vuxenutbildningen?',
        catalogCode: 'adult_education',
        channel,
      });
  });
  afterAll(() => t.close());

  /** The count the report makes of one span's e-mailed questions, in the shape it asks it; `period`: within a span. */
  const questionsCount = (period: boolean) => `SELECT COUNT(*) AS count FROM cases c
    WHERE ${period ? "c.received_at >= '2000-01-01' AND c.received_at < '2100-01-01' AND " : ''}c.channel = 'email'
      AND c.catalog_code IN ('adult_education', 'water_bill') AND c.status <> 'duplicate'`;

  /** The plan's lines; on PostgreSQL with sequential and bitmap scans off, so that a usable index shows on a small table. */
  const plan = async (sql: string): Promise<string> => {
    if (!postgres) {
      const steps = await db.query<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${sql}`);
      return steps.map((step) => step.detail).join('\n');
    }
    return db.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      await manager.query('SET LOCAL enable_bitmapscan = off');
      const lines = await manager.query<Array<{ 'QUERY PLAN': string }>>(`EXPLAIN ${sql}`);
      return lines.map((line) => line['QUERY PLAN']).join('\n');
    });
  };

  const expectIndexOfEmailedCases = async () => {
    const definitions = postgres
      ? await db.query<Array<{ name: string; sql: string }>>(
          "SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE tablename = 'cases'",
        )
      : await db.query<Array<{ name: string; sql: string }>>(
          "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases' AND sql IS NOT NULL",
        );
    const names = definitions.map((definition) => definition.name);
    expect(names).toContain('IDX_cases_email_catalog_received');
    expect(names).not.toContain('IDX_cases_channel_received_at');
    const sql = definitions.find((definition) => definition.name === 'IDX_cases_email_catalog_received')?.sql ?? '';
    // TypeORM's schema builder does not compare an index's condition: checked here.
    expect(sql.replace(/"|::text|::character varying|\(|\)/g, '')).toMatch(/WHERE channel = 'email'$/);
  };

  it('holds the e-mailed cases alone, by type and time of receipt', async () => {
    await expectIndexOfEmailedCases();
    const [{ count }] = await db.query<Array<{ count: number | string }>>(
      `SELECT COUNT(*) AS count FROM cases ${postgres ? '' : 'INDEXED BY IDX_cases_email_catalog_received'}
       WHERE channel = 'email' AND catalog_code = 'adult_education'`,
    );
    expect(Number(count)).toBe(2);
  });

  it('serves the count of e-mailed questions from the index alone', async () => {
    // On a table of three cases PostgreSQL's estimates cannot tell the indexes of receipt apart:
    // asked without the period, only this index serves the count, so its plan shows that the
    // condition in the text matches the index's and that the types are its ranges.
    const found = await plan(questionsCount(!postgres));
    if (postgres) expect(found).toMatch(/Index Only Scan using "?IDX_cases_email_catalog_received"?/);
    else
      expect(found).toContain(
        'COVERING INDEX IDX_cases_email_catalog_received (catalog_code=? AND received_at>? AND received_at<?)',
      );
  });

  it('is undone and done again, and leaves the schema the entities describe', async () => {
    const runner = db.createQueryRunner();
    try {
      await runner.beforeMigration();
      await new Migration().down(runner);
      const names = (await runner.getTable('cases'))?.indices.map((index) => index.name);
      expect(names).toContain('IDX_cases_channel_received_at');
      expect(names).not.toContain('IDX_cases_email_catalog_received');
      await new Migration().up(runner);
      await runner.afterMigration();
    } finally {
      await runner.release();
    }
    await expectIndexOfEmailedCases();
    const { upQueries } = await db.driver.createSchemaBuilder().log();
    expect(upQueries.map((query) => query.query)).toEqual([]);
  });
});
