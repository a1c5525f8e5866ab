import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { createdAt, flag, instant, integer, serialKey, text, uuidKey, uuidRef } from '../migration-helpers';

/**
 * The business calendar settings (one row per version, history kept), citizen ratings of a
 * contact or a case, and the record of a promised callback being made.
 */
export class CalendarRatingsCallbacks1764200000000 implements MigrationInterface {
  name = 'CalendarRatingsCallbacks1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'calendar_settings',
        columns: [serialKey('version'), text('settings'), instant(q, 'created_at'), uuidRef('created_by_id')],
        foreignKeys: [
          { columnNames: ['created_by_id'], referencedTableName: 'staff_users', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'citizen_ratings',
        columns: [
          uuidKey(),
          uuidRef('contact_id'),
          uuidRef('case_id'),
          integer('ease', undefined, true),
          integer('treatment', undefined, true),
          integer('clarity', undefined, true),
          text('channel', false, 16),
          text('department_code', true, 32),
          text('service_point_code', true, 32),
          text('gender', true, 16),
          text('source', false, 16),
          uuidRef('recorded_by_id'),
          instant(q, 'rated_at'),
        ],
        foreignKeys: [
          // A rating outlives the contact or case it was about: statistics survive retention.
          {
            columnNames: ['contact_id'],
            referencedTableName: 'contacts',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
          {
            columnNames: ['case_id'],
            referencedTableName: 'cases',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
          { columnNames: ['recorded_by_id'], referencedTableName: 'staff_users', referencedColumnNames: ['id'] },
        ],
        indices: [
          { columnNames: ['contact_id'], isUnique: true },
          { columnNames: ['case_id'], isUnique: true },
          { columnNames: ['rated_at'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'contact_callbacks',
        columns: [
          { ...uuidRef('contact_id', false), isPrimary: true },
          instant(q, 'made_at'),
          // Whether the citizen answered; calling keeps the promise even when they did not.
          flag('reached', true),
          uuidRef('made_by_id'),
          createdAt(q),
        ],
        foreignKeys: [
          {
            columnNames: ['contact_id'],
            referencedTableName: 'contacts',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          { columnNames: ['made_by_id'], referencedTableName: 'staff_users', referencedColumnNames: ['id'] },
        ],
      }),
    );
    // The e-mail measure reads e-mail cases by receipt; the callback measure reads contacts that owe a callback.
    await q.createIndex(
      'cases',
      new TableIndex({ name: 'IDX_cases_channel_received_at', columnNames: ['channel', 'received_at'] }),
    );
    await q.createIndex(
      'contacts',
      new TableIndex({ name: 'IDX_contacts_outcome_started_at', columnNames: ['outcome', 'started_at'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('contacts', 'IDX_contacts_outcome_started_at');
    await q.dropIndex('cases', 'IDX_cases_channel_received_at');
    for (const table of ['contact_callbacks', 'citizen_ratings', 'calendar_settings']) await q.dropTable(table);
  }
}
