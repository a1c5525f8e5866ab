import { DataSource } from 'typeorm';
import { ApiClient } from './support/api-client';
import { StatisticsQuery } from './support/api-types';
import { hasPlannerStatistics, statisticsPlansDuring } from './support/statements';
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
  // SQLite alone: PostgreSQL's plans follow its statistics, and there is no INDEXED BY to check.
  (postgres ? it.skip : it).each(asks)(
    'reads the open cases from their index alone: %s (SQLite)',
    async (_, client, query) => {
      expect(await hasPlannerStatistics(db)).toBe(false);
      let open = 0;
      const plans = await statisticsPlansDuring(
        t.app,
        async () => (open = (await client().statistics('backlog', query)).total.open),
        (sql) => sql.includes('cases'),
      );
      expect(open).toBeGreaterThan(0);
      // The oldest open case, then the counts of at least one slice of receipt. Grouping sorts what
      // the index gave (USE TEMP B-TREE FOR GROUP BY): no table is read for it.
      const searches = plans.map((steps) => steps.filter((step) => !step.startsWith('USE TEMP B-TREE')));
      expect(searches.length).toBeGreaterThanOrEqual(2);
      for (const steps of searches)
        for (const step of steps)
          expect(step).toMatch(
            /^SEARCH c USING COVERING INDEX IDX_cases_open_by_status \(status=\?( AND received_at>\? AND received_at<\?)?\)$/,
          );
      expect(
        searches
          .slice(1)
          .flat()
          .every((step) => step.includes('received_at>? AND received_at<?')),
      ).toBe(true);
    },
  );
});
