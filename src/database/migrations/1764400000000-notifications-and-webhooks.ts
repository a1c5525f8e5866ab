import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { createdAt, flag, instant, integer, serialKey, text, uuidKey, uuidRef } from '../migration-helpers';

/**
 * Messages to citizens (receipt, resolution, reply) and their delivery status; department
 * webhooks and the log of their deliveries. Neither table holds a citizen's address in
 * clear: a notification points at the citizen and keeps only a masked recipient.
 */
export class NotificationsAndWebhooks1764400000000 implements MigrationInterface {
  name = 'NotificationsAndWebhooks1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'notifications',
        columns: [
          // A counter, not a UUID: a case's messages list in the order they were planned.
          serialKey(),
          uuidRef('case_id', false),
          uuidRef('citizen_id'),
          { ...text('message_key', false, 200), isUnique: true },
          text('kind', false, 16),
          text('channel', false, 8),
          text('recipient_masked', true, 64),
          integer('reply_event_id', undefined, true),
          text('status', false, 8),
          integer('attempts', 0),
          integer('resend_count', 0),
          text('last_error', true),
          createdAt(q),
          instant(q, 'last_attempt_at', true),
          instant(q, 'sent_at', true),
        ],
        foreignKeys: [
          // Retention deletes a case with everything said to the citizen about it.
          {
            columnNames: ['case_id'],
            referencedTableName: 'cases',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['citizen_id'],
            referencedTableName: 'citizens',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
        // A case's messages; the admin list of failed messages, newest first.
        indices: [{ columnNames: ['case_id'] }, { columnNames: ['status', 'id'] }],
      }),
    );
    // When a case is resolved, the citizens of its confirmed duplicates are told too.
    await q.createIndex(
      'cases',
      new TableIndex({ name: 'IDX_cases_duplicate_of_id', columnNames: ['duplicate_of_id'] }),
    );

    await q.createTable(
      new Table({
        name: 'department_webhooks',
        columns: [
          { ...text('department_code', false, 32), isPrimary: true },
          text('url', false, 2000),
          text('secret_sealed', false, 500),
          flag('active', true),
          uuidRef('updated_by_id'),
          createdAt(q),
          createdAt(q, 'updated_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['department_code'],
            referencedTableName: 'departments',
            referencedColumnNames: ['code'],
            onDelete: 'CASCADE',
          },
          { columnNames: ['updated_by_id'], referencedTableName: 'staff_users', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'webhook_deliveries',
        columns: [
          uuidKey(),
          { ...text('delivery_key', false, 200), isUnique: true },
          text('event', false, 32),
          text('department_code', false, 32),
          uuidRef('case_id', false),
          integer('routing_event_id', undefined, true),
          instant(q, 'routed_at'),
          text('status', false, 16),
          integer('attempts', 0),
          integer('resend_count', 0),
          integer('last_status_code', undefined, true),
          text('last_error', true),
          createdAt(q),
          instant(q, 'last_attempt_at', true),
          instant(q, 'delivered_at', true),
        ],
        foreignKeys: [
          {
            columnNames: ['department_code'],
            referencedTableName: 'departments',
            referencedColumnNames: ['code'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['case_id'],
            referencedTableName: 'cases',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [{ columnNames: ['case_id'] }, { columnNames: ['status', 'created_at'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('webhook_deliveries');
    await q.dropTable('department_webhooks');
    await q.dropIndex('cases', 'IDX_cases_duplicate_of_id');
    await q.dropTable('notifications');
  }
}
