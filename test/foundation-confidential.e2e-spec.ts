import { ApiClient } from './support/api-client';
import { CreatedCase } from './support/api-types';
import { createTestApp, TestApp } from './support/test-app';

describe('confidential cases stay inside the department that owns them', () => {
  let t: TestApp;
  let staff: Record<'agent' | 'tek' | 'soc' | 'manager' | 'admin', ApiClient>;
  let secretCase: CreatedCase;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-09-01T07:00:00Z' });
    const [agent, tek, soc, manager, admin] = await ApiClient.loginAll(
      t,
      'agent@demo.local',
      'handler@demo.local',
      'handler.soc@demo.local',
      'manager@demo.local',
      'admin@demo.local',
    );
    staff = { agent, tek, soc, manager, admin };
    // income_support is confidential in the catalog and owned by social services (SOC).
    secretCase = await agent.createCase({
      description: 'Behöver hjälp med hyran, har blivit uppsagd',
      catalogCode: 'income_support',
      citizen: { name: 'Lena Berg', personalNumber: '121212-1212' },
    });
    await agent.act(secretCase.id, 'route');
  });
  afterAll(() => t.close());

  it('shows the owning department’s handler, managers and admins the content', async () => {
    for (const who of ['soc', 'manager', 'admin'] as const) {
      expect(await staff[who].getCase(secretCase.id)).toMatchObject({
        description: 'Behöver hjälp med hyran, har blivit uppsagd',
        catalogCode: 'income_support',
        confidential: true,
        citizen: { name: 'Lena Berg' },
      });
    }
  });

  it('shows everyone else only that the case exists and where it stands', async () => {
    for (const who of ['agent', 'tek'] as const) {
      expect(await staff[who].getRedactedCase(secretCase.id)).toEqual({
        id: secretCase.id,
        reference: secretCase.reference,
        status: 'routed',
        departmentCode: 'SOC',
        confidential: true,
        redacted: true,
        receivedAt: '2026-09-01T07:00:00.000Z',
        resolvedAt: null,
        closedAt: null,
      });
    }
  });

  it('does not leak content through lists, text search or the timeline', async () => {
    const list = await staff.agent.listCases();
    expect(JSON.stringify(list)).not.toContain('hyran');
    expect(list.items.find((c) => c.id === secretCase.id)).toMatchObject({ redacted: true });
    expect((await staff.tek.listCases({ text: 'hyran' })).total).toBe(0);
    expect((await staff.soc.listCases({ text: 'hyran' })).total).toBe(1);
    const timeline = await staff.agent.timeline(secretCase.id);
    expect(timeline.length).toBe(2);
    expect(timeline.every((e) => e.reason === null && e.body === null && e.data === null)).toBe(true);
  });

  it('does not let outsiders write notes or replies on it', async () => {
    await staff.tek.addNote(secretCase.id, 'x').expectStatus(403);
    await staff.soc.addNote(secretCase.id, 'Bokat möte');
  });

  it('records every read of its content: who and when', async () => {
    const before = await staff.admin.accessLog(secretCase.id);
    t.setNow('2026-09-01T08:30:00Z');
    await staff.soc.getCase(secretCase.id);
    await staff.agent.getRedactedCase(secretCase.id);
    await staff.manager.timeline(secretCase.id);
    const after = await staff.admin.accessLog(secretCase.id);
    const added = after.slice(before.length);
    const socId = (await staff.soc.me()).id;
    const managerId = (await staff.manager.me()).id;
    // The agent's read returned no content, so it is not a read of the content.
    expect(added.map((a) => [a.userId, a.access, a.at])).toEqual([
      [socId, 'read', '2026-09-01T08:30:00.000Z'],
      [managerId, 'timeline', '2026-09-01T08:30:00.000Z'],
    ]);
    await staff.agent.accessLog(secretCase.id).expectStatus(403);
  });

  it('makes a case confidential when the agent says so, whatever its type', async () => {
    const created = await staff.agent.createCase({
      description: 'Skyddad identitet, gatlampa trasig',
      catalogCode: 'street_light',
      confidential: true,
    });
    expect((await staff.tek.getCase(created.id)).description).toBe('Skyddad identitet, gatlampa trasig');
    expect((await staff.soc.getRedactedCase(created.id)).redacted).toBe(true);
  });
});
