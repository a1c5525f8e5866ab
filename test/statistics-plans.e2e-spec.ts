import { DataSource } from 'typeorm';
import { ApiClient } from './support/api-client';
import { StatisticsQuery } from './support/api-types';
import { hasPlannerStatistics, statisticsPlansDuring } from './support/statements';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The statistics read their rows on SQLite through the index each report names (docs/statistics.md,
 * "How it stays fast"), whatever the caller's department scope and channel. The app gathers no
 * planner statistics, and without them SQLite took the index of department and status for a
 * handler, or the index of channel and receipt for one channel: a row looked up per case, or
 * every case of the department once per arrival span (a handler's year by gender took over a
 * minute at 1M cases). Each report's own statements, as its SQLite reader thread gets them, are
 * planned here, on a database without statistics as a running app has (PostgreSQL has no
 * INDEXED BY, and plans by the statistics it gathers itself).
 */
describe(`statistics through the indexes they name (${process.env.TEST_DATABASE})`, () => {
  let t: TestApp;
  let db: DataSource;
  let manager: ApiClient;
  let handler: ApiClient;
  const postgres = process.env.TEST_DATABASE === 'postgres';
  // SQLite alone: PostgreSQL's plans follow its statistics, and there is no INDEXED BY to check.
  const sqliteIt = postgres ? it.skip : it;
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
    // An e-mailed question, an open fault of the handler's department, an e-mail answered.
    await agent.createCase({
      description: 'Hur ansöker jag om bygglov?',
      catalogCode: 'general_information',
      channel: 'email',
    });
    await agent.createCase({ description: 'Gatlampan är släckt', catalogCode: 'street_light', channel: 'email' });
    await agent.logContact({
      channel: 'email',
      servicePointCode: 'EMAIL',
      outcome: 'answered',
      summary: 'Frågade om bygglov',
    });
  });
  afterAll(() => t.close());

  /**
   * The e-mail answers report reads its indexes alone, no row of a table: span by span, the
   * e-mailed questions from the index of e-mailed cases, a range per type, and the answered and
   * referred e-mail contacts from the index of e-mail contacts that begins with the outcome, not
   * the index of channel and start with each contact's row looked up.
   */
  sqliteIt.each(['month', 'department', 'gender'])(
    'reads the e-mailed questions and e-mail contacts from covering indexes alone, by %s (SQLite)',
    async (groupBy) => {
      const plans = (
        await statisticsPlansDuring(
          t.app,
          async () => await manager.statistics('email-answers', { ...period, groupBy }),
          (sql) => sql.includes('first_response_at') || sql.includes('c.ended_at'),
        )
      ).map((steps) => steps.join('\n'));
      const cases = plans.filter((plan) => plan.includes('IDX_cases_email_catalog_received'));
      const contacts = plans.filter((plan) => plan.includes('IDX_contacts_email_outcome'));
      expect(cases.length).toBeGreaterThan(0);
      expect(contacts.length).toBeGreaterThan(0);
      expect(cases.length + contacts.length).toBe(plans.length);
      for (const plan of cases)
        expect(plan).toContain(
          'COVERING INDEX IDX_cases_email_catalog_received (catalog_code=? AND received_at>? AND received_at<?)',
        );
      for (const plan of contacts)
        expect(plan).toContain(
          'COVERING INDEX IDX_contacts_email_outcome (outcome=? AND started_at>? AND started_at<?)',
        );
    },
  );

  const backlogAsks: Array<[string, () => ApiClient, StatisticsQuery]> = [
    ['every department', () => manager, { groupBy: 'department' }],
    ['one department', () => manager, { departmentCode: 'TEK' }],
    ["a handler's departments", () => handler, { groupBy: 'catalog' }],
    ['one channel', () => manager, { channel: 'email', groupBy: 'status' }],
    ["a handler's departments and one channel", () => handler, { channel: 'email' }],
  ];

  /** The backlog reads the open cases from their covering index alone: status by status, the range of receipt asked. */
  sqliteIt.each(backlogAsks)('reads the open cases from their index alone: %s (SQLite)', async (_, client, query) => {
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
  });

  const casesAsks: Array<[string, () => ApiClient, StatisticsQuery]> = [
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

  /**
   * The cases report reads the cases it does not take from daily figures (the last days, a
   * what-if target, grouping by gender) from the covering index by receipt alone, a range per
   * arrival span: by gender too, since the index holds each case's citizen and kept gender
   * (migration 1766700001200; a row looked up per case had made a manager's year by gender twice
   * as long at 1M cases).
   */
  sqliteIt.each(casesAsks)('reads the cases by receipt alone: %s (SQLite)', async (_, client, query) => {
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
          /^SEARCH c USING COVERING INDEX IDX_cases_statistics_received \(received_at>\? AND received_at<\?\)$/,
        ),
      ]);
  });
});
