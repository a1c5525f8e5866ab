import { DataSource } from 'typeorm';
import { SqliteReadWorker } from '../src/statistics/sql/sqlite-read-worker';
import { StatisticsSql } from '../src/statistics/sql/statistics-sql.service';
import { ApiClient } from './support/api-client';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The e-mail answers report reads only index entries it needs (docs/statistics.md, "How it stays
 * fast"): the e-mailed questions from the index of e-mailed cases that begins with the channel
 * and the catalog entry, span by span, and the answered and referred e-mail contacts from the
 * contacts' index that begins with the outcome; neither reads a row of its table. On SQLite the
 * report's own statements, as its reader thread gets them, are planned here.
 */
describe(`e-mail answers through their indexes (${process.env.TEST_DATABASE})`, () => {
  let t: TestApp;
  let db: DataSource;
  let manager: ApiClient;
  const postgres = process.env.TEST_DATABASE === 'postgres';

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
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

  it('keeps the index of e-mailed cases in the order channel, catalog entry, time of receipt', async () => {
    const definition = postgres
      ? await db.query<Array<{ sql: string }>>(
          "SELECT indexdef AS sql FROM pg_indexes WHERE indexname = 'IDX_cases_channel_received_at'",
        )
      : await db.query<Array<{ sql: string }>>(
          "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'IDX_cases_channel_received_at'",
        );
    expect(definition[0].sql.replace(/"/g, '')).toMatch(
      /\(channel, catalog_code, received_at, status, department_code, first_response_at, citizen_id, citizen_gender\)/,
    );
  });

  it.each(['month', 'department', 'gender'])(
    'reads the e-mailed questions and e-mail contacts from covering indexes alone, by %s (SQLite)',
    async (groupBy) => {
      if (postgres) return;
      const statistics: unknown = t.app.get(StatisticsSql);
      const reader = (statistics as { sqliteReader: SqliteReadWorker }).sqliteReader;
      const asked = jest.spyOn(reader, 'query');
      try {
        const year = new Date().getUTCFullYear();
        await manager.statistics('email-answers', { from: `${year}-01-01`, to: `${year + 1}-01-01`, groupBy });
        const plans = await Promise.all(
          asked.mock.calls
            .filter(([sql]) => sql.includes('first_response_at') || sql.includes('c.ended_at'))
            .map(async ([sql, values]) => {
              const steps = await db.query<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${sql}`, values);
              return steps.map((step) => step.detail).join('\n');
            }),
        );
        const cases = plans.filter((plan) => plan.includes('IDX_cases_channel_received_at'));
        const contacts = plans.filter((plan) => plan.includes('IDX_contacts_statistics_outcome'));
        expect(cases.length).toBeGreaterThan(0);
        expect(contacts.length).toBeGreaterThan(0);
        expect(cases.length + contacts.length).toBe(plans.length);
        for (const plan of cases)
          expect(plan).toContain(
            'COVERING INDEX IDX_cases_channel_received_at (channel=? AND catalog_code=? AND received_at>? AND received_at<?)',
          );
        for (const plan of contacts)
          expect(plan).toContain(
            'COVERING INDEX IDX_contacts_statistics_outcome (outcome=? AND started_at>? AND started_at<?)',
          );
      } finally {
        asked.mockRestore();
      }
    },
  );
});
