import { ApiClient } from './support/api-client';
import { createTestApp, TestApp } from './support/test-app';

describe('contacts: the service center logs every citizen contact', () => {
  let t: TestApp;
  let agent: ApiClient;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-03-10T09:30:00Z' });
    agent = await ApiClient.login(t, 'agent@demo.local');
  });
  afterAll(() => t.close());

  it('logs a phone contact in one request, with the agent from the token and times defaulting to now', async () => {
    const contact = await agent.logContact({
      channel: 'phone',
      servicePointCode: 'PHONE',
      summary: 'Frågade om sophämtning i jul',
      catalogCode: 'waste_collection_missed',
      outcome: 'answered',
      gender: 'female',
    });
    const me = await agent.me();
    expect(contact).toMatchObject({
      channel: 'phone',
      servicePointCode: 'PHONE',
      agentId: me.id,
      startedAt: '2026-03-10T09:30:00.000Z',
      endedAt: '2026-03-10T09:30:00.000Z',
      durationSeconds: 0,
      outcome: 'answered',
      gender: 'female',
      citizen: null,
    });
  });

  it('keeps the personal identity number out of every answer', async () => {
    const created = await agent.logContact({
      channel: 'visit',
      servicePointCode: 'LIB-EKBACKEN',
      summary: 'Ville ansöka om bygglov för altan',
      outcome: 'referred',
      startedAt: '2026-03-10T08:00:00Z',
      endedAt: '2026-03-10T08:07:30Z',
      citizen: { name: 'Karin Lind', personalNumber: '19811218-9876', gender: 'female' },
    });
    expect(created.durationSeconds).toBe(450);
    expect(created.citizen).toMatchObject({ name: 'Karin Lind', hasPersonalNumber: true, gender: 'female' });
    const list = await agent.contacts();
    const text = JSON.stringify(list) + JSON.stringify(created);
    for (const form of ['198112189876', '19811218-9876', '811218-9876', '8112189876']) expect(text).not.toContain(form);
  });

  it('refuses an identity number with a wrong check digit', async () => {
    const response = await agent
      .logContact({ channel: 'phone', summary: 'x', outcome: 'answered', citizen: { personalNumber: '811218-9875' } })
      .expectStatus(400);
    expect(response.body.message).toEqual([
      'citizen.personalNumber is not a valid Swedish personal identity number: check digit does not match',
    ]);
  });

  it('refuses unknown service points and catalog codes, and an end before the start', async () => {
    const response = await agent
      .logContact({
        channel: 'phone',
        summary: 'x',
        outcome: 'answered',
        servicePointCode: 'MOON',
        catalogCode: 'no_such',
        startedAt: '2026-03-10T09:00:00Z',
        endedAt: '2026-03-10T08:00:00Z',
      })
      .expectStatus(400);
    expect(response.body.message).toEqual(['endedAt must not be before startedAt']);
    const unknown = await agent
      .logContact({
        channel: 'phone',
        summary: 'x',
        outcome: 'answered',
        servicePointCode: 'MOON',
        catalogCode: 'no_such',
      })
      .expectStatus(400);
    expect(unknown.body.message).toEqual([
      'servicePointCode: unknown service point "MOON"',
      'catalogCode: unknown catalog entry "no_such"',
    ]);
  });

  it('lists and filters contacts by period, channel, service point and outcome', async () => {
    for (const [channel, outcome, startedAt, servicePointCode] of [
      ['email', 'answered', '2026-02-01T10:00:00Z', 'EMAIL'],
      ['email', 'case_created', '2026-02-15T10:00:00Z', 'EMAIL'],
      ['phone', 'callback_promised', '2026-02-20T10:00:00Z', 'PHONE'],
      ['phone', 'abandoned', '2026-02-28T23:59:59Z', 'PHONE'],
    ]) {
      // A call logged afterwards gives its end too: it lasted minutes, not until now.
      const endedAt = new Date(Date.parse(startedAt) + 5 * 60_000).toISOString();
      await agent.logContact({ channel, outcome, startedAt, endedAt, servicePointCode, summary: 'Fråga' });
    }
    const february = await agent.contacts({ from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' });
    expect(february.total).toBe(4);
    expect(february.items.map((c) => c.startedAt)).toEqual([
      '2026-02-28T23:59:59.000Z',
      '2026-02-20T10:00:00.000Z',
      '2026-02-15T10:00:00.000Z',
      '2026-02-01T10:00:00.000Z',
    ]);
    const emails = await agent.contacts({ channel: 'email', from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' });
    expect(emails.total).toBe(2);
    const callbacks = await agent.contacts({ outcome: 'callback_promised' });
    expect(callbacks.items.map((c) => c.startedAt)).toEqual(['2026-02-20T10:00:00.000Z']);
    expect((await agent.contacts({ servicePointCode: 'LIB-EKBACKEN' })).total).toBe(1);
    const paged = await agent.contacts({ limit: 2, offset: 1 });
    expect(paged).toMatchObject({ total: 6, limit: 2, offset: 1 });
    expect(paged.items).toHaveLength(2);
  });

  it('rejects a bad filter with 400', async () => {
    const response = await agent.contacts({ channel: 'fax', limit: 0 }).expectStatus(400);
    expect(response.body.message).toHaveLength(2);
  });
});
