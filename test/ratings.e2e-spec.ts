import { caseSteps, logContact } from './statistics-fixtures';
import { ApiClient } from './support/api-client';
import { createTestApp, TestApp } from './support/test-app';

describe('citizen ratings (POST /api/v1/ratings)', () => {
  let t: TestApp;
  let agent: ApiClient;
  let handler: ApiClient;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-05-05T08:00:00Z' });
    [agent, handler] = await ApiClient.loginAll(t, 'agent@demo.local', 'handler@demo.local');
  });
  afterAll(() => t.close());

  it("records a rating of a contact, copying channel, service point, gender and the logging staff member's department", async () => {
    const contactId = await logContact(handler, {
      channel: 'visit',
      servicePointCode: 'DESK',
      outcome: 'answered',
      gender: 'male',
    });
    expect(await agent.rate({ contactId, ease: 5, treatment: 4 })).toMatchObject({
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
    expect(await agent.rate({ caseId, clarity: 2 })).toMatchObject({
      caseId,
      clarity: 2,
      channel: 'web',
      departmentCode: 'VA',
      gender: 'female',
    });
  });

  it('keeps a confidential case to its department, and answers 404 for an unknown subject', async () => {
    const caseId = await caseSteps(t).create('2026-05-05T08:20:00Z', agent, {
      catalogCode: 'income_support',
      channel: 'phone',
    });
    await handler.rate({ caseId, treatment: 5 }).expectStatus(403);
    await agent.rate({ contactId: '00000000-0000-4000-8000-000000000000', ease: 3 }).expectStatus(404);
    await ApiClient.anonymous(t).rate({ caseId, treatment: 5 }).expectStatus(401);
  });
});
