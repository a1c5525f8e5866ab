import { ApiClient, invalid } from './support/api-client';
import { createTestApp, TestApp } from './support/test-app';

describe('cases and their lifecycle', () => {
  let t: TestApp;
  let agent: ApiClient;
  let handler: ApiClient;
  let manager: ApiClient;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-05-04T08:15:00Z' });
    [agent, handler, manager] = await ApiClient.loginAll(
      t,
      'agent@demo.local',
      'handler@demo.local',
      'manager@demo.local',
    );
  });
  afterAll(() => t.close());

  it('registers a case and answers 201 {id, reference, status}', async () => {
    const created = await agent.createCase({
      description: 'Stort hål i vägen',
      channel: 'phone',
      location: { address: 'Skolvägen 3', lat: 59.25, lng: 18.23 },
      citizen: { name: 'Per', phone: '070-111 22 33' },
    });
    expect(Object.keys(created).sort()).toEqual(['id', 'reference', 'status']);
    expect(created.reference).toMatch(/^2026-\d{6}$/);
    expect(created.status).toBe('new');
    expect(await agent.getCase(created.id)).toMatchObject({
      reference: created.reference,
      status: 'new',
      catalogCode: null,
      departmentCode: null,
      priority: 'normal',
      channel: 'phone',
      location: { address: 'Skolvägen 3', lat: 59.25, lng: 18.23 },
      citizen: { name: 'Per', phone: '070-111 22 33', hasPersonalNumber: false },
      receivedAt: '2026-05-04T08:15:00.000Z',
      allowedActions: ['triage', 'resolve', 'duplicate'],
    });
  });

  it('walks a fault report from intake to closed, recording every step on the timeline', async () => {
    const created = await agent.createCase({
      description: 'Gatlampan vid busshållplatsen är släckt',
      catalogCode: 'street_light',
      channel: 'web',
    });
    expect(created.status).toBe('triaged');

    const routed = await agent.act(created.id, 'route', { reason: 'Tekniska har gatubelysningen' });
    expect(routed).toMatchObject({ status: 'routed', departmentCode: 'TEK' });
    t.advanceMinutes(60);
    await handler.act(created.id, 'claim');
    await handler.addNote(created.id, 'Beställt byte av armatur');
    const reply = await handler.reply(created.id, 'Vi byter lampan på torsdag.');
    expect(reply.type).toBe('reply');
    await handler.act(created.id, 'wait', { reason: 'Väntar på reservdel' });
    const resumed = await handler.act(created.id, 'resume');
    expect(resumed.status).toBe('in_progress');
    const resolved = await handler.act(created.id, 'resolve', { reason: 'Lampan bytt' });
    expect(resolved).toMatchObject({
      status: 'resolved',
      firstResponseAt: '2026-05-04T09:15:00.000Z',
      resolvedAt: '2026-05-04T09:15:00.000Z',
    });
    await agent.act(created.id, 'close');

    const timeline = await manager.timeline(created.id);
    const steps = timeline.map((e) => `${e.type}:${e.fromStatus ?? ''}>${e.toStatus ?? ''}`);
    expect(steps).toEqual([
      'created:>triaged',
      'status:triaged>routed',
      'status:routed>in_progress',
      'note:>',
      'reply:>',
      'status:in_progress>waiting',
      'status:waiting>in_progress',
      'status:in_progress>resolved',
      'status:resolved>closed',
    ]);
    const waiting = timeline[5];
    expect(waiting).toMatchObject({ reason: 'Väntar på reservdel', at: '2026-05-04T09:15:00.000Z' });
    expect(waiting.actorId).toEqual(expect.any(String));
    expect(timeline[4].data?.lix).toEqual(expect.any(Number));
  });

  it('answers 409 naming the action and the status for an illegal step, and changes nothing', async () => {
    const created = await agent.createCase({ description: 'Fråga om bygglov', catalogCode: 'building_permit' });
    const refused = await manager.act(created.id, 'close').expectStatus(409);
    expect(refused.body.message).toBe('Action "close" is not allowed when the case is "triaged"');
    expect((await agent.getCase(created.id)).status).toBe('triaged');
    await manager.act(created.id, invalid('frobnicate')).expectStatus(404);
  });

  it('goes straight to resolved when the service center finishes it on the spot', async () => {
    const created = await agent.createCase({
      description: 'Ville veta simhallens öppettider',
      catalogCode: 'swimming_pool',
      resolvedOnSpot: true,
      resolution: 'Gav öppettiderna',
    });
    expect(created.status).toBe('resolved');
    const refused = await agent
      .createCase({ description: 'Bygglov', catalogCode: 'building_permit', resolvedOnSpot: true })
      .expectStatus(400);
    expect(refused.body.message).toEqual([
      'resolvedOnSpot: catalog type "building_permit" is handled by a department, not on the spot',
    ]);
  });

  it('lets a department return a misrouted case and the service center route it elsewhere', async () => {
    const created = await agent.createCase({
      description: 'Buller från fläkt på grannhuset',
      catalogCode: 'street_light',
    });
    await agent.act(created.id, 'route');
    await handler.act(created.id, 'return').expectStatus(400);
    const returned = await handler.act(created.id, 'return', { reason: 'Det här är buller, inte belysning' });
    expect(returned).toMatchObject({ status: 'returned', returnCount: 1 });
    await agent.act(created.id, 'triage', { catalogCode: 'noise' });
    const rerouted = await agent.act(created.id, 'route');
    expect(rerouted).toMatchObject({ status: 'routed', departmentCode: 'MHF', catalogCode: 'noise' });
    await handler.act(created.id, 'claim').expectStatus(403);
  });

  it('transfers a case to another department with a reason', async () => {
    const created = await agent.createCase({ description: 'Vattnet forsar upp ur brunnen', catalogCode: 'pothole' });
    await agent.act(created.id, 'route');
    await handler.act(created.id, 'transfer', { reason: 'VA-ärende' }).expectStatus(400);
    const moved = await handler.act(created.id, 'transfer', {
      departmentCode: 'VA',
      reason: 'Vattenläcka, inte vägskada',
    });
    expect(moved).toMatchObject({ status: 'routed', departmentCode: 'VA', assigneeId: null });
    const va = await ApiClient.login(t, 'handler.va@demo.local');
    await va.act(created.id, 'claim');
  });

  it('reopens a closed case', async () => {
    const created = await agent.createCase({
      description: 'Frågar om lånekort',
      catalogCode: 'library_question',
      resolvedOnSpot: true,
    });
    await agent.act(created.id, 'close');
    const reopened = await agent.act(created.id, 'reopen', { reason: 'Medborgaren ringde igen' });
    expect(reopened).toMatchObject({ status: 'reopened', reopenCount: 1, resolvedAt: null, closedAt: null });
  });

  it('links a duplicate to the case it repeats, by id or reference', async () => {
    const original = await agent.createCase({ description: 'Klotter på skolans vägg', catalogCode: 'graffiti' });
    const repeat = await agent.createCase({ description: 'Någon har klottrat på skolan', catalogCode: 'graffiti' });
    await agent.act(repeat.id, 'duplicate').expectStatus(400);
    await agent.act(repeat.id, 'duplicate', { duplicateOf: repeat.id }).expectStatus(400);
    const linked = await agent.act(repeat.id, 'duplicate', { duplicateOf: original.reference });
    expect(linked).toMatchObject({ status: 'duplicate', duplicateOfId: original.id, allowedActions: [] });
    await agent.act(original.id, 'duplicate', { duplicateOf: 'no-such' }).expectStatus(404);
  });

  it('lists cases with filters and pagination', async () => {
    expect((await agent.listCases({ catalogCode: 'graffiti' })).total).toBe(2);
    const text = await agent.listCases({ text: 'KLOTTR' });
    expect(text.items.map((c) => ('description' in c ? c.description : undefined)).sort()).toEqual([
      'Någon har klottrat på skolan',
    ]);
    expect((await agent.listCases({ status: 'duplicate' })).total).toBe(1);
    expect((await agent.listCases({ departmentCode: 'VA' })).total).toBe(1);
    const period = await agent.listCases({ from: '2026-05-04T08:00:00Z', to: '2026-05-04T08:16:00Z', limit: 1 });
    expect(period).toMatchObject({ limit: 1, offset: 0 });
    expect(period.items).toHaveLength(1);
    expect(period.total).toBeGreaterThan(1);
    await agent.listCases({ status: 'lost' }).expectStatus(400);
  });
});
