import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { instant, text, uuidKey, uuidRef } from '../migration-helpers';

/**
 * Staff sessions: one row per sign-in, named by the access token (`sid`) and checked on every
 * request, so that a log-out, a deactivation or a password change ends the token at once.
 */
export class StaffSessions1764900000000 implements MigrationInterface {
  name = 'StaffSessions1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'staff_sessions',
        columns: [
          uuidKey(),
          uuidRef('user_id', false),
          instant(q, 'started_at'),
          instant(q, 'expires_at'),
          instant(q, 'ended_at', true),
          text('end_reason', true, 16),
        ],
        foreignKeys: [
          // A staff member removed from the database takes their sessions along.
          {
            columnNames: ['user_id'],
            referencedTableName: 'staff_users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [{ columnNames: ['user_id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('staff_sessions');
  }
}
