import { caseSteps, logContact } from './statistics-fixtures';
import { bearer, createTestApp, TestApp } from './support/test-app';

describe('citizen ratings (POST /api/v1/ratings)', () => {
  let t: TestApp;
  let agent: string;
  let handler: string;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-05-05T08:00:00Z' });
    [agent, handler] = await Promise.all(['agent@demo.local', 'handler@demo.local'].map((email) => t.login(email)));
  });
  afterAll(() => t.close());

  it("records a rating of a contact, copying channel, service point, gender and the logging staff member's department", async () => {
    const contactId = await logContact(t, handler, {
      channel: 'visit',
      servicePointCode: 'DESK',
      outcome: 'answered',
      gender: 'male',
    });
    const response = await t
      .http()
      .post('/api/v1/ratings')
      .set(bearer(agent))
      .send({ contactId, ease: 5, treatment: 4 })
      .expect(201);
    expect(response.body).toMatchObject({
      contactId,
      caseId: null,
      ease: 5,
      treatment: 4,
      clarity: null,
      channel: 'visit',
      departmentCode: 'TEK',
      servicePointCode: 'DESK',
      gender: 'male',
      source: 'staff',
      ratedAt: '2026-05-05T08:00:00.000Z',
    });
  });

  it("records a rating of a case for the case's department", async () => {
    const caseId = await caseSteps(t).create('2026-05-05T08:10:00Z', agent, {
      catalogCode: 'water_leak',
      channel: 'web',
      citizen: { name: 'Eva', gender: 'female' },
    });
    const response = await t.http().post('/api/v1/ratings').set(bearer(agent)).send({ caseId, clarity: 2 }).expect(201);
    expect(response.body).toMatchObject({ caseId, clarity: 2, channel: 'web', departmentCode: 'VA', gender: 'female' });
  });

  it('keeps a confidential case to its department, and answers 404 for an unknown subject', async () => {
    const caseId = await caseSteps(t).create('2026-05-05T08:20:00Z', agent, {
      catalogCode: 'income_support',
      channel: 'phone',
    });
    await t.http().post('/api/v1/ratings').set(bearer(handler)).send({ caseId, treatment: 5 }).expect(403);
    await t
      .http()
      .post('/api/v1/ratings')
      .set(bearer(agent))
      .send({ contactId: '00000000-0000-4000-8000-000000000000', ease: 3 })
      .expect(404);
    await t.http().post('/api/v1/ratings').send({ caseId, treatment: 5 }).expect(401);
  });
});
