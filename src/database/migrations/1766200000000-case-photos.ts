import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { instant, integer, text, uuidKey, uuidRef } from '../migration-helpers';

/** Photos citizens send with a report through the e-service, stored without their metadata. */
export class CasePhotos1766200000000 implements MigrationInterface {
  name = 'CasePhotos1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'case_photos',
        columns: [
          uuidKey(),
          uuidRef('case_id', false),
          text('content_type', false, 32),
          integer('byte_size'),
          { name: 'content', type: q.connection.options.type === 'postgres' ? 'bytea' : 'blob' },
          instant(q, 'created_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['case_id'],
            referencedTableName: 'cases',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [{ columnNames: ['case_id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('case_photos');
  }
}
