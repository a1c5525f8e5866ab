import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The outbox relay claims one queue's due rows while another queue has no room (the in-process
 * queue holds at most about 1000 jobs per queue; the rest wait in the outbox): an index that
 * finds them in order without walking past the other queue's waiting rows.
 */
export class OutboxByQueue1766700000100 implements MigrationInterface {
  name = 'OutboxByQueue1766700000100';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('outbox', new TableIndex({ columnNames: ['queue', 'dispatched_at', 'available_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    const table = await q.getTable('outbox');
    const index = table?.indices.find(
      (candidate) => candidate.columnNames.join() === 'queue,dispatched_at,available_at',
    );
    if (table && index) await q.dropIndex(table, index);
  }
}
