import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { flag, instant, integer, text, uuidRef } from '../migration-helpers';

/**
 * The public case register: an entry per case (its published, redacted text and the handler's
 * decisions about it), and the publication rule of each catalog type.
 */
export class PublicRegister1766300000000 implements MigrationInterface {
  name = 'PublicRegister1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'register_entries',
        columns: [
          { ...uuidRef('case_id', false), isPrimary: true },
          text('reference', false, 16),
          instant(q, 'received_at'),
          text('department_code', true, 32),
          text('catalog_code', true, 64),
          text('status', false, 16),
          flag('confidential', false),
          text('summary', true),
          text('search_text', true),
          text('edited_summary', true),
          uuidRef('edited_by_id'),
          instant(q, 'edited_at', true),
          flag('withheld', false),
          instant(q, 'publish_after'),
          integer('plan_version', 1),
          integer('published_version', 0),
          instant(q, 'published_at', true),
        ],
        foreignKeys: [
          {
            columnNames: ['case_id'],
            referencedTableName: 'cases',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          { columnNames: ['edited_by_id'], referencedTableName: 'staff_users', referencedColumnNames: ['id'] },
        ],
        indices: [
          { name: 'IDX_register_entries_published_received', columnNames: ['published_at', 'received_at'] },
          { name: 'IDX_register_entries_department_received', columnNames: ['department_code', 'received_at'] },
          { name: 'IDX_register_entries_catalog_received', columnNames: ['catalog_code', 'received_at'] },
          { name: 'IDX_register_entries_due', columnNames: ['published_version', 'publish_after'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'register_publication_rules',
        columns: [
          { ...text('catalog_code', false, 64), isPrimary: true },
          integer('delay_hours'),
          text('publishes', false, 16),
          uuidRef('updated_by_id'),
          instant(q, 'updated_at'),
        ],
        foreignKeys: [
          { columnNames: ['catalog_code'], referencedTableName: 'catalog_entries', referencedColumnNames: ['code'] },
          { columnNames: ['updated_by_id'], referencedTableName: 'staff_users', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('register_publication_rules');
    await q.dropTable('register_entries');
  }
}
