import { eventually } from './support/eventually';
import { bearer, createTestApp, TestApp } from './support/test-app';

interface TimelineEvent {
  type: string;
  action: string | null;
  topic: string | null;
  actorId: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  data: Record<string, unknown> | null;
}

describe('routing through the queue (in-process driver)', () => {
  let t: TestApp;
  let agent: string;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ runJobs: true });
    agent = await t.login('agent@demo.local');
    admin = await t.login('admin@demo.local');
  });
  afterAll(() => t.close());

  const createCase = async (body: object) =>
    (await t.http().post('/api/v1/cases').set(bearer(agent)).send(body).expect(201)).body as {
      id: string;
      status: string;
    };
  const readCase = async (id: string) =>
    (await t.http().get(`/api/v1/cases/${id}`).set(bearer(admin)).expect(200)).body;
  const timeline = async (id: string) =>
    (await t.http().get(`/api/v1/cases/${id}/timeline`).set(bearer(admin)).expect(200)).body as TimelineEvent[];
  const inbox = async (code: string, token = admin, query = '') =>
    (await t.http().get(`/api/v1/departments/${code}/inbox${query}`).set(bearer(token)).expect(200)).body;
  const routed = (id: string) =>
    eventually(
      async () => ((await readCase(id)).status === 'routed' ? readCase(id) : undefined),
      `case ${id} to be routed`,
    );
  const routingEvents = async (id: string) =>
    (await timeline(id)).filter(
      (event) =>
        (event.type === 'status' && event.action === 'route' && event.actorId === null) ||
        (event.type === 'notice' && event.topic === 'routing'),
    );

  it("brings a case created through the API to the inbox of its type's department, routed by the system", async () => {
    const created = await createCase({
      description: 'Gatlampan utanför Storgatan 12 är släckt',
      catalogCode: 'street_light',
    });
    expect(created.status).toBe('triaged');
    expect(await routed(created.id)).toMatchObject({ status: 'routed', departmentCode: 'TEK', assigneeId: null });
    const [routing] = await routingEvents(created.id);
    expect(routing).toMatchObject({
      actorId: null,
      fromStatus: 'triaged',
      toStatus: 'routed',
      data: { departmentCode: 'TEK', rule: 'catalog', ruleId: null, catalogCode: 'street_light' },
    });
    const handler = await t.login('handler@demo.local');
    const tekInbox = await inbox('TEK', handler);
    expect(tekInbox.items.find((item: { id: string }) => item.id === created.id)).toMatchObject({
      status: 'routed',
      departmentCode: 'TEK',
      redacted: false,
    });
    expect(tekInbox.items[0]).toHaveProperty('dueAt');
  });

  it('sends a type to another department by area: postal-code prefix or district; admins keep the rules', async () => {
    for (const code of ['GATA-OST', 'GATA-SYD'])
      await t
        .http()
        .post('/api/v1/departments')
        .set(bearer(admin))
        .send({ code, name: `Gata ${code}` })
        .expect(201);
    const east = await t
      .http()
      .post('/api/v1/routing/area-rules')
      .set(bearer(admin))
      .send({
        catalogCode: 'snow_clearance',
        postalCodePrefix: '1394',
        departmentCode: 'GATA-OST',
        note: 'Öster om ån',
      })
      .expect(201);
    const south = await t
      .http()
      .post('/api/v1/routing/area-rules')
      .set(bearer(admin))
      .send({ catalogCode: 'snow_clearance', district: 'Lövudden', departmentCode: 'GATA-SYD' })
      .expect(201);
    expect(east.body).toMatchObject({
      catalogCode: 'snow_clearance',
      postalCodePrefix: '1394',
      district: null,
      departmentCode: 'GATA-OST',
      priority: 0,
    });

    const inEast = await createCase({
      description: 'Oplogat',
      catalogCode: 'snow_clearance',
      location: { address: 'Åvägen 3', postalCode: '139 41' },
    });
    const inSouth = await createCase({
      description: 'Oplogat',
      catalogCode: 'snow_clearance',
      location: { address: 'Strandvägen 8, Lövudden' },
    });
    const elsewhere = await createCase({
      description: 'Oplogat',
      catalogCode: 'snow_clearance',
      location: { address: 'Storgatan 1', postalCode: '139 30' },
    });
    expect((await routed(inEast.id)).departmentCode).toBe('GATA-OST');
    expect((await routed(inSouth.id)).departmentCode).toBe('GATA-SYD');
    expect((await routed(elsewhere.id)).departmentCode).toBe('TEK');
    expect((await routingEvents(inEast.id))[0].data).toMatchObject({
      departmentCode: 'GATA-OST',
      rule: 'area',
      ruleId: east.body.id,
    });
    expect((await routingEvents(inSouth.id))[0].data).toMatchObject({ rule: 'area', ruleId: south.body.id });
    expect((await routingEvents(elsewhere.id))[0].data).toMatchObject({ rule: 'catalog' });
    expect((await inbox('GATA-OST')).items.map((item: { id: string }) => item.id)).toEqual([inEast.id]);

    const listed = await t
      .http()
      .get('/api/v1/routing/area-rules?catalogCode=snow_clearance')
      .set(bearer(admin))
      .expect(200);
    expect(listed.body.map((rule: { id: string }) => rule.id).sort()).toEqual([east.body.id, south.body.id].sort());
    await t.http().delete(`/api/v1/routing/area-rules/${east.body.id}`).set(bearer(admin)).expect(204);
    await t.http().delete(`/api/v1/routing/area-rules/${east.body.id}`).set(bearer(admin)).expect(404);
    const afterDelete = await createCase({
      description: 'Oplogat igen',
      catalogCode: 'snow_clearance',
      location: { postalCode: '139 41' },
    });
    expect((await routed(afterDelete.id)).departmentCode).toBe('TEK');
  });

  it('refuses area rules that name no area or both, unknown references, and callers who are not admins', async () => {
    const post = (body: object, token = admin) =>
      t.http().post('/api/v1/routing/area-rules').set(bearer(token)).send(body);
    const neither = await post({ catalogCode: 'snow_clearance', departmentCode: 'TEK' }).expect(400);
    expect(neither.body.message).toEqual([
      'postalCodePrefix: give either a postal-code prefix or a district, not both and not neither',
    ]);
    await post({
      catalogCode: 'snow_clearance',
      departmentCode: 'TEK',
      postalCodePrefix: '13',
      district: 'Lövudden',
    }).expect(400);
    const unknown = await post({ catalogCode: 'no_such_type', departmentCode: 'NOPE', postalCodePrefix: '13' }).expect(
      400,
    );
    expect(unknown.body.message).toEqual([
      'catalogCode: unknown catalog entry "no_such_type"',
      'departmentCode: unknown department "NOPE"',
    ]);
    await post({ catalogCode: 'snow_clearance', departmentCode: 'TEK', postalCodePrefix: '13' }, agent).expect(403);
    await t.http().get('/api/v1/routing/area-rules').expect(401);
  });

  it('sends every case of a type elsewhere while a routing override stands', async () => {
    const override = await t
      .http()
      .post('/api/v1/routing/overrides')
      .set(bearer(admin))
      .send({ catalogCode: 'fallen_tree', departmentCode: 'VA', reason: 'Stormen: VA tar träden denna vecka' })
      .expect(201);
    await t
      .http()
      .post('/api/v1/routing/overrides')
      .set(bearer(admin))
      .send({ catalogCode: 'fallen_tree', departmentCode: 'TEK', reason: 'Dubbel' })
      .expect(409);
    const during = await createCase({ description: 'Träd över vägen', catalogCode: 'fallen_tree' });
    expect((await routed(during.id)).departmentCode).toBe('VA');
    expect((await routingEvents(during.id))[0].data).toMatchObject({
      departmentCode: 'VA',
      rule: 'override',
      ruleId: override.body.id,
    });
    await t.http().delete(`/api/v1/routing/overrides/${override.body.id}`).set(bearer(admin)).expect(204);
    const after = await createCase({ description: 'Gren på cykelbanan', catalogCode: 'fallen_tree' });
    expect((await routed(after.id)).departmentCode).toBe('TEK');
  });

  it("does not route types the service center handles itself: they wait in the service center's inbox", async () => {
    const created = await createCase({ description: 'Varför är fakturan så hög?', catalogCode: 'water_bill' });
    const [kept] = await eventually(async () => {
      const events = await routingEvents(created.id);
      return events.length ? events : undefined;
    }, 'the routing decision');
    expect(kept).toMatchObject({
      actorId: null,
      fromStatus: null,
      toStatus: null,
      data: { rule: 'service_center', routed: false, departmentCode: 'SC' },
    });
    expect(await readCase(created.id)).toMatchObject({ status: 'triaged', departmentCode: 'VA' });
    expect((await inbox('SC', agent)).items.map((item: { id: string }) => item.id)).toContain(created.id);
    expect((await inbox('VA')).items.map((item: { id: string }) => item.id)).not.toContain(created.id);
  });

  it('leaves a case without a type for an agent, and routes it once the agent has triaged it', async () => {
    const created = await createCase({ description: 'Det är något konstigt med vägen' });
    expect(created.status).toBe('new');
    const triage = await eventually(
      async () => (await timeline(created.id)).find((event) => event.type === 'notice' && event.topic === 'triage'),
      'the triage note',
    );
    expect(triage).toMatchObject({
      actorId: null,
      fromStatus: null,
      toStatus: null,
      data: { outcome: 'left_for_agent', suggestedCatalogCode: null, confidence: null },
    });
    expect((await readCase(created.id)).status).toBe('new');
    expect((await inbox('SC', agent)).items.map((item: { id: string }) => item.id)).toContain(created.id);

    await t
      .http()
      .post(`/api/v1/cases/${created.id}/triage`)
      .set(bearer(agent))
      .send({ catalogCode: 'pothole' })
      .expect(200);
    expect((await routed(created.id)).departmentCode).toBe('TEK');
    expect(await routingEvents(created.id)).toHaveLength(1);
  });

  it('orders an inbox by urgency, then by time received, and pages through it', async () => {
    const ids: Record<string, string> = {};
    for (const [name, priority] of [
      ['low', 'low'],
      ['urgent', 'urgent'],
      ['normal1', 'normal'],
      ['high', 'high'],
      ['normal2', 'normal'],
    ]) {
      ids[name] = (await createCase({ description: `Buller ${name}`, catalogCode: 'noise', priority })).id;
      await routed(ids[name]);
    }
    const all = await inbox('MHF');
    expect(all.total).toBe(5);
    expect(all.items.map((item: { id: string }) => item.id)).toEqual([
      ids.urgent,
      ids.high,
      ids.normal1,
      ids.normal2,
      ids.low,
    ]);
    expect(all.items.map((item: { priority: string }) => item.priority)).toEqual([
      'urgent',
      'high',
      'normal',
      'normal',
      'low',
    ]);
    const page = await inbox('MHF', admin, '?limit=2&offset=1');
    expect(page).toMatchObject({ total: 5, limit: 2, offset: 1 });
    expect(page.items.map((item: { id: string }) => item.id)).toEqual([ids.high, ids.normal1]);
  });

  it('shows an inbox to its handlers, managers and admins, the service center inbox to agents, and no one else', async () => {
    const handler = await t.login('handler@demo.local');
    const manager = await t.login('manager@demo.local');
    await t.http().get('/api/v1/departments/TEK/inbox').set(bearer(handler)).expect(200);
    const refused = await t.http().get('/api/v1/departments/VA/inbox').set(bearer(handler)).expect(403);
    expect(refused.body.message).toBe('A handler sees the inboxes of their own departments only');
    await t.http().get('/api/v1/departments/TEK/inbox').set(bearer(agent)).expect(403);
    await t.http().get('/api/v1/departments/SC/inbox').set(bearer(agent)).expect(200);
    await t.http().get('/api/v1/departments/SOC/inbox').set(bearer(manager)).expect(200);
    await t.http().get('/api/v1/departments/NOPE/inbox').set(bearer(admin)).expect(404);
    await t.http().get('/api/v1/departments/TEK/inbox').expect(401);
  });

  it("puts a case a department returns into the service center's inbox, out of the department's", async () => {
    const handler = await t.login('handler@demo.local');
    const created = await createCase({ description: 'Hål i gatan', catalogCode: 'pothole' });
    await routed(created.id);
    await t
      .http()
      .post(`/api/v1/cases/${created.id}/return`)
      .set(bearer(handler))
      .send({ reason: 'Privat väg, inte vår' })
      .expect(200);
    const sc = await inbox('SC', agent);
    expect(sc.items.find((item: { id: string }) => item.id === created.id)).toMatchObject({
      status: 'returned',
      departmentCode: 'TEK',
      returnCount: 1,
    });
    expect((await inbox('TEK', handler)).items.map((item: { id: string }) => item.id)).not.toContain(created.id);
  });

  it('gives a handler the most urgent case of the inbox, then the next, then 204 when none is left', async () => {
    const handler = await t.login('handler.sbf@demo.local');
    const normal = await createCase({ description: 'Bygglov för altan', catalogCode: 'building_permit' });
    const urgent = await createCase({
      description: 'Olovligt bygge, rasrisk',
      catalogCode: 'illegal_construction',
      priority: 'urgent',
    });
    await routed(normal.id);
    await routed(urgent.id);
    const next = () => t.http().post('/api/v1/departments/SBF/inbox/next').set(bearer(handler)).send();
    const first = await next().expect(200);
    expect(first.body).toMatchObject({ id: urgent.id, status: 'in_progress', departmentCode: 'SBF' });
    expect(first.body.assigneeId).toEqual(expect.any(String));
    expect((await next().expect(200)).body.id).toBe(normal.id);
    const empty = await next().expect(204);
    expect(empty.body).toEqual({});
    const claim = (await timeline(urgent.id)).find((event) => event.type === 'status' && event.action === 'claim');
    expect(claim).toMatchObject({
      actorId: first.body.assigneeId,
      fromStatus: 'routed',
      toStatus: 'in_progress',
      data: { via: 'inbox' },
    });
    expect((await inbox('SBF', handler)).total).toBe(0);

    await t.http().post('/api/v1/departments/SC/inbox/next').set(bearer(agent)).send().expect(403);
    await t.http().post('/api/v1/departments/VA/inbox/next').set(bearer(handler)).send().expect(403);
  });
});
