import { ApiClient } from './support/api-client';
import { eventually } from './support/eventually';
import { createTestApp, TestApp } from './support/test-app';

const HANDLERS = 20;
const CASES = 15;

describe('claiming the next case of an inbox, many handlers at once', () => {
  let t: TestApp;
  let admin: ApiClient;
  const handlers: Array<{ id: string; staff: ApiClient }> = [];
  const caseIds: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ runJobs: true });
    admin = await ApiClient.login(t, 'admin@demo.local');
    const agent = await ApiClient.login(t, 'agent@demo.local');
    for (let n = 1; n <= HANDLERS; n += 1) {
      const email = `handler${n}.ao@demo.local`;
      const created = await admin.createStaffUser({
        email,
        name: `Handläggare ${n}`,
        password: 'demo-password',
        role: 'handler',
        departmentCodes: ['AO'],
      });
      handlers.push({ id: created.id, staff: await ApiClient.login(t, email) });
    }
    for (let n = 1; n <= CASES; n += 1) {
      const created = await agent.createCase({
        description: `Hemtjänst behövs, ärende ${n}`,
        catalogCode: 'home_care',
      });
      caseIds.push(created.id);
    }
    await eventually(
      async () => ((await admin.inbox('AO', { limit: 100 })).total === CASES ? true : undefined),
      `${CASES} cases routed to AO`,
    );
    // Twenty staff accounts, each with a password hashed at its full cost, then twenty sign-ins.
  }, 180_000);
  afterAll(() => t.close());

  it('gives each of 15 cases to exactly one of 20 handlers claiming together, and tells the other 5 the inbox is empty', async () => {
    const answers = await Promise.all(handlers.map((handler) => handler.staff.claimNext('AO').response()));

    const claimed = answers.filter((answer) => answer.status === 200);
    expect(answers.filter((answer) => answer.status === 204)).toHaveLength(HANDLERS - CASES);
    expect(claimed).toHaveLength(CASES);
    const claimedIds = claimed.map((answer) => ('id' in answer.body ? answer.body.id : undefined));
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
      const claims = (await admin.timeline(id)).filter((event) => event.action === 'claim');
      expect(claims).toHaveLength(1);
    }
    expect((await admin.inbox('AO')).total).toBe(0);
  });
});
