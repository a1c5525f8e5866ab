import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { instant, text } from '../migration-helpers';

/**
 * A manager alert may be about no service target: the on-call alert about an urgent case that
 * came in while the service center was closed has no measure and no due time.
 */
export class OnCallAlerts1765300000000 implements MigrationInterface {
  name = 'OnCallAlerts1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.changeColumn('manager_alerts', 'measure', new TableColumn(text('measure', true, 16)));
    await q.changeColumn('manager_alerts', 'due_at', new TableColumn(instant(q, 'due_at', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM manager_alerts WHERE measure IS NULL OR due_at IS NULL`);
    await q.changeColumn('manager_alerts', 'due_at', new TableColumn(instant(q, 'due_at')));
    await q.changeColumn('manager_alerts', 'measure', new TableColumn(text('measure', false, 16)));
  }
}
