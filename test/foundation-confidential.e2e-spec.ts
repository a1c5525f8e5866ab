import { bearer, createTestApp, TestApp } from './support/test-app';

describe('confidential cases stay inside the department that owns them', () => {
  let t: TestApp;
  let tokens: Record<'agent' | 'tek' | 'soc' | 'manager' | 'admin', string>;
  let secretCase: { id: string; reference: string };

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-09-01T07:00:00Z' });
    const [agent, tek, soc, manager, admin] = await Promise.all(
      [
        'agent@demo.local',
        'handler@demo.local',
        'handler.soc@demo.local',
        'manager@demo.local',
        'admin@demo.local',
      ].map((e) => t.login(e)),
    );
    tokens = { agent, tek, soc, manager, admin };
    // income_support is confidential in the catalog and owned by social services (SOC).
    const response = await t
      .http()
      .post('/api/v1/cases')
      .set(bearer(agent))
      .send({
        description: 'Behöver hjälp med hyran, har blivit uppsagd',
        catalogCode: 'income_support',
        citizen: { name: 'Lena Berg', personalNumber: '121212-1212' },
      })
      .expect(201);
    secretCase = response.body;
    await t.http().post(`/api/v1/cases/${secretCase.id}/route`).set(bearer(agent)).send({}).expect(200);
  });
  afterAll(() => t.close());

  const read = (who: keyof typeof tokens) =>
    t.http().get(`/api/v1/cases/${secretCase.id}`).set(bearer(tokens[who])).expect(200);

  it('shows the owning department’s handler, managers and admins the content', async () => {
    for (const who of ['soc', 'manager', 'admin'] as const) {
      const response = await read(who);
      expect(response.body).toMatchObject({
        description: 'Behöver hjälp med hyran, har blivit uppsagd',
        catalogCode: 'income_support',
        confidential: true,
        citizen: { name: 'Lena Berg' },
      });
    }
  });

  it('shows everyone else only that the case exists and where it stands', async () => {
    for (const who of ['agent', 'tek'] as const) {
      const response = await read(who);
      expect(response.body).toEqual({
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
    const list = await t.http().get('/api/v1/cases').set(bearer(tokens.agent)).expect(200);
    expect(JSON.stringify(list.body)).not.toContain('hyran');
    expect(list.body.items.find((c: { id: string }) => c.id === secretCase.id)).toMatchObject({ redacted: true });
    const search = await t.http().get('/api/v1/cases?text=hyran').set(bearer(tokens.tek)).expect(200);
    expect(search.body.total).toBe(0);
    const ownSearch = await t.http().get('/api/v1/cases?text=hyran').set(bearer(tokens.soc)).expect(200);
    expect(ownSearch.body.total).toBe(1);
    const timeline = await t
      .http()
      .get(`/api/v1/cases/${secretCase.id}/timeline`)
      .set(bearer(tokens.agent))
      .expect(200);
    expect(timeline.body.length).toBe(2);
    expect(
      timeline.body.every(
        (e: { reason: unknown; body: unknown; data: unknown }) =>
          e.reason === null && e.body === null && e.data === null,
      ),
    ).toBe(true);
  });

  it('does not let outsiders write notes or replies on it', async () => {
    await t.http().post(`/api/v1/cases/${secretCase.id}/notes`).set(bearer(tokens.tek)).send({ body: 'x' }).expect(403);
    await t
      .http()
      .post(`/api/v1/cases/${secretCase.id}/notes`)
      .set(bearer(tokens.soc))
      .send({ body: 'Bokat möte' })
      .expect(201);
  });

  it('records every read of its content: who and when', async () => {
    const before = await t
      .http()
      .get(`/api/v1/cases/${secretCase.id}/access-log`)
      .set(bearer(tokens.admin))
      .expect(200);
    t.setNow('2026-09-01T08:30:00Z');
    await read('soc');
    await read('agent');
    await t.http().get(`/api/v1/cases/${secretCase.id}/timeline`).set(bearer(tokens.manager)).expect(200);
    const after = await t.http().get(`/api/v1/cases/${secretCase.id}/access-log`).set(bearer(tokens.admin)).expect(200);
    const added = after.body.slice(before.body.length);
    const socId = (await t.http().get('/api/v1/auth/me').set(bearer(tokens.soc))).body.id;
    const managerId = (await t.http().get('/api/v1/auth/me').set(bearer(tokens.manager))).body.id;
    // The agent's read returned no content, so it is not a read of the content.
    expect(added.map((a: { userId: string; access: string; at: string }) => [a.userId, a.access, a.at])).toEqual([
      [socId, 'read', '2026-09-01T08:30:00.000Z'],
      [managerId, 'timeline', '2026-09-01T08:30:00.000Z'],
    ]);
    await t.http().get(`/api/v1/cases/${secretCase.id}/access-log`).set(bearer(tokens.agent)).expect(403);
  });

  it('makes a case confidential when the agent says so, whatever its type', async () => {
    const response = await t
      .http()
      .post('/api/v1/cases')
      .set(bearer(tokens.agent))
      .send({ description: 'Skyddad identitet, gatlampa trasig', catalogCode: 'street_light', confidential: true })
      .expect(201);
    const asTek = await t.http().get(`/api/v1/cases/${response.body.id}`).set(bearer(tokens.tek)).expect(200);
    expect(asTek.body.description).toBe('Skyddad identitet, gatlampa trasig');
    const asSoc = await t.http().get(`/api/v1/cases/${response.body.id}`).set(bearer(tokens.soc)).expect(200);
    expect(asSoc.body.redacted).toBe(true);
  });
});
