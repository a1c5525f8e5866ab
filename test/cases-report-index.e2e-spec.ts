import { DataSource } from 'typeorm';
import { ApiClient } from './support/api-client';
import { StatisticsQuery } from './support/api-types';
import { hasPlannerStatistics, statisticsPlansDuring } from './support/statements';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The cases report reads the cases it does not take from daily figures (the last days, a what-if
 * target, grouping by gender) through the covering index by receipt, a range per arrival span,
 * whatever the caller's department scope and channel (docs/statistics.md, "How it stays fast").
 * The app gathers no planner statistics, and without them SQLite took the index of department
 * and status for a handler: every case of the department, once per span (a handler's year by
 * gender took over a minute at 1M cases). The report's own statements, as its SQLite reader
 * thread gets them, are planned here, on a database without statistics as a running app has
 * (PostgreSQL has no INDEXED BY, and plans by the statistics it gathers itself).
 */
describe(`the cases report through the index by receipt (${process.env.TEST_DATABASE})`, () => {
  let t: TestApp;
  let db: DataSource;
  let manager: ApiClient;
  let handler: ApiClient;
  const postgres = process.env.TEST_DATABASE === 'postgres';
  const year = new Date().getUTCFullYear();
  const period = { from: `${year}-01-01`, to: `${year + 1}-01-01` };

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
    ['by gender', () => manager, { ...period, groupBy: 'gender' }],
    ["a handler's departments by gender", () => handler, { ...period, groupBy: 'gender' }],
    ["a handler's departments by month", () => handler, { ...period, groupBy: 'month' }],
    [
      'a what-if target, one department',
      () => manager,
      { ...period, departmentCode: 'TEK', resolutionTargetWorkingDays: 5 },
    ],
    ["a handler's e-mailed cases by catalog entry", () => handler, { ...period, channel: 'email', groupBy: 'catalog' }],
  ];

  // SQLite alone: PostgreSQL's plans follow its statistics, and there is no INDEXED BY to check.
  // SQLite alone: PostgreSQL's plans follow its statistics, and there is no INDEXED BY to check.
  (postgres ? it.skip : it).each(asks)('reads the cases by receipt alone: %s (SQLite)', async (_, client, query) => {
    expect(await hasPlannerStatistics(db)).toBe(false);
    const plans = await statisticsPlansDuring(
      t.app,
      async () => await client().statistics('cases', query),
      (sql) => /\bcases c\b/.test(sql),
    );
    // The counts of each slice's arrival spans, and its resolved cases.
    expect(plans.length).toBeGreaterThanOrEqual(2);
    for (const steps of plans)
      expect(steps.filter((step) => / c\b/.test(step))).toEqual([
        expect.stringMatching(
          /^SEARCH c USING (COVERING )?INDEX IDX_cases_statistics_received \(received_at>\? AND received_at<\?\)$/,
        ),
      ]);
  });
});
