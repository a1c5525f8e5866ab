import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { createdAt, flag, instant, integer, real, serialKey, text, uuidKey, uuidRef } from '../migration-helpers';

/** Organisation, catalog, staff, citizens, contacts, cases and their timeline. */
export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'departments',
        columns: [{ ...text('code', false, 32), isPrimary: true }, text('name', false, 200), createdAt(q)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'service_points',
        columns: [
          { ...text('code', false, 32), isPrimary: true },
          text('name', false, 200),
          text('kind', false, 16),
          text('address', true, 300),
          flag('active', true),
          createdAt(q),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'catalog_entries',
        columns: [
          { ...text('code', false, 64), isPrimary: true },
          text('name_sv', false, 200),
          text('name_en', false, 200),
          text('name_da', true, 200),
          text('kind', false, 16),
          text('department_code', false, 32),
          flag('handled_by_service_center', false),
          text('priority', false, 10),
          text('keywords'),
          flag('confidential', false),
          flag('active', true),
          createdAt(q),
          createdAt(q, 'updated_at'),
        ],
        foreignKeys: [
          { columnNames: ['department_code'], referencedTableName: 'departments', referencedColumnNames: ['code'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'staff_users',
        columns: [
          uuidKey(),
          { ...text('email', false, 254), isUnique: true },
          text('name', false, 200),
          text('password_hash', false, 200),
          text('role', false, 16),
          flag('active', true),
          createdAt(q),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'staff_user_departments',
        columns: [
          { ...uuidRef('user_id', false), isPrimary: true },
          { ...text('department_code', false, 32), isPrimary: true },
        ],
        foreignKeys: [
          {
            columnNames: ['user_id'],
            referencedTableName: 'staff_users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['department_code'],
            referencedTableName: 'departments',
            referencedColumnNames: ['code'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'citizens',
        columns: [
          uuidKey(),
          text('name', true, 200),
          text('email', true, 254),
          text('phone', true, 40),
          text('personal_number_hash', true, 64),
          text('personal_number_encrypted', true, 200),
          text('gender', true, 16),
          createdAt(q),
        ],
        indices: [{ columnNames: ['personal_number_hash'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'contacts',
        columns: [
          uuidKey(),
          text('channel', false, 16),
          text('service_point_code', true, 32),
          uuidRef('agent_id'),
          instant(q, 'started_at'),
          instant(q, 'ended_at'),
          text('summary'),
          text('catalog_code', true, 64),
          text('outcome', false, 24),
          uuidRef('citizen_id'),
          text('gender', true, 16),
          createdAt(q),
        ],
        foreignKeys: [
          {
            columnNames: ['service_point_code'],
            referencedTableName: 'service_points',
            referencedColumnNames: ['code'],
          },
          { columnNames: ['agent_id'], referencedTableName: 'staff_users', referencedColumnNames: ['id'] },
          { columnNames: ['catalog_code'], referencedTableName: 'catalog_entries', referencedColumnNames: ['code'] },
          {
            columnNames: ['citizen_id'],
            referencedTableName: 'citizens',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
        indices: [
          { columnNames: ['started_at'] },
          { columnNames: ['channel', 'started_at'] },
          { columnNames: ['service_point_code', 'started_at'] },
          { columnNames: ['citizen_id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'reference_counters',
        columns: [{ ...integer('year'), isPrimary: true }, integer('last_value', 0)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cases',
        columns: [
          uuidKey(),
          { ...text('reference', false, 16), isUnique: true },
          text('description'),
          text('catalog_code', true, 64),
          text('department_code', true, 32),
          text('status', false, 16),
          text('status_before_waiting', true, 16),
          text('priority', false, 10),
          text('channel', false, 16),
          uuidRef('citizen_id'),
          text('address', true, 300),
          text('postal_code', true, 10),
          real('lat'),
          real('lng'),
          uuidRef('contact_id'),
          flag('confidential', false),
          uuidRef('assignee_id'),
          uuidRef('duplicate_of_id'),
          uuidRef('created_by_id'),
          instant(q, 'received_at'),
          instant(q, 'first_response_at', true),
          instant(q, 'resolved_at', true),
          instant(q, 'closed_at', true),
          integer('reopen_count', 0),
          integer('return_count', 0),
          text('source', false, 16),
          text('external_id', true, 100),
          createdAt(q),
          createdAt(q, 'updated_at'),
        ],
        foreignKeys: [
          { columnNames: ['catalog_code'], referencedTableName: 'catalog_entries', referencedColumnNames: ['code'] },
          { columnNames: ['department_code'], referencedTableName: 'departments', referencedColumnNames: ['code'] },
          {
            columnNames: ['citizen_id'],
            referencedTableName: 'citizens',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
          {
            columnNames: ['contact_id'],
            referencedTableName: 'contacts',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
          { columnNames: ['assignee_id'], referencedTableName: 'staff_users', referencedColumnNames: ['id'] },
          { columnNames: ['created_by_id'], referencedTableName: 'staff_users', referencedColumnNames: ['id'] },
        ],
        indices: [
          { columnNames: ['status'] },
          { columnNames: ['department_code', 'status'] },
          { columnNames: ['received_at'] },
          { columnNames: ['catalog_code', 'received_at'] },
          { columnNames: ['citizen_id'] },
          { columnNames: ['external_id'], isUnique: true },
        ],
      }),
    );
    await q.createForeignKey(
      'cases',
      new TableForeignKey({
        columnNames: ['duplicate_of_id'],
        referencedTableName: 'cases',
        referencedColumnNames: ['id'],
      }),
    );
    await q.createTable(
      new Table({
        name: 'case_events',
        columns: [
          serialKey(),
          uuidRef('case_id', false),
          text('type', false, 24),
          uuidRef('actor_id'),
          text('from_status', true, 16),
          text('to_status', true, 16),
          text('reason', true),
          text('body', true),
          text('data', true),
          instant(q, 'at'),
        ],
        foreignKeys: [
          {
            columnNames: ['case_id'],
            referencedTableName: 'cases',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          { columnNames: ['actor_id'], referencedTableName: 'staff_users', referencedColumnNames: ['id'] },
        ],
        indices: [{ columnNames: ['case_id', 'id'] }, { columnNames: ['type', 'at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'case_access_log',
        columns: [
          serialKey(),
          uuidRef('case_id', false),
          uuidRef('user_id', false),
          text('access', false, 16),
          instant(q, 'at'),
        ],
        foreignKeys: [
          {
            columnNames: ['case_id'],
            referencedTableName: 'cases',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          { columnNames: ['user_id'], referencedTableName: 'staff_users', referencedColumnNames: ['id'] },
        ],
        indices: [new TableIndex({ columnNames: ['case_id', 'at'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'case_access_log',
      'case_events',
      'cases',
      'reference_counters',
      'contacts',
      'citizens',
      'staff_user_departments',
      'staff_users',
      'catalog_entries',
      'service_points',
      'departments',
    ]) {
      await q.dropTable(table);
    }
  }
}
