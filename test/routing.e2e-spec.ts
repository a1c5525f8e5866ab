import { DataSource } from 'typeorm';
import { CaseRoutingService } from '../src/routing/case-routing.service';
import { ApiClient } from './support/api-client';
import { NewAreaRule, NewCase, PageQuery } from './support/api-types';
import { eventually } from './support/eventually';
import { statementsDuring } from './support/statements';
import { createTestApp, TestApp } from './support/test-app';

/** Monday 4 May 2026, 10:00 in Stockholm (UTC+2): the due times below are counted from here. */
const MONDAY_10 = '2026-05-04T08:00:00Z';

describe('routing through the queue (in-process driver)', () => {
  let t: TestApp;
  let agent: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp({ runJobs: true, now: MONDAY_10 });
    [agent, admin] = await ApiClient.loginAll(t, 'agent@demo.local', 'admin@demo.local');
  });
  afterAll(() => t.close());

  const createCase = (body: NewCase) => agent.createCase(body);
  const readCase = (id: string) => admin.getCase(id);
  const timeline = (id: string) => admin.timeline(id);
  const inbox = (code: string, staff = admin, query: PageQuery = {}) => staff.inbox(code, query);
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
    const handler = await ApiClient.login(t, 'handler@demo.local');
    const tekInbox = await inbox('TEK', handler);
    expect(tekInbox.items.find((item) => item.id === created.id)).toMatchObject({
      status: 'routed',
      departmentCode: 'TEK',
      redacted: false,
    });
    // Received Mon 4 May 10:00; a street light is resolved within 10 working days: Tue 5 (1), Wed 6,
    // Thu 7, Fri 8, Mon 11 (5), Tue 12, Wed 13, [Thu 14 Ascension Day], Fri 15, Mon 18, Tue 19 May (10),
    // by its 16:30 close = 14:30Z.
    expect(tekInbox.items[0].dueAt).toBe('2026-05-19T14:30:00.000Z');
  });

  it('sends a type to another department by area: postal-code prefix or district; admins keep the rules', async () => {
    for (const code of ['GATA-OST', 'GATA-SYD']) await admin.createDepartment({ code, name: `Gata ${code}` });
    const east = await admin.createAreaRule({
      catalogCode: 'snow_clearance',
      postalCodePrefix: '1394',
      departmentCode: 'GATA-OST',
      note: 'Öster om ån',
    });
    const south = await admin.createAreaRule({
      catalogCode: 'snow_clearance',
      district: 'Lövudden',
      departmentCode: 'GATA-SYD',
    });
    expect(east).toMatchObject({
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
      ruleId: east.id,
    });
    expect((await routingEvents(inSouth.id))[0].data).toMatchObject({ rule: 'area', ruleId: south.id });
    expect((await routingEvents(elsewhere.id))[0].data).toMatchObject({ rule: 'catalog' });
    expect((await inbox('GATA-OST')).items.map((item) => item.id)).toEqual([inEast.id]);

    const listed = await admin.areaRules({ catalogCode: 'snow_clearance' });
    expect(listed.map((rule) => rule.id).sort()).toEqual([east.id, south.id].sort());
    await admin.deleteAreaRule(east.id);
    await admin.deleteAreaRule(east.id).expectStatus(404);
    const afterDelete = await createCase({
      description: 'Oplogat igen',
      catalogCode: 'snow_clearance',
      location: { postalCode: '139 41' },
    });
    expect((await routed(afterDelete.id)).departmentCode).toBe('TEK');
  });

  it('refuses area rules that name no area or both, unknown references, and callers who are not admins', async () => {
    const post = (body: NewAreaRule, staff = admin) => staff.createAreaRule(body);
    const neither = await post({ catalogCode: 'snow_clearance', departmentCode: 'TEK' }).expectStatus(400);
    expect(neither.body.message).toEqual([
      'postalCodePrefix: give either a postal-code prefix or a district, not both and not neither',
    ]);
    await post({
      catalogCode: 'snow_clearance',
      departmentCode: 'TEK',
      postalCodePrefix: '13',
      district: 'Lövudden',
    }).expectStatus(400);
    const unknown = await post({
      catalogCode: 'no_such_type',
      departmentCode: 'NOPE',
      postalCodePrefix: '13',
    }).expectStatus(400);
    expect(unknown.body.message).toEqual([
      'catalogCode: unknown catalog entry "no_such_type"',
      'departmentCode: unknown department "NOPE"',
    ]);
    await post({ catalogCode: 'snow_clearance', departmentCode: 'TEK', postalCodePrefix: '13' }, agent).expectStatus(
      403,
    );
    await ApiClient.anonymous(t).areaRules().expectStatus(401);
  });

  it('sends every case of a type elsewhere while a routing override stands', async () => {
    const override = await admin.createRoutingOverride({
      catalogCode: 'fallen_tree',
      departmentCode: 'VA',
      reason: 'Stormen: VA tar träden denna vecka',
    });
    await admin
      .createRoutingOverride({ catalogCode: 'fallen_tree', departmentCode: 'TEK', reason: 'Dubbel' })
      .expectStatus(409);
    const during = await createCase({ description: 'Träd över vägen', catalogCode: 'fallen_tree' });
    expect((await routed(during.id)).departmentCode).toBe('VA');
    expect((await routingEvents(during.id))[0].data).toMatchObject({
      departmentCode: 'VA',
      rule: 'override',
      ruleId: override.id,
    });
    await admin.deleteRoutingOverride(override.id);
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
    expect((await inbox('SC', agent)).items.map((item) => item.id)).toContain(created.id);
    expect((await inbox('VA')).items.map((item) => item.id)).not.toContain(created.id);
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
    expect((await inbox('SC', agent)).items.map((item) => item.id)).toContain(created.id);

    await agent.act(created.id, 'triage', { catalogCode: 'pothole' });
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
      // A minute apart: the clock is fixed, and received first comes first among equals.
      t.advanceMinutes(1);
      ids[name] = (await createCase({ description: `Buller ${name}`, catalogCode: 'noise', priority })).id;
      await routed(ids[name]);
    }
    const all = await inbox('MHF');
    expect(all.total).toBe(5);
    expect(all.items.map((item) => item.id)).toEqual([ids.urgent, ids.high, ids.normal1, ids.normal2, ids.low]);
    expect(all.items.map((item) => item.priority)).toEqual(['urgent', 'high', 'normal', 'normal', 'low']);
    const page = await inbox('MHF', admin, { limit: 2, offset: 1 });
    expect(page).toMatchObject({ total: 5, limit: 2, offset: 1 });
    expect(page.items.map((item) => item.id)).toEqual([ids.high, ids.normal1]);
  });

  it('shows an inbox to its handlers, managers and admins, the service center inbox to agents, and no one else', async () => {
    const [handler, manager] = await ApiClient.loginAll(t, 'handler@demo.local', 'manager@demo.local');
    await handler.inbox('TEK');
    const refused = await handler.inbox('VA').expectStatus(403);
    expect(refused.body.message).toBe('A handler sees the inboxes of their own departments only');
    await agent.inbox('TEK').expectStatus(403);
    await agent.inbox('SC');
    await manager.inbox('SOC');
    await admin.inbox('NOPE').expectStatus(404);
    await ApiClient.anonymous(t).inbox('TEK').expectStatus(401);
  });

  it("puts a case a department returns into the service center's inbox, out of the department's", async () => {
    const handler = await ApiClient.login(t, 'handler@demo.local');
    const created = await createCase({ description: 'Hål i gatan', catalogCode: 'pothole' });
    await routed(created.id);
    await handler.act(created.id, 'return', { reason: 'Privat väg, inte vår' });
    const sc = await inbox('SC', agent);
    expect(sc.items.find((item) => item.id === created.id)).toMatchObject({
      status: 'returned',
      departmentCode: 'TEK',
      returnCount: 1,
    });
    expect((await inbox('TEK', handler)).items.map((item) => item.id)).not.toContain(created.id);
  });

  it('gives a handler the most urgent case of the inbox, then the next, then 204 when none is left', async () => {
    const handler = await ApiClient.login(t, 'handler.sbf@demo.local');
    const normal = await createCase({ description: 'Bygglov för altan', catalogCode: 'building_permit' });
    const urgent = await createCase({
      description: 'Olovligt bygge, rasrisk',
      catalogCode: 'illegal_construction',
      priority: 'urgent',
    });
    await routed(normal.id);
    await routed(urgent.id);
    const next = () => handler.claimNext('SBF');
    const first = await next();
    expect(first).toMatchObject({ id: urgent.id, status: 'in_progress', departmentCode: 'SBF' });
    expect(first.assigneeId).toEqual(expect.any(String));
    expect((await next()).id).toBe(normal.id);
    const empty = await next().expectStatus(204);
    expect(empty.body).toEqual({});
    const claim = (await timeline(urgent.id)).find((event) => event.type === 'status' && event.action === 'claim');
    expect(claim).toMatchObject({
      actorId: first.assigneeId,
      fromStatus: 'routed',
      toStatus: 'in_progress',
      data: { via: 'inbox' },
    });
    expect((await inbox('SBF', handler)).total).toBe(0);

    // Agents work the service center's own inbox as handlers work theirs: nothing routed to SC is left here.
    await agent.claimNext('SC').expectStatus(204);
    await agent.claimNext('SBF').expectStatus(403);
    await handler.claimNext('VA').expectStatus(403);
  });

  it('reads a typed case once, under its lock, for a job delivered again, and passes over a job for a case that does not exist', async () => {
    const created = await createCase({ description: 'Gatlampan på Åvägen 3 är släckt', catalogCode: 'street_light' });
    await routed(created.id);
    const routing = t.app.get(CaseRoutingService);
    expect(await routing.route('00000000-0000-4000-8000-000000000000')).toBe('nothing-to-do');
    // The job again, delivered twice: one read of the case, and nothing changed.
    const dataSource = t.app.get(DataSource);
    const reads = (
      await statementsDuring(dataSource, async () => {
        expect(await routing.route(created.id)).toBe('nothing-to-do');
      })
    )
      .map(({ query }) => query)
      .filter((query) => /^SELECT .* FROM "cases"/.test(query));
    expect(reads).toHaveLength(1);
    // On PostgreSQL the one read locks the row; SQLite's single writer queues the transactions.
    if (process.env.TEST_DATABASE === 'postgres') expect(reads[0]).toMatch(/ FOR UPDATE$/);
    expect(await routingEvents(created.id)).toHaveLength(1);
  });
});
