import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { flag, replaceIndex, text } from '../migration-helpers';
import { COVERING_COLUMNS } from './1766600000200-case-statistics-index';

/** The columns of a case the daily figures depend on, the citizen's link and kept gender included. */
const REPORTED_COLUMNS = [...COVERING_COLUMNS, 'citizen_id', 'citizen_gender'];
const INDEX = 'IDX_case_day_figures_day';

/**
 * The daily figures gain a gender level: per day, department and the citizen's gender over all
 * channels (the citizen's, else the one kept on the case once the link was removed), for the
 * cases report by gender, which read every case of its period joined to its citizen before
 * (docs/statistics.md, "Daily figures"). `by_gender` tells its rows apart; the index of the
 * levels begins with both flags, so each level is one range of the index. The code that builds
 * them (layout 2) also adds a level over all channels, with no column of its own: its channel is
 * null.
 *
 * A case's gender can now change without a column the report read changing: its citizen's gender
 * changes, the citizen is deleted (the link set to null), or the case is linked to another
 * citizen. So that the daily figures of those days are no longer fresh:
 * - the cases' trigger also counts changes of `citizen_id` and `citizen_gender`;
 * - triggers on `citizens` count, for a change of gender or a deletion, every UTC day on which
 *   one of the citizen's cases was received more than two days before (the same margin as the
 *   cases' trigger, by the database's clock). The deletion is counted before the row goes, while
 *   the cases still name the citizen.
 * On SQLite the cases' three triggers are written again, to add a missing counter without
 * INSERT OR IGNORE (sqliteTriggers says why); `down` leaves them in that form.
 *
 * The daily figures are built from the cases and hold nothing else, so they are emptied here and
 * every day is built again, with the new level, by the next refresh; until then reports read the
 * cases.
 */
export class DayFiguresGenderLevel1766700001300 implements MigrationInterface {
  name = 'DayFiguresGenderLevel1766700001300';

  async up(q: QueryRunner): Promise<void> {
    await this.empty(q);
    await q.addColumns('case_day_figures', [
      new TableColumn(flag('by_gender', false)),
      new TableColumn(text('gender', true, 16)),
    ]);
    await replaceIndex(q, 'case_day_figures', INDEX, ['by_catalog', 'by_gender', 'local_day', 'channel']);
    if (q.connection.options.type === 'postgres') await this.postgresTriggers(q, REPORTED_COLUMNS, true);
    else await this.sqliteTriggers(q, REPORTED_COLUMNS, true);
  }

  async down(q: QueryRunner): Promise<void> {
    await this.empty(q);
    if (q.connection.options.type === 'postgres') await this.postgresTriggers(q, COVERING_COLUMNS, false);
    else await this.sqliteTriggers(q, COVERING_COLUMNS, false);
    await replaceIndex(q, 'case_day_figures', INDEX, ['by_catalog', 'local_day', 'channel']);
    await q.dropColumn('case_day_figures', 'gender');
    await q.dropColumn('case_day_figures', 'by_gender');
  }

  /** The cases' trigger watching `columns`, and the citizens' triggers created or dropped. */
  private async postgresTriggers(q: QueryRunner, columns: string[], citizens: boolean): Promise<void> {
    // The function of migration CaseDayFigures1766700000000 stays; only the columns watched change.
    await q.query('DROP TRIGGER case_day_changes_count ON cases');
    await q.query(
      `CREATE TRIGGER case_day_changes_count AFTER INSERT OR DELETE OR UPDATE OF ${columns.join(', ')}
       ON cases FOR EACH ROW EXECUTE FUNCTION case_day_changes_count()`,
    );
    if (!citizens) {
      await q.query('DROP TRIGGER citizen_day_changes_count ON citizens');
      await q.query('DROP FUNCTION citizen_day_changes_count()');
      return;
    }
    // DISTINCT: ON CONFLICT may not touch one counter twice in a statement. In order of the day,
    // as the daily figures' build locks them, so two such changes cannot deadlock on the counters.
    await q.query(`CREATE FUNCTION citizen_day_changes_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.gender IS DISTINCT FROM NEW.gender THEN
          INSERT INTO case_day_changes (utc_day, change_count)
          SELECT DISTINCT to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), 1 FROM cases
          WHERE citizen_id = OLD.id AND received_at < now() - interval '2 days'
          ORDER BY 1
          ON CONFLICT (utc_day) DO UPDATE SET change_count = case_day_changes.change_count + 1;
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER citizen_day_changes_count BEFORE DELETE OR UPDATE OF gender
      ON citizens FOR EACH ROW EXECUTE FUNCTION citizen_day_changes_count()`);
  }

  /**
   * The cases' three triggers, watching `columns`, and the citizens' two, created or dropped. A
   * counter is added where missing by INSERT ... WHERE NOT EXISTS, not INSERT OR IGNORE: a trigger
   * fired by a foreign key's action (a deleted citizen setting its cases' link to null) takes that
   * action's conflict policy, which overrides the trigger's own OR IGNORE, and the insert of a
   * counter already there failed.
   */
  private async sqliteTriggers(q: QueryRunner, columns: string[], citizens: boolean): Promise<void> {
    const twoDaysAgo = `strftime('%Y-%m-%d %H:%M:%f', 'now', '-2 days')`;
    // The UTC days to count, as a SELECT of a column `d`, after which the counters are added where missing.
    const countDays = (days: string) => `
      INSERT INTO case_day_changes (utc_day, change_count)
      SELECT DISTINCT d, 0 FROM (${days}) WHERE NOT EXISTS (SELECT 1 FROM case_day_changes WHERE utc_day = d);
      UPDATE case_day_changes SET change_count = change_count + 1 WHERE utc_day IN (${days});`;
    const count = (row: 'OLD' | 'NEW') => countDays(`SELECT substr(${row}.received_at, 1, 10) AS d`);
    for (const name of ['insert', 'delete', 'update']) await q.query(`DROP TRIGGER case_day_changes_${name}`);
    await q.query(`CREATE TRIGGER case_day_changes_insert AFTER INSERT ON cases
      WHEN NEW.received_at < ${twoDaysAgo} BEGIN ${count('NEW')} END`);
    await q.query(`CREATE TRIGGER case_day_changes_delete AFTER DELETE ON cases
      WHEN OLD.received_at < ${twoDaysAgo} BEGIN ${count('OLD')} END`);
    // A change that moves received_at counts for both days; one without counts twice for the same day.
    await q.query(`CREATE TRIGGER case_day_changes_update AFTER UPDATE OF ${columns.join(', ')} ON cases
      WHEN OLD.received_at < ${twoDaysAgo} OR NEW.received_at < ${twoDaysAgo} BEGIN ${count('OLD')} ${count('NEW')} END`);
    if (!citizens) {
      await q.query('DROP TRIGGER citizen_day_changes_update');
      await q.query('DROP TRIGGER citizen_day_changes_delete');
      return;
    }
    const citizenCases = countDays(
      `SELECT substr(received_at, 1, 10) AS d FROM cases WHERE citizen_id = OLD.id AND received_at < ${twoDaysAgo}`,
    );
    await q.query(`CREATE TRIGGER citizen_day_changes_update AFTER UPDATE OF gender ON citizens
      WHEN OLD.gender IS NOT NEW.gender BEGIN ${citizenCases} END`);
    await q.query(`CREATE TRIGGER citizen_day_changes_delete BEFORE DELETE ON citizens BEGIN ${citizenCases} END`);
  }

  private async empty(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM case_day_figures');
    await q.query('DELETE FROM case_day_figures_days');
  }
}
