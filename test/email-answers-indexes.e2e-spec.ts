import { ApiClient } from './support/api-client';
import { statisticsPlansDuring } from './support/statements';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The e-mail answers report reads its indexes alone, no row of a table (docs/statistics.md, "How
 * it stays fast"): span by span, the e-mailed cases from the covering index of e-mailed cases,
 * and the answered and referred contacts from the contacts' covering index that begins with the
 * outcome, not the index of channel and start with each contact's row looked up. The report's
 * own statements, as its SQLite reader thread gets them, are planned here (PostgreSQL has no
 * INDEXED BY, and plans by its statistics).
 */
describe(`e-mail answers through covering indexes (${process.env.TEST_DATABASE})`, () => {
  let t: TestApp;
  let manager: ApiClient;
  const postgres = process.env.TEST_DATABASE === 'postgres';

  beforeAll(async () => {
    t = await createTestApp();
    const [agent, signedIn] = await ApiClient.loginAll(t, 'agent@demo.local', 'manager@demo.local');
    manager = signedIn;
    await agent.createCase({
      description: 'Hur ansöker jag om bygglov?',
      catalogCode: 'general_information',
      channel: 'email',
    });
    await agent.logContact({
      channel: 'email',
      servicePointCode: 'EMAIL',
      outcome: 'answered',
      summary: 'Frågade om bygglov',
    });
  });
  afterAll(() => t.close());

  // SQLite alone: PostgreSQL's plans follow its statistics, and there is no INDEXED BY to check.
  (postgres ? it.skip : it).each(['month', 'department', 'gender'])(
    'reads the e-mailed questions and e-mail contacts from covering indexes alone, by %s (SQLite)',
    async (groupBy) => {
      const year = new Date().getUTCFullYear();
      const plans = (
        await statisticsPlansDuring(
          t.app,
          async () =>
            await manager.statistics('email-answers', { from: `${year}-01-01`, to: `${year + 1}-01-01`, groupBy }),
          (sql) => sql.includes('first_response_at') || sql.includes('c.ended_at'),
        )
      ).map((steps) => steps.join('\n'));
      const cases = plans.filter((plan) => plan.includes('IDX_cases_channel_received_at'));
      const contacts = plans.filter((plan) => plan.includes('IDX_contacts_statistics_outcome'));
      expect(cases.length).toBeGreaterThan(0);
      expect(contacts.length).toBeGreaterThan(0);
      expect(cases.length + contacts.length).toBe(plans.length);
      for (const plan of cases)
        expect(plan).toContain(
          'COVERING INDEX IDX_cases_channel_received_at (channel=? AND received_at>? AND received_at<?)',
        );
      for (const plan of contacts)
        expect(plan).toContain(
          'COVERING INDEX IDX_contacts_statistics_outcome (outcome=? AND started_at>? AND started_at<?)',
        );
    },
  );
});
