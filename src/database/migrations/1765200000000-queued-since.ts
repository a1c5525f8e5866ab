import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { instant } from '../migration-helpers';

/**
 * A message to a citizen and a webhook delivery keep when they were last queued (planned, or
 * sent again by an admin), so one still waiting long after is seen as stuck, counted in /health
 * and /metrics, and may be sent again. Rows already there were queued when they were created.
 */
export class QueuedSince1765200000000 implements MigrationInterface {
  name = 'QueuedSince1765200000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['notifications', 'webhook_deliveries']) {
      await q.addColumn(table, new TableColumn(instant(q, 'queued_at', true)));
      await q.query(`UPDATE ${table} SET queued_at = created_at`);
      await q.changeColumn(table, 'queued_at', new TableColumn(instant(q, 'queued_at')));
      // The stuck ones: still waiting, queued before a time.
      await q.createIndex(
        table,
        new TableIndex({ name: `IDX_${table}_status_queued_at`, columnNames: ['status', 'queued_at'] }),
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['notifications', 'webhook_deliveries']) {
      await q.dropIndex(table, `IDX_${table}_status_queued_at`);
      await q.dropColumn(table, 'queued_at');
    }
  }
}
