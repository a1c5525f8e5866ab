import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case holds its citizen's gender, kept in step by the database, so the statistics split by
 * gender read the case alone. Until now `cases.citizen_gender` held the gender only once the link
 * to the citizen was removed (retention, erasure), and a report by gender looked up each case's
 * citizen: at 10,000,000 cases on PostgreSQL, e-mail answers by gender took 3.8-4.5 s against
 * 0.6-0.8 s by month, nearly all of it the lookups (docs/performance.md).
 *
 * What the gender of a case is does not change: the citizen's while the link holds, the one kept on
 * the case after the retention rules or an erasure removed the link (they set `anonymised_at` in
 * the same statement), and none when the link is removed otherwise (a correction without a
 * citizen, a citizen deleted by SQL). The triggers hold `citizen_gender` to exactly that, whoever
 * writes:
 * - a case inserted, or its `citizen_id` or `citizen_gender` written while it has a citizen: the
 *   citizen's gender;
 * - its `citizen_id` changed to null on a case not anonymised: null;
 * - a citizen's gender changed: the gender of every case linked to them.
 * On PostgreSQL the citizen's row is read FOR SHARE, so a case linked while the citizen's gender
 * changes in another transaction takes the gender that transaction leaves. SQLite has one writer.
 * On PostgreSQL the case's own value is set before the row is written; on SQLite, which cannot
 * change the row being written, the row is updated after it, only where the value differs, so
 * the application, which writes the right value with the case, costs no second write.
 *
 * The change of `citizen_gender` the triggers make is a change the daily figures' triggers count
 * (that column is among those they watch), so the days of a citizen's cases are built again after a
 * change of their gender, as before. The cases linked now take their citizen's gender here, or
 * keep their own where the citizen has none (as the reports read it: the citizen's, else the
 * case's); what a report shows does not change by it, so the daily figures' counting is off for
 * this one statement on PostgreSQL, where it would count one change per linked case. SQLite
 * cannot turn a trigger off: there every day with a linked case is built again by the next
 * refresh.
 */
export class CaseCitizenGender1766700001800 implements MigrationInterface {
  name = 'CaseCitizenGender1766700001800';

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.options.type === 'postgres';
    // Before the triggers, which would take the citizen's gender alone: where a linked citizen has
    // none, the gender a report showed was the one kept on the case, and it stays.
    if (postgres) await q.query('ALTER TABLE cases DISABLE TRIGGER case_day_changes_count');
    await q.query(
      `UPDATE cases SET citizen_gender = COALESCE(
         (SELECT z.gender FROM citizens z WHERE z.id = cases.citizen_id), citizen_gender)
       WHERE citizen_id IS NOT NULL`,
    );
    if (postgres) await q.query('ALTER TABLE cases ENABLE TRIGGER case_day_changes_count');
    if (postgres) await this.postgresTriggers(q);
    else await this.sqliteTriggers(q);
  }

  /**
   * The triggers go, and so does the gender of the linked cases: the code before this migration
   * read the citizen's gender where a link holds and the case's own only where none does, and it
   * expects none on a linked case, so that removing the link leaves none.
   */
  async down(q: QueryRunner): Promise<void> {
    // The triggers first: they would give the linked cases their citizen's gender back.
    if (q.connection.options.type === 'postgres') {
      await q.query('DROP TRIGGER case_citizen_gender_insert ON cases');
      await q.query('DROP TRIGGER case_citizen_gender_update ON cases');
      await q.query('DROP FUNCTION case_citizen_gender()');
      await q.query('DROP TRIGGER citizen_gender_to_cases ON citizens');
      await q.query('DROP FUNCTION citizen_gender_to_cases()');
    } else {
      for (const name of ['case_citizen_gender_insert', 'case_citizen_gender_update', 'citizen_gender_to_cases'])
        await q.query(`DROP TRIGGER ${name}`);
    }
    await q.query('UPDATE cases SET citizen_gender = NULL WHERE citizen_id IS NOT NULL');
  }

  private async postgresTriggers(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION case_citizen_gender() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.citizen_id IS NOT NULL THEN
          -- FOR SHARE waits for a change of the citizen's gender under way, and holds the next
          -- one back until this commits, when the citizens' trigger sees this case.
          NEW.citizen_gender := (SELECT gender FROM citizens WHERE id = NEW.citizen_id FOR SHARE);
        ELSIF TG_OP = 'UPDATE' AND OLD.citizen_id IS NOT NULL AND NEW.anonymised_at IS NULL THEN
          NEW.citizen_gender := NULL;
        END IF;
        RETURN NEW;
      END $$`);
    // Two triggers of one function, so that a case inserted without a citizen calls none.
    await q.query(`CREATE TRIGGER case_citizen_gender_insert BEFORE INSERT ON cases
      FOR EACH ROW WHEN (NEW.citizen_id IS NOT NULL) EXECUTE FUNCTION case_citizen_gender()`);
    await q.query(`CREATE TRIGGER case_citizen_gender_update BEFORE UPDATE OF citizen_id, citizen_gender ON cases
      FOR EACH ROW EXECUTE FUNCTION case_citizen_gender()`);
    await q.query(`CREATE FUNCTION citizen_gender_to_cases() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE cases SET citizen_gender = NEW.gender WHERE citizen_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER citizen_gender_to_cases AFTER UPDATE OF gender ON citizens
      FOR EACH ROW WHEN (OLD.gender IS DISTINCT FROM NEW.gender) EXECUTE FUNCTION citizen_gender_to_cases()`);
  }

  private async sqliteTriggers(q: QueryRunner): Promise<void> {
    const citizenGender = '(SELECT gender FROM citizens WHERE id = NEW.citizen_id)';
    const setCitizenGender = `UPDATE cases SET citizen_gender = ${citizenGender} WHERE id = NEW.id;`;
    await q.query(`CREATE TRIGGER case_citizen_gender_insert AFTER INSERT ON cases
      WHEN NEW.citizen_id IS NOT NULL AND NEW.citizen_gender IS NOT ${citizenGender}
      BEGIN ${setCitizenGender} END`);
    await q.query(`CREATE TRIGGER case_citizen_gender_update AFTER UPDATE OF citizen_id, citizen_gender ON cases
      WHEN (NEW.citizen_id IS NOT NULL AND NEW.citizen_gender IS NOT ${citizenGender})
        OR (NEW.citizen_id IS NULL AND OLD.citizen_id IS NOT NULL AND NEW.anonymised_at IS NULL
            AND NEW.citizen_gender IS NOT NULL)
      BEGIN ${setCitizenGender} END`);
    await q.query(`CREATE TRIGGER citizen_gender_to_cases AFTER UPDATE OF gender ON citizens
      WHEN OLD.gender IS NOT NEW.gender
      BEGIN UPDATE cases SET citizen_gender = NEW.gender WHERE citizen_id = NEW.id; END`);
  }
}
