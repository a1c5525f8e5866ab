import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { instant, integer, serialKey, text, uuidRef } from '../migration-helpers';

/**
 * Retention (gallring) and the rights of the person (docs/personal-data.md): the retention rules
 * per catalog entry or kind, a record of every retention run and of every extract, erasure and
 * correction, and on cases and contacts when their personal data was removed. A case keeps its
 * citizen's gender when the link to the citizen goes, so the gender split of the statistics holds.
 */
export class PersonalDataLifecycle1766400000000 implements MigrationInterface {
  name = 'PersonalDataLifecycle1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('cases', new TableColumn(text('citizen_gender', true, 16)));
    await q.addColumn('cases', new TableColumn(instant(q, 'anonymised_at', true)));
    await q.addColumn('contacts', new TableColumn(instant(q, 'anonymised_at', true)));
    await q.createTable(
      new Table({
        name: 'retention_policies',
        columns: [
          serialKey(),
          text('catalog_code', true, 64),
          text('kind', true, 16),
          integer('case_retention_days'),
          integer('contact_retention_days'),
          instant(q, 'updated_at'),
          uuidRef('updated_by_id'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'retention_runs',
        columns: [
          serialKey(),
          text('trigger', false, 16),
          text('scheduled_for', true, 10),
          uuidRef('requested_by_id'),
          instant(q, 'started_at'),
          instant(q, 'finished_at'),
          text('counts'),
        ],
        indices: [{ columnNames: ['scheduled_for'], isUnique: true }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'privacy_requests',
        columns: [
          serialKey(),
          text('kind', false, 16),
          text('looked_up_by', false, 16),
          uuidRef('requested_by_id', false),
          instant(q, 'at'),
          text('outcome'),
        ],
        indices: [{ columnNames: ['at'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('privacy_requests');
    await q.dropTable('retention_runs');
    await q.dropTable('retention_policies');
    await q.dropColumn('contacts', 'anonymised_at');
    await q.dropColumn('cases', 'anonymised_at');
    await q.dropColumn('cases', 'citizen_gender');
  }
}
