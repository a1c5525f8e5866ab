import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { instant } from '../migration-helpers';

/**
 * A callback target keeps when its callback was made, so the service-targets area answers
 * "what is still owed" from its own table. Filled in for callbacks already recorded.
 */
export class CallbackMadeAt1764800000000 implements MigrationInterface {
  name = 'CallbackMadeAt1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('callback_targets', new TableColumn(instant(q, 'made_at', true)));
    await q.query(
      `UPDATE callback_targets SET made_at = (SELECT m.made_at FROM contact_callbacks m WHERE m.contact_id = callback_targets.contact_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('callback_targets', 'made_at');
  }
}
