import { bearer, createTestApp, TestApp } from './support/test-app';

describe('contacts: the service center logs every citizen contact', () => {
  let t: TestApp;
  let agent: string;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-03-10T09:30:00Z' });
    agent = await t.login('agent@demo.local');
  });
  afterAll(() => t.close());

  it('logs a phone contact in one request, with the agent from the token and times defaulting to now', async () => {
    const response = await t
      .http()
      .post('/api/v1/contacts')
      .set(bearer(agent))
      .send({
        channel: 'phone',
        servicePointCode: 'PHONE',
        summary: 'Frågade om sophämtning i jul',
        catalogCode: 'waste_collection_missed',
        outcome: 'answered',
        gender: 'female',
      })
      .expect(201);
    const me = await t.http().get('/api/v1/auth/me').set(bearer(agent));
    expect(response.body).toMatchObject({
      channel: 'phone',
      servicePointCode: 'PHONE',
      agentId: me.body.id,
      startedAt: '2026-03-10T09:30:00.000Z',
      endedAt: '2026-03-10T09:30:00.000Z',
      durationSeconds: 0,
      outcome: 'answered',
      gender: 'female',
      citizen: null,
    });
  });

  it('keeps the personal identity number out of every answer', async () => {
    const created = await t
      .http()
      .post('/api/v1/contacts')
      .set(bearer(agent))
      .send({
        channel: 'visit',
        servicePointCode: 'LIB-EKBACKEN',
        summary: 'Ville ansöka om bygglov för altan',
        outcome: 'referred',
        startedAt: '2026-03-10T08:00:00Z',
        endedAt: '2026-03-10T08:07:30Z',
        citizen: { name: 'Karin Lind', personalNumber: '19811218-9876', gender: 'female' },
      })
      .expect(201);
    expect(created.body.durationSeconds).toBe(450);
    expect(created.body.citizen).toMatchObject({ name: 'Karin Lind', hasPersonalNumber: true, gender: 'female' });
    const list = await t.http().get('/api/v1/contacts').set(bearer(agent)).expect(200);
    const text = JSON.stringify(list.body) + JSON.stringify(created.body);
    for (const form of ['198112189876', '19811218-9876', '811218-9876', '8112189876']) expect(text).not.toContain(form);
  });

  it('refuses an identity number with a wrong check digit', async () => {
    const response = await t
      .http()
      .post('/api/v1/contacts')
      .set(bearer(agent))
      .send({ channel: 'phone', summary: 'x', outcome: 'answered', citizen: { personalNumber: '811218-9875' } })
      .expect(400);
    expect(response.body.message).toEqual([
      'citizen.personalNumber is not a valid Swedish personal identity number: check digit does not match',
    ]);
  });

  it('refuses unknown service points and catalog codes, and an end before the start', async () => {
    const response = await t
      .http()
      .post('/api/v1/contacts')
      .set(bearer(agent))
      .send({
        channel: 'phone',
        summary: 'x',
        outcome: 'answered',
        servicePointCode: 'MOON',
        catalogCode: 'no_such',
        startedAt: '2026-03-10T09:00:00Z',
        endedAt: '2026-03-10T08:00:00Z',
      })
      .expect(400);
    expect(response.body.message).toEqual(['endedAt must not be before startedAt']);
    const unknown = await t
      .http()
      .post('/api/v1/contacts')
      .set(bearer(agent))
      .send({ channel: 'phone', summary: 'x', outcome: 'answered', servicePointCode: 'MOON', catalogCode: 'no_such' })
      .expect(400);
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
      await t
        .http()
        .post('/api/v1/contacts')
        .set(bearer(agent))
        .send({ channel, outcome, startedAt, servicePointCode, summary: 'Fråga' })
        .expect(201);
    }
    const february = await t
      .http()
      .get('/api/v1/contacts?from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z')
      .set(bearer(agent))
      .expect(200);
    expect(february.body.total).toBe(4);
    expect(february.body.items.map((c: { startedAt: string }) => c.startedAt)).toEqual([
      '2026-02-28T23:59:59.000Z',
      '2026-02-20T10:00:00.000Z',
      '2026-02-15T10:00:00.000Z',
      '2026-02-01T10:00:00.000Z',
    ]);
    const emails = await t
      .http()
      .get('/api/v1/contacts?channel=email&from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z')
      .set(bearer(agent))
      .expect(200);
    expect(emails.body.total).toBe(2);
    const callbacks = await t.http().get('/api/v1/contacts?outcome=callback_promised').set(bearer(agent)).expect(200);
    expect(callbacks.body.items.map((c: { startedAt: string }) => c.startedAt)).toEqual(['2026-02-20T10:00:00.000Z']);
    const branch = await t.http().get('/api/v1/contacts?servicePointCode=LIB-EKBACKEN').set(bearer(agent)).expect(200);
    expect(branch.body.total).toBe(1);
    const paged = await t.http().get('/api/v1/contacts?limit=2&offset=1').set(bearer(agent)).expect(200);
    expect(paged.body).toMatchObject({ total: 6, limit: 2, offset: 1 });
    expect(paged.body.items).toHaveLength(2);
  });

  it('rejects a bad filter with 400', async () => {
    const response = await t.http().get('/api/v1/contacts?channel=fax&limit=0').set(bearer(agent)).expect(400);
    expect(response.body.message).toHaveLength(2);
  });
});
