import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

const TABLE = 'outbox';
const NAME = 'IDX_outbox_backlog';

/**
 * The outbox's backlog (`OutboxService.backlog`: jobs due and not yet handed to the queue, the
 * oldest of them, delayed jobs waiting for their time) is read by every health check and every
 * metrics scrape. Through the index on (dispatched_at, available_at) it read the row of every job
 * not yet dispatched for its `run_after`, and every case leaves four service-target checks waiting
 * for days: at 70,000 cases on SQLite that was 378,000 rows and about a second, with the event loop
 * held, at every scrape. This index holds what the backlog reads, so it reads no row, and the jobs
 * due are found by range without counting the delayed ones.
 */
export class OutboxBacklogIndex1766700002000 implements MigrationInterface {
  name = 'OutboxBacklogIndex1766700002000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      TABLE,
      new TableIndex({ name: NAME, columnNames: ['dispatched_at', 'run_after', 'created_at'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex(TABLE, NAME);
  }
}
