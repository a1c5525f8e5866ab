import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/** A new fault report near an open one of the same type is flagged with a link to it. */
export class LikelyDuplicates1764500000000 implements MigrationInterface {
  name = 'LikelyDuplicates1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'cases',
      new TableColumn({ name: 'likely_duplicate_of_id', type: 'varchar', length: '36', isNullable: true }),
    );
    await q.createIndex(
      'cases',
      new TableIndex({
        name: 'IDX_cases_catalog_status_received',
        columnNames: ['catalog_code', 'status', 'received_at'],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('cases', 'IDX_cases_catalog_status_received');
    await q.dropColumn('cases', 'likely_duplicate_of_id');
  }
}
