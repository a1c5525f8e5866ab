import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { createdAt, instant, integer, serialKey, text, uuidKey, uuidRef } from '../migration-helpers';

/** The job outbox, and the routing rules that send a case to another department than its catalog type's. */
export class OutboxAndRoutingRules1764000000000 implements MigrationInterface {
  name = 'OutboxAndRoutingRules1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'outbox',
        columns: [
          serialKey(),
          text('queue', false, 64),
          text('job_name', false, 64),
          text('job_key', false, 200),
          text('payload'),
          instant(q, 'run_after', true),
          instant(q, 'available_at'),
          instant(q, 'created_at'),
          instant(q, 'dispatched_at', true),
          integer('attempts', 0),
          text('last_error', true),
        ],
        // The relay asks for undispatched rows that are due; health asks for the oldest of them.
        indices: [{ columnNames: ['dispatched_at', 'available_at'] }, { columnNames: ['job_key'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'area_rules',
        columns: [
          uuidKey(),
          text('catalog_code', false, 64),
          text('postal_code_prefix', true, 5),
          text('district', true, 100),
          text('department_code', false, 32),
          integer('priority', 0),
          text('note', true, 500),
          uuidRef('created_by_id'),
          createdAt(q),
        ],
        foreignKeys: [
          { columnNames: ['catalog_code'], referencedTableName: 'catalog_entries', referencedColumnNames: ['code'] },
          { columnNames: ['department_code'], referencedTableName: 'departments', referencedColumnNames: ['code'] },
          { columnNames: ['created_by_id'], referencedTableName: 'staff_users', referencedColumnNames: ['id'] },
        ],
        indices: [{ columnNames: ['catalog_code'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'routing_overrides',
        columns: [
          uuidKey(),
          { ...text('catalog_code', false, 64), isUnique: true },
          text('department_code', false, 32),
          text('reason', false, 500),
          uuidRef('created_by_id'),
          createdAt(q),
        ],
        foreignKeys: [
          { columnNames: ['catalog_code'], referencedTableName: 'catalog_entries', referencedColumnNames: ['code'] },
          { columnNames: ['department_code'], referencedTableName: 'departments', referencedColumnNames: ['code'] },
          { columnNames: ['created_by_id'], referencedTableName: 'staff_users', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('routing_overrides');
    await q.dropTable('area_rules');
    await q.dropTable('outbox');
  }
}
