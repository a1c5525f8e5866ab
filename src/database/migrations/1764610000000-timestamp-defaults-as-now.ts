import { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns whose default the earlier migrations wrote as CURRENT_TIMESTAMP. */
const TIMESTAMP_DEFAULTS: Array<[table: string, column: string]> = [
  ['departments', 'created_at'],
  ['service_points', 'created_at'],
  ['catalog_entries', 'created_at'],
  ['catalog_entries', 'updated_at'],
  ['staff_users', 'created_at'],
  ['citizens', 'created_at'],
  ['contacts', 'created_at'],
  ['cases', 'created_at'],
  ['cases', 'updated_at'],
  ['area_rules', 'created_at'],
  ['routing_overrides', 'created_at'],
  ['call_records', 'created_at'],
  ['contact_callbacks', 'created_at'],
  ['callback_targets', 'created_at'],
  ['service_target_policies', 'created_at'],
  ['service_target_policies', 'updated_at'],
  ['notifications', 'created_at'],
  ['department_webhooks', 'created_at'],
  ['department_webhooks', 'updated_at'],
  ['webhook_deliveries', 'created_at'],
];

/**
 * PostgreSQL only: the same default, spelled now(). PostgreSQL keeps CURRENT_TIMESTAMP as it
 * was written, while TypeORM compares an entity's CURRENT_TIMESTAMP default as now(), so its
 * schema comparison saw a change in every one of these columns. SQLite keeps CURRENT_TIMESTAMP,
 * which is also how the entities spell it there.
 */
export class TimestampDefaultsAsNow1764610000000 implements MigrationInterface {
  name = 'TimestampDefaultsAsNow1764610000000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'postgres') return;
    for (const [table, column] of TIMESTAMP_DEFAULTS)
      await q.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" SET DEFAULT now()`);
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'postgres') return;
    for (const [table, column] of TIMESTAMP_DEFAULTS)
      await q.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" SET DEFAULT CURRENT_TIMESTAMP`);
  }
}
