import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { instant, integer, text, uuidKey, uuidRef } from '../migration-helpers';

/** E-mail to the service center, kept whole as it arrived, and what became of it. */
export class InboundEmails1766500000000 implements MigrationInterface {
  name = 'InboundEmails1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'inbound_emails',
        columns: [
          uuidKey(),
          text('message_id', false, 500),
          instant(q, 'received_at'),
          integer('byte_size'),
          { name: 'raw', type: q.connection.options.type === 'postgres' ? 'bytea' : 'blob' },
          text('status', false, 16),
          text('ignored_reason', true, 32),
          uuidRef('case_id'),
          uuidRef('contact_id'),
          instant(q, 'filed_at', true),
        ],
        foreignKeys: [
          {
            columnNames: ['case_id'],
            referencedTableName: 'cases',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
          {
            columnNames: ['contact_id'],
            referencedTableName: 'contacts',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
        indices: [
          { columnNames: ['message_id'], isUnique: true },
          { columnNames: ['case_id', 'received_at'] },
          { columnNames: ['status', 'received_at'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('inbound_emails');
  }
}
