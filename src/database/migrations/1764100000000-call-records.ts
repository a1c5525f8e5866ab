import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { createdAt, instant, integer, text, uuidKey } from '../migration-helpers';

/** Call records from the telephony platform, the raw material of the phone accessibility figures. */
export class CallRecords1764100000000 implements MigrationInterface {
  name = 'CallRecords1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'call_records',
        columns: [
          uuidKey(),
          { ...text('call_id', false, 100), isUnique: true },
          instant(q, 'started_at'),
          text('queue', false, 32),
          integer('wait_seconds'),
          text('outcome', false, 16),
          integer('talk_seconds'),
          { name: 'callback_requested', type: 'boolean' },
          text('agent_email', true, 254),
          text('service_point_code', true, 32),
          { name: 'direct_answer', type: 'boolean', isNullable: true },
          text('source', false, 16),
          createdAt(q),
        ],
        foreignKeys: [
          {
            columnNames: ['service_point_code'],
            referencedTableName: 'service_points',
            referencedColumnNames: ['code'],
          },
        ],
        // The statistics count calls per period, and per queue per period.
        indices: [{ columnNames: ['started_at'] }, { columnNames: ['queue', 'started_at'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('call_records');
  }
}
