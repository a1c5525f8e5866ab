import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { text } from '../migration-helpers';

/** The language a citizen reads messages in (sv, en, da), when known; Swedish otherwise. */
export class CitizenLanguage1765400000000 implements MigrationInterface {
  name = 'CitizenLanguage1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('citizens', new TableColumn(text('language', true, 2)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('citizens', 'language');
  }
}
