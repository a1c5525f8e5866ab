import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { instant, integer, serialKey, text } from '../migration-helpers';
import { COVERING_COLUMNS } from './1766600000200-case-statistics-index';

/**
 * The columns of a case the daily figures depend on: a change to any of them changes a day's
 * figures. The cases report also reads the citizen's columns, for grouping by gender, which the
 * daily figures do not hold.
 */
const REPORTED_COLUMNS = COVERING_COLUMNS;

/**
 * Daily figures of the cases report (docs/statistics.md, "Daily figures"): the roll-up table,
 * the days it holds, and the change counters of the cases per UTC day, kept by triggers on the
 * cases table so that every write of a case counts, whichever code path or tool makes it.
 *
 * A trigger counts only cases received more than two days before the change (by the database's
 * clock): the daily figures are built only for days that ended three days ago, and leaving out
 * the newest cases keeps intake and routing, which write today's cases, from touching a shared
 * counter row at all.
 */
export class CaseDayFigures1766700000000 implements MigrationInterface {
  name = 'CaseDayFigures1766700000000';

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.options.type === 'postgres';
    const bytes = (name: string) => ({ name, type: postgres ? 'bytea' : 'blob' });
    await q.createTable(
      new Table({
        name: 'case_day_figures',
        columns: [
          serialKey(),
          text('local_day', false, 10),
          { name: 'by_catalog', type: 'boolean' },
          text('department_code', true, 32),
          text('channel', false, 16),
          text('catalog_code', true, 64),
          ...[
            'received',
            'duplicates',
            'returned',
            'reopened',
            'first_response_met',
            'first_response_late',
            'resolution_met',
            'resolution_late',
            'first_response_open',
            'resolution_open',
            'resolved',
          ].map((name) => integer(name)),
          bytes('lists'),
        ],
        indices: [{ name: 'IDX_case_day_figures_day', columnNames: ['by_catalog', 'local_day'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'case_day_figures_days',
        columns: [
          { ...text('local_day', false, 10), isPrimary: true },
          integer('calendar_version'),
          integer('change_mark'),
          instant(q, 'built_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'case_day_changes',
        columns: [{ ...text('utc_day', false, 10), isPrimary: true }, integer('change_count', 0)],
      }),
    );
    if (postgres) await this.postgresTriggers(q);
    else await this.sqliteTriggers(q);
  }

  private async postgresTriggers(q: QueryRunner): Promise<void> {
    const count = (row: 'OLD' | 'NEW') => `
      IF ${row}.received_at < now() - interval '2 days' THEN
        INSERT INTO case_day_changes (utc_day, change_count)
        VALUES (to_char(${row}.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), 1)
        ON CONFLICT (utc_day) DO UPDATE SET change_count = case_day_changes.change_count + 1;
      END IF;`;
    await q.query(`CREATE FUNCTION case_day_changes_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN ${count('OLD')} END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN ${count('NEW')} END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER case_day_changes_count AFTER INSERT OR DELETE OR UPDATE OF ${REPORTED_COLUMNS.join(', ')}
       ON cases FOR EACH ROW EXECUTE FUNCTION case_day_changes_count()`,
    );
  }

  private async sqliteTriggers(q: QueryRunner): Promise<void> {
    // SQLite stores instants as UTC text 'YYYY-MM-DD HH:MM:SS.SSS', so the first ten characters are the UTC day.
    const twoDaysAgo = `strftime('%Y-%m-%d %H:%M:%f', 'now', '-2 days')`;
    const count = (row: 'OLD' | 'NEW') => `
      INSERT OR IGNORE INTO case_day_changes (utc_day, change_count) VALUES (substr(${row}.received_at, 1, 10), 0);
      UPDATE case_day_changes SET change_count = change_count + 1 WHERE utc_day = substr(${row}.received_at, 1, 10);`;
    await q.query(`CREATE TRIGGER case_day_changes_insert AFTER INSERT ON cases
      WHEN NEW.received_at < ${twoDaysAgo} BEGIN ${count('NEW')} END`);
    await q.query(`CREATE TRIGGER case_day_changes_delete AFTER DELETE ON cases
      WHEN OLD.received_at < ${twoDaysAgo} BEGIN ${count('OLD')} END`);
    // A change that moves received_at counts for both days; one without counts twice for the same day.
    await q.query(`CREATE TRIGGER case_day_changes_update AFTER UPDATE OF ${REPORTED_COLUMNS.join(', ')} ON cases
      WHEN OLD.received_at < ${twoDaysAgo} OR NEW.received_at < ${twoDaysAgo} BEGIN ${count('OLD')} ${count('NEW')} END`);
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') {
      await q.query('DROP TRIGGER case_day_changes_count ON cases');
      await q.query('DROP FUNCTION case_day_changes_count()');
    } else {
      for (const name of ['insert', 'delete', 'update']) await q.query(`DROP TRIGGER case_day_changes_${name}`);
    }
    await q.dropTable('case_day_changes');
    await q.dropTable('case_day_figures_days');
    await q.dropTable('case_day_figures');
  }
}
