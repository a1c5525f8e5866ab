import { DataSource } from 'typeorm';
import { ApiClient } from './support/api-client';
import { createTestApp, TestApp } from './support/test-app';

describe('case reference numbers', () => {
  let t: TestApp;
  let agent: ApiClient;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-12-31T22:00:00Z' });
    agent = await ApiClient.login(t, 'agent@demo.local');
  });
  afterAll(() => t.close());

  const create = () => agent.createCase({ description: 'Snön är inte plogad', catalogCode: 'snow_clearance' });

  it('are unique and gap-free under 40 concurrent intakes', async () => {
    const responses = await Promise.all(Array.from({ length: 40 }, () => create().response()));
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const references = responses.map((r) => ('reference' in r.body ? r.body.reference : undefined)).sort();
    expect(references).toEqual(Array.from({ length: 40 }, (_, i) => `2026-${String(i + 1).padStart(6, '0')}`));
  });

  it('do not burn a number on a rejected intake', async () => {
    await agent.createCase({ description: 'x', catalogCode: 'no_such_type' }).expectStatus(400);
    const next = await create();
    expect(next.reference).toBe('2026-000041');
  });

  it('start again at 1 in the new year, counted in Swedish time', async () => {
    // 23:30 UTC on 31 December is 00:30 on 1 January in Stockholm (UTC+1 in winter).
    t.setNow('2026-12-31T23:30:00Z');
    const first = await create();
    expect(first.reference).toBe('2027-000001');
  });

  it('go on past 999999 with a seventh digit, the number stored on the case as answered', async () => {
    await t.app.get(DataSource).query('UPDATE reference_counters SET last_value = 999998 WHERE year = 2027');
    const last = await create();
    const past = await create();
    expect([last.reference, past.reference]).toEqual(['2027-999999', '2027-1000000']);
    expect((await agent.getCase(past.id)).reference).toBe('2027-1000000');
  });
});
