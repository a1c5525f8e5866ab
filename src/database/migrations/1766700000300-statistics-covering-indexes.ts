import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * One index per table, holding every column its reports read, so that a year of rows is a range
 * scan of the index and never a table lookup per row in random order (docs/statistics.md, "How
 * it stays fast"). Each begins with the columns of the index it replaces, so it serves the same
 * lookups, and a write still updates as many indexes as before.
 */
const COVERING_INDEXES = [
  {
    // The contacts report and the service index (by department: agent_id), e-mail answers (ended_at).
    table: 'contacts',
    name: 'IDX_contacts_statistics_started',
    replaces: ['started_at'],
    columnNames: [
      'started_at',
      'outcome',
      'channel',
      'service_point_code',
      'catalog_code',
      'agent_id',
      'gender',
      'ended_at',
    ],
  },
  {
    // The phone report.
    table: 'call_records',
    name: 'IDX_call_records_statistics_started',
    replaces: ['started_at'],
    columnNames: ['started_at', 'outcome', 'wait_seconds', 'direct_answer', 'queue', 'service_point_code'],
  },
  {
    // E-mail answers: the cases received by e-mail, and what their question was and when answered.
    table: 'cases',
    name: 'IDX_cases_channel_received_at',
    replaces: ['channel', 'received_at'],
    columnNames: ['channel', 'received_at', 'status', 'catalog_code', 'department_code', 'first_response_at'],
  },
];

export class StatisticsCoveringIndexes1766700000300 implements MigrationInterface {
  name = 'StatisticsCoveringIndexes1766700000300';

  async up(q: QueryRunner): Promise<void> {
    for (const { table: tableName, name, replaces, columnNames } of COVERING_INDEXES)
      await this.replace(q, tableName, replaces, new TableIndex({ name, columnNames }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table, name, replaces } of COVERING_INDEXES) {
      await q.dropIndex(table, name);
      // The cases index had this name before; the others had TypeORM's generated one.
      await q.createIndex(table, new TableIndex({ name: table === 'cases' ? name : undefined, columnNames: replaces }));
    }
  }

  /** Drops the index whose columns are exactly `columns` (whatever its name) and creates `index`. */
  private async replace(q: QueryRunner, tableName: string, columns: string[], index: TableIndex): Promise<void> {
    const table = await q.getTable(tableName);
    const old = table?.indices.find((candidate) => candidate.columnNames.join() === columns.join());
    if (table && old) await q.dropIndex(table, old);
    await q.createIndex(tableName, index);
  }
}
