import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * The case timeline in one shape (docs/cases.md, "The timeline"): every status change is a
 * `status` event that names its lifecycle `action`, whoever took it (a person, or the system
 * when routing); what the system only remarks on is a `notice` with a `topic`. Earlier rows
 * are rewritten to that shape: the action moves out of `data` into its column, and the
 * routing job's `triage` and `routing` events and the `duplicate_flag`, `service_target` and
 * `notification` events become status events or notices.
 */
export class TimelineOneShape1764700000000 implements MigrationInterface {
  name = 'TimelineOneShape1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'case_events',
      new TableColumn({ name: 'action', type: 'varchar', length: '16', isNullable: true }),
    );
    await q.addColumn(
      'case_events',
      new TableColumn({ name: 'topic', type: 'varchar', length: '24', isNullable: true }),
    );
    const postgres = q.connection.options.type === 'postgres';
    const actionInData = postgres ? `(data::jsonb ->> 'action')` : `json_extract(data, '$.action')`;
    const dataWithoutAction = postgres ? `(data::jsonb - 'action')::text` : `json_remove(data, '$.action')`;
    await q.query(
      `UPDATE case_events SET action = ${actionInData}, data = ${dataWithoutAction} WHERE type = 'status' AND data IS NOT NULL`,
    );
    // A case resolved on the spot at registration had no action in its data.
    await q.query(
      `UPDATE case_events SET action = 'resolve' WHERE type = 'status' AND action IS NULL AND to_status = 'resolved'`,
    );
    await q.query(`UPDATE case_events SET data = NULL WHERE type = 'status' AND data = '{}'`);
    await q.query(
      `UPDATE case_events SET type = 'status', action = 'triage' WHERE type = 'triage' AND to_status IS NOT NULL`,
    );
    await q.query(
      `UPDATE case_events SET type = 'status', action = 'route' WHERE type = 'routing' AND to_status IS NOT NULL`,
    );
    const topics: Array<[string, string]> = [
      ['triage', 'triage'],
      ['routing', 'routing'],
      ['duplicate_flag', 'likely_duplicate'],
      ['service_target', 'service_target'],
      ['notification', 'notification'],
    ];
    for (const [type, topic] of topics) {
      await q.query(`UPDATE case_events SET type = 'notice', topic = '${topic}' WHERE type = '${type}'`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const postgres = q.connection.options.type === 'postgres';
    const topics: Array<[string, string]> = [
      ['likely_duplicate', 'duplicate_flag'],
      ['service_target', 'service_target'],
      ['notification', 'notification'],
      ['triage', 'triage'],
      ['routing', 'routing'],
    ];
    for (const [topic, type] of topics) {
      await q.query(`UPDATE case_events SET type = '${type}' WHERE type = 'notice' AND topic = '${topic}'`);
    }
    await q.query(
      `UPDATE case_events SET type = 'triage' WHERE type = 'status' AND action = 'triage' AND actor_id IS NULL`,
    );
    await q.query(
      `UPDATE case_events SET type = 'routing' WHERE type = 'status' AND action = 'route' AND actor_id IS NULL`,
    );
    const withAction = postgres
      ? `(COALESCE(data, '{}')::jsonb || jsonb_build_object('action', action))::text`
      : `json_set(COALESCE(data, '{}'), '$.action', action)`;
    await q.query(`UPDATE case_events SET data = ${withAction} WHERE type = 'status' AND action IS NOT NULL`);
    await q.dropColumn('case_events', 'topic');
    await q.dropColumn('case_events', 'action');
  }
}
