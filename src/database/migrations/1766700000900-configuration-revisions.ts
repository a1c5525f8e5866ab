import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { text } from '../migration-helpers';

/**
 * A revision per configuration table, replaced by a trigger in the same transaction as every
 * change to the table, so that a process may keep what it derived from the table while the
 * revision stays the same (src/database/configuration-revisions.ts). The revision is a random
 * token: SQLite's randomblob, PostgreSQL's gen_random_uuid (built in since PostgreSQL 13).
 * PostgreSQL fires once per statement, TRUNCATE included; SQLite only has triggers per row.
 */
const TABLES = ['catalog_entries', 'service_target_policies'];

export class ConfigurationRevisions1766700000900 implements MigrationInterface {
  name = 'ConfigurationRevisions1766700000900';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'configuration_revisions',
        columns: [{ ...text('table_name', false, 64), isPrimary: true }, text('revision', false, 36)],
      }),
    );
    const postgres = q.connection.options.type === 'postgres';
    const token = postgres ? 'gen_random_uuid()::text' : 'lower(hex(randomblob(16)))';
    /** The statement that gives the table (an SQL expression of its name) a new revision. */
    const replace = (table: string) =>
      `INSERT INTO configuration_revisions (table_name, revision) VALUES (${table}, ${token}) ` +
      'ON CONFLICT (table_name) DO UPDATE SET revision = excluded.revision';
    for (const table of TABLES) await q.query(replace(`'${table}'`));
    if (postgres) {
      await q.query(`CREATE FUNCTION configuration_revision_replace() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${replace('TG_TABLE_NAME')};
          RETURN NULL;
        END $$`);
      for (const table of TABLES) {
        await q.query(
          `CREATE TRIGGER ${table}_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION configuration_revision_replace()`,
        );
      }
      return;
    }
    for (const table of TABLES) {
      for (const event of ['insert', 'update', 'delete']) {
        await q.query(
          `CREATE TRIGGER ${table}_revision_${event} AFTER ${event.toUpperCase()} ON ${table} BEGIN ${replace(`'${table}'`)}; END`,
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') {
      for (const table of TABLES) await q.query(`DROP TRIGGER ${table}_revision ON ${table}`);
      await q.query('DROP FUNCTION configuration_revision_replace()');
    } else {
      for (const table of TABLES) {
        for (const event of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${table}_revision_${event}`);
      }
    }
    await q.dropTable('configuration_revisions');
  }
}
