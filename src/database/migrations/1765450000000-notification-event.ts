import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A notification names the timeline event whose text it carries: a reply, or now also the
 * resolution (its answer to the citizen). The column is renamed to say so.
 */
export class NotificationEvent1765450000000 implements MigrationInterface {
  name = 'NotificationEvent1765450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.renameColumn('notifications', 'reply_event_id', 'event_id');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.renameColumn('notifications', 'event_id', 'reply_event_id');
  }
}
