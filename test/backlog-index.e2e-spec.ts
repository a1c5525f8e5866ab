import { DataSource } from 'typeorm';
import { SqliteReadWorker } from '../src/statistics/sql/sqlite-read-worker';
import { StatisticsSql } from '../src/statistics/sql/statistics-sql.service';
import { ApiClient } from './support/api-client';
import { StatisticsQuery } from './support/api-types';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The backlog reads the open cases from their covering index alone (docs/statistics.md, "How it
 * stays fast"), whatever the caller's department scope and channel: status by status, the range
 * of receipt asked, no row of the table. The app gathers no planner statistics, and without them
 * SQLite took the index of department and status for a handler (a row looked up per case of the
 * department) and the index of channel and receipt for one channel (every case of the channel
 * since the oldest open one). The report's own statements, as its SQLite reader thread gets them,
 * are planned here, on a database without statistics as a running app has (PostgreSQL has no
 * INDEXED BY, and plans by the statistics it gathers itself).
 */
describe(`the backlog through its covering index (${process.env.TEST_DATABASE})`, () => {
  let t: TestApp;
  let db: DataSource;
  let manager: ApiClient;
  let handler: ApiClient;
  const postgres = process.env.TEST_DATABASE === 'postgres';

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    let agent: ApiClient;
    [agent, manager, handler] = await ApiClient.loginAll(
      t,
      'agent@demo.local',
      'manager@demo.local',
      'handler@demo.local',
    );
    await agent.createCase({ description: 'Gatlampan är släckt', catalogCode: 'street_light', channel: 'email' });
  });
  afterAll(() => t.close());

  const asks: Array<[string, () => ApiClient, StatisticsQuery]> = [
    ['every department', () => manager, { groupBy: 'department' }],
    ['one department', () => manager, { departmentCode: 'TEK' }],
    ["a handler's departments", () => handler, { groupBy: 'catalog' }],
    ['one channel', () => manager, { channel: 'email', groupBy: 'status' }],
    ["a handler's departments and one channel", () => handler, { channel: 'email' }],
  ];

  // SQLite alone: PostgreSQL's plans follow its statistics, and there is no INDEXED BY to check.
  (postgres ? it.skip : it).each(asks)(
    'reads the open cases from their index alone: %s (SQLite)',
    async (_, client, query) => {
      const [{ analyzed }] = await db.query<Array<{ analyzed: number }>>(
        `SELECT COUNT(*) AS analyzed FROM sqlite_schema WHERE name = 'sqlite_stat1'`,
      );
      expect(analyzed).toBe(0);
      const statistics: unknown = t.app.get(StatisticsSql);
      const reader = (statistics as { sqliteReader: SqliteReadWorker }).sqliteReader;
      const asked = jest.spyOn(reader, 'query');
      try {
        const report = await client().statistics('backlog', query);
        expect(report.total.open).toBeGreaterThan(0);
        const plans = await Promise.all(
          asked.mock.calls
            .filter(([sql]) => sql.includes('cases'))
            .map(async ([sql, values]) => {
              const steps = await db.query<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${sql}`, values);
              // Grouping sorts what the index gave (USE TEMP B-TREE FOR GROUP BY): no table is read for it.
              return steps.map((step) => step.detail).filter((detail) => !detail.startsWith('USE TEMP B-TREE'));
            }),
        );
        // The oldest open case, then the counts of at least one slice of receipt.
        expect(plans.length).toBeGreaterThanOrEqual(2);
        for (const steps of plans)
          for (const step of steps)
            expect(step).toMatch(
              /^SEARCH c USING COVERING INDEX IDX_cases_open_by_status \(status=\?( AND received_at>\? AND received_at<\?)?\)$/,
            );
        expect(
          plans
            .slice(1)
            .flat()
            .every((step) => step.includes('received_at>? AND received_at<?')),
        ).toBe(true);
      } finally {
        asked.mockRestore();
      }
    },
  );
});
