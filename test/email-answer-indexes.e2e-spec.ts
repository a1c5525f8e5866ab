import { DataSource, MigrationInterface } from 'typeorm';
import { EmailCasesIndex1766700001600 as CasesIndex } from '../src/database/migrations/1766700001600-email-cases-index';
import { EmailContactsIndex1766700001700 as ContactsIndex } from '../src/database/migrations/1766700001700-email-contacts-index';
import { ApiClient } from './support/api-client';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The e-mail answers report's two indexes hold only what came by e-mail: the e-mailed cases by
 * type then receipt (src/database/migrations/1766700001600-email-cases-index.ts), and the e-mail
 * contacts by outcome then start (1766700001700-email-contacts-index.ts). Each serves its count on
 * both databases from the index alone, and each migration is undone and done again.
 */
describe(`the indexes of what came by e-mail (${process.env.TEST_DATABASE})`, () => {
  let t: TestApp;
  let db: DataSource;
  const postgres = process.env.TEST_DATABASE === 'postgres';

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    const [agent] = await ApiClient.loginAll(t, 'agent@demo.local');
    for (const channel of ['email', 'phone', 'email'] as const) {
      await agent.createCase({
        description: 'Hur söker jag till vuxenutbildningen?',
        catalogCode: 'adult_education',
        channel,
      });
      await agent.logContact({ channel, summary: 'Frågade om öppettider', outcome: 'answered' });
    }
  });
  afterAll(() => t.close());

  const INDEXES = [
    {
      table: 'cases',
      name: 'IDX_cases_email_catalog_received',
      migration: CasesIndex,
      // The count the report makes of one span's e-mailed questions.
      count: () => `SELECT COUNT(*) AS count FROM cases c
        WHERE c.received_at >= '2000-01-01' AND c.received_at < '2100-01-01' AND c.channel = 'email'
          AND c.catalog_code IN ('adult_education', 'water_bill') AND c.status <> 'duplicate'`,
      sqlitePlan:
        'COVERING INDEX IDX_cases_email_catalog_received (catalog_code=? AND received_at>? AND received_at<?)',
      // The index of every case by channel, which this one replaced.
      replaced: 'IDX_cases_channel_received_at',
    },
    {
      table: 'contacts',
      name: 'IDX_contacts_email_outcome',
      migration: ContactsIndex,
      count: () => `SELECT COUNT(*) AS count, MAX(c.ended_at) AS ended FROM contacts c
        WHERE c.started_at >= '2000-01-01' AND c.started_at < '2100-01-01' AND c.channel = 'email'
          AND c.outcome IN ('answered', 'referred')`,
      sqlitePlan: 'COVERING INDEX IDX_contacts_email_outcome (outcome=? AND started_at>? AND started_at<?)',
      replaced: null,
    },
  ] as const;

  /**
   * The plan of the report's count through the index: on SQLite named with INDEXED BY, as the
   * report names it (SQLite refuses the query when the index cannot serve it); on PostgreSQL
   * with the table's other indexes dropped in a transaction rolled back after, and sequential
   * and bitmap scans off, so that the plan shows whether the index serves the count alone
   * whatever the sizes of a test's tables.
   */
  const planThrough = async (index: (typeof INDEXES)[number]): Promise<string> => {
    if (!postgres) {
      const sql = index.count().replace(`FROM ${index.table} c`, `FROM ${index.table} c INDEXED BY ${index.name}`);
      const steps = await db.query<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${sql}`);
      return steps.map((step) => step.detail).join('\n');
    }
    const runner = db.createQueryRunner();
    await runner.startTransaction();
    try {
      const others: Array<{ name: string }> = await runner.query(
        `SELECT i.relname AS name FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
         WHERE x.indrelid = $1::regclass AND NOT x.indisprimary AND NOT x.indisunique AND i.relname <> $2`,
        [index.table, index.name],
      );
      for (const { name } of others) await runner.query(`DROP INDEX "${name}"`);
      await runner.query('SET LOCAL enable_seqscan = off');
      await runner.query('SET LOCAL enable_bitmapscan = off');
      const lines: Array<{ 'QUERY PLAN': string }> = await runner.query(`EXPLAIN ${index.count()}`);
      return lines.map((line) => line['QUERY PLAN']).join('\n');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  };

  /** The index's definition (its SQL), '' when there is none. */
  const definition = async (table: string, name: string): Promise<string> => {
    const [found] = postgres
      ? await db.query<Array<{ sql: string }>>(
          'SELECT indexdef AS sql FROM pg_indexes WHERE tablename = $1 AND indexname = $2',
          [table, name],
        )
      : await db.query<Array<{ sql: string }>>(
          "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name = ?",
          [table, name],
        );
    return found?.sql ?? '';
  };

  const expectPartialOnEmail = async (table: string, name: string) => {
    // TypeORM's schema builder does not compare an index's condition: checked here.
    expect((await definition(table, name)).replace(/"|::text|::character varying|\(|\)/g, '')).toMatch(
      /WHERE channel = 'email'$/,
    );
  };

  describe.each(INDEXES)('$name', (index) => {
    it('holds what came by e-mail alone', async () => {
      await expectPartialOnEmail(index.table, index.name);
      if (index.replaced) expect(await definition(index.table, index.replaced)).toBe('');
      // SQLite counts the entries of the index named; PostgreSQL has no such hint, and its index
      // is read in the plan below.
      if (postgres) return;
      const [{ count }] = await db.query<Array<{ count: number | string }>>(
        `SELECT COUNT(*) AS count FROM ${index.table} INDEXED BY ${index.name} WHERE channel = 'email'`,
      );
      expect(Number(count)).toBe(2);
    });

    it('serves the report’s count from the index alone', async () => {
      const found = await planThrough(index);
      if (postgres) expect(found).toMatch(new RegExp(`Index Only Scan using "?${index.name}"?`));
      else expect(found).toContain(index.sqlitePlan);
    });

    it('is undone and done again, and leaves the schema the entities describe', async () => {
      const migration: MigrationInterface = new index.migration();
      const runner = db.createQueryRunner();
      try {
        await runner.beforeMigration();
        await migration.down(runner);
        expect(await definition(index.table, index.name)).toBe('');
        if (index.replaced) expect(await definition(index.table, index.replaced)).not.toBe('');
        await migration.up(runner);
        await runner.afterMigration();
      } finally {
        await runner.release();
      }
      await expectPartialOnEmail(index.table, index.name);
      const { upQueries } = await db.driver.createSchemaBuilder().log();
      expect(upQueries.map((query) => query.query)).toEqual([]);
    });
  });
});
