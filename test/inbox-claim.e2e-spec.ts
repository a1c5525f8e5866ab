import { eventually } from './support/eventually';
import { bearer, createTestApp, TestApp } from './support/test-app';

const HANDLERS = 20;
const CASES = 15;

describe('claiming the next case of an inbox, many handlers at once', () => {
  let t: TestApp;
  let admin: string;
  const handlers: Array<{ id: string; token: string }> = [];
  const caseIds: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ runJobs: true });
    admin = await t.login('admin@demo.local');
    const agent = await t.login('agent@demo.local');
    for (let n = 1; n <= HANDLERS; n += 1) {
      const email = `handler${n}.ao@demo.local`;
      const created = await t
        .http()
        .post('/api/v1/staff')
        .set(bearer(admin))
        .send({ email, name: `Handläggare ${n}`, password: 'demo-password', role: 'handler', departmentCodes: ['AO'] })
        .expect(201);
      handlers.push({ id: created.body.id, token: await t.login(email) });
    }
    for (let n = 1; n <= CASES; n += 1) {
      const created = await t
        .http()
        .post('/api/v1/cases')
        .set(bearer(agent))
        .send({ description: `Hemtjänst behövs, ärende ${n}`, catalogCode: 'home_care' })
        .expect(201);
      caseIds.push(created.body.id);
    }
    await eventually(async () => {
      const inbox = await t.http().get('/api/v1/departments/AO/inbox?limit=100').set(bearer(admin)).expect(200);
      return inbox.body.total === CASES ? true : undefined;
    }, `${CASES} cases routed to AO`);
  });
  afterAll(() => t.close());

  it('gives each of 15 cases to exactly one of 20 handlers claiming together, and tells the other 5 the inbox is empty', async () => {
    const answers = await Promise.all(
      handlers.map((handler) => t.http().post('/api/v1/departments/AO/inbox/next').set(bearer(handler.token)).send()),
    );

    const claimed = answers.filter((answer) => answer.status === 200);
    expect(answers.filter((answer) => answer.status === 204)).toHaveLength(HANDLERS - CASES);
    expect(claimed).toHaveLength(CASES);
    const claimedIds = claimed.map((answer) => answer.body.id as string);
    expect(new Set(claimedIds).size).toBe(CASES);
    expect([...claimedIds].sort()).toEqual([...caseIds].sort());

    // Each answer is the case as the caller now holds it.
    for (const [index, answer] of answers.entries()) {
      if (answer.status !== 200) continue;
      expect(answer.body).toMatchObject({
        status: 'in_progress',
        assigneeId: handlers[index].id,
        departmentCode: 'AO',
      });
    }
    for (const id of caseIds) {
      const timeline = await t.http().get(`/api/v1/cases/${id}/timeline`).set(bearer(admin)).expect(200);
      const claims = timeline.body.filter((event: { action: string | null }) => event.action === 'claim');
      expect(claims).toHaveLength(1);
    }
    const inbox = await t.http().get('/api/v1/departments/AO/inbox').set(bearer(admin)).expect(200);
    expect(inbox.body.total).toBe(0);
  });
});
