import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';
import { instant, integer, text, uuidKey, uuidRef } from '../migration-helpers';

/**
 * Open311 GeoReport v2 (docs/citizen-channels.md): the client applications and their hashed API
 * keys, what each service request brought besides the case (token, device and account ids,
 * attribute answers), the photo uploaded with it (metadata removed), and the attributes a
 * service definition asks for.
 */
export class Open3111766100000000 implements MigrationInterface {
  name = 'Open3111766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'open311_clients',
        columns: [
          uuidKey(),
          text('name', false, 200),
          { ...text('key_hash', false, 64), isUnique: true },
          uuidRef('created_by_id'),
          createdAt(q),
          instant(q, 'revoked_at', true),
        ],
        foreignKeys: [
          { columnNames: ['created_by_id'], referencedTableName: 'staff_users', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'open311_requests',
        columns: [
          { ...uuidRef('case_id', false), isPrimary: true },
          uuidRef('client_id', false),
          { ...text('token', false, 64), isUnique: true },
          text('device_id', true, 200),
          text('account_id', true, 200),
          text('address_id', true, 200),
          text('media_url', true, 1000),
          text('attributes', true),
          createdAt(q),
        ],
        foreignKeys: [
          {
            columnNames: ['case_id'],
            referencedTableName: 'cases',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          { columnNames: ['client_id'], referencedTableName: 'open311_clients', referencedColumnNames: ['id'] },
        ],
        indices: [{ columnNames: ['client_id', 'created_at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'open311_photos',
        columns: [
          { ...uuidRef('case_id', false), isPrimary: true },
          text('content_type', false, 32),
          integer('size_bytes'),
          { name: 'bytes', type: q.connection.options.type === 'postgres' ? 'bytea' : 'blob' },
          createdAt(q),
        ],
        foreignKeys: [
          {
            columnNames: ['case_id'],
            referencedTableName: 'cases',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'open311_service_definitions',
        columns: [
          { ...text('catalog_code', false, 64), isPrimary: true },
          text('attributes'),
          instant(q, 'updated_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['catalog_code'],
            referencedTableName: 'catalog_entries',
            referencedColumnNames: ['code'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('open311_service_definitions');
    await q.dropTable('open311_photos');
    await q.dropTable('open311_requests');
    await q.dropTable('open311_clients');
  }
}

/**
 * A creation time defaulting to now: spelled now() on PostgreSQL, as TypeORM compares an
 * entity's CURRENT_TIMESTAMP default there (see TimestampDefaultsAsNow1764610000000).
 */
function createdAt(q: QueryRunner): TableColumnOptions {
  return {
    ...instant(q, 'created_at'),
    default: q.connection.options.type === 'postgres' ? 'now()' : 'CURRENT_TIMESTAMP',
  };
}
