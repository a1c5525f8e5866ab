import { bearer, createTestApp, TestApp } from './support/test-app';

describe('cases and their lifecycle', () => {
  let t: TestApp;
  let agent: string;
  let handler: string;
  let manager: string;

  const act = (token: string, id: string, action: string, body: object = {}) =>
    t.http().post(`/api/v1/cases/${id}/${action}`).set(bearer(token)).send(body);
  const createCase = async (body: object) =>
    (await t.http().post('/api/v1/cases').set(bearer(agent)).send(body).expect(201)).body;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-05-04T08:15:00Z' });
    [agent, handler, manager] = await Promise.all(
      ['agent@demo.local', 'handler@demo.local', 'manager@demo.local'].map((e) => t.login(e)),
    );
  });
  afterAll(() => t.close());

  it('registers a case and answers 201 {id, reference, status}', async () => {
    const response = await t
      .http()
      .post('/api/v1/cases')
      .set(bearer(agent))
      .send({
        description: 'Stort hål i vägen',
        channel: 'phone',
        location: { address: 'Skolvägen 3', lat: 59.25, lng: 18.23 },
        citizen: { name: 'Per', phone: '070-111 22 33' },
      })
      .expect(201);
    expect(Object.keys(response.body).sort()).toEqual(['id', 'reference', 'status']);
    expect(response.body.reference).toMatch(/^2026-\d{6}$/);
    expect(response.body.status).toBe('new');
    const stored = await t.http().get(`/api/v1/cases/${response.body.id}`).set(bearer(agent)).expect(200);
    expect(stored.body).toMatchObject({
      reference: response.body.reference,
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
    const created = await createCase({
      description: 'Gatlampan vid busshållplatsen är släckt',
      catalogCode: 'street_light',
      channel: 'web',
    });
    expect(created.status).toBe('triaged');

    const routed = await act(agent, created.id, 'route', { reason: 'Tekniska har gatubelysningen' }).expect(200);
    expect(routed.body).toMatchObject({ status: 'routed', departmentCode: 'TEK' });
    t.advanceMinutes(60);
    await act(handler, created.id, 'claim').expect(200);
    await t
      .http()
      .post(`/api/v1/cases/${created.id}/notes`)
      .set(bearer(handler))
      .send({ body: 'Beställt byte av armatur' })
      .expect(201);
    const reply = await t
      .http()
      .post(`/api/v1/cases/${created.id}/replies`)
      .set(bearer(handler))
      .send({ body: 'Vi byter lampan på torsdag.' })
      .expect(201);
    expect(reply.body.type).toBe('reply');
    await act(handler, created.id, 'wait', { reason: 'Väntar på reservdel' }).expect(200);
    const resumed = await act(handler, created.id, 'resume').expect(200);
    expect(resumed.body.status).toBe('in_progress');
    const resolved = await act(handler, created.id, 'resolve', { reason: 'Lampan bytt' }).expect(200);
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      firstResponseAt: '2026-05-04T09:15:00.000Z',
      resolvedAt: '2026-05-04T09:15:00.000Z',
    });
    await act(agent, created.id, 'close').expect(200);

    const timeline = await t.http().get(`/api/v1/cases/${created.id}/timeline`).set(bearer(manager)).expect(200);
    const steps = timeline.body.map(
      (e: { type: string; fromStatus: string | null; toStatus: string | null }) =>
        `${e.type}:${e.fromStatus ?? ''}>${e.toStatus ?? ''}`,
    );
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
    const waiting = timeline.body[5];
    expect(waiting).toMatchObject({ reason: 'Väntar på reservdel', at: '2026-05-04T09:15:00.000Z' });
    expect(waiting.actorId).toEqual(expect.any(String));
    expect(timeline.body[4].data.lix).toEqual(expect.any(Number));
  });

  it('answers 409 naming the action and the status for an illegal step, and changes nothing', async () => {
    const created = await createCase({ description: 'Fråga om bygglov', catalogCode: 'building_permit' });
    const refused = await act(manager, created.id, 'close').expect(409);
    expect(refused.body.message).toBe('Action "close" is not allowed when the case is "triaged"');
    const after = await t.http().get(`/api/v1/cases/${created.id}`).set(bearer(agent)).expect(200);
    expect(after.body.status).toBe('triaged');
    await act(manager, created.id, 'frobnicate').expect(404);
  });

  it('goes straight to resolved when the service center finishes it on the spot', async () => {
    const created = await createCase({
      description: 'Ville veta simhallens öppettider',
      catalogCode: 'swimming_pool',
      resolvedOnSpot: true,
      resolution: 'Gav öppettiderna',
    });
    expect(created.status).toBe('resolved');
    const refused = await t
      .http()
      .post('/api/v1/cases')
      .set(bearer(agent))
      .send({ description: 'Bygglov', catalogCode: 'building_permit', resolvedOnSpot: true })
      .expect(400);
    expect(refused.body.message).toEqual([
      'resolvedOnSpot: catalog type "building_permit" is handled by a department, not on the spot',
    ]);
  });

  it('lets a department return a misrouted case and the service center route it elsewhere', async () => {
    const created = await createCase({ description: 'Buller från fläkt på grannhuset', catalogCode: 'street_light' });
    await act(agent, created.id, 'route').expect(200);
    await act(handler, created.id, 'return').expect(400);
    const returned = await act(handler, created.id, 'return', { reason: 'Det här är buller, inte belysning' }).expect(
      200,
    );
    expect(returned.body).toMatchObject({ status: 'returned', returnCount: 1 });
    await act(agent, created.id, 'triage', { catalogCode: 'noise' }).expect(200);
    const rerouted = await act(agent, created.id, 'route').expect(200);
    expect(rerouted.body).toMatchObject({ status: 'routed', departmentCode: 'MHF', catalogCode: 'noise' });
    await act(handler, created.id, 'claim').expect(403);
  });

  it('transfers a case to another department with a reason', async () => {
    const created = await createCase({ description: 'Vattnet forsar upp ur brunnen', catalogCode: 'pothole' });
    await act(agent, created.id, 'route').expect(200);
    await act(handler, created.id, 'transfer', { reason: 'VA-ärende' }).expect(400);
    const moved = await act(handler, created.id, 'transfer', {
      departmentCode: 'VA',
      reason: 'Vattenläcka, inte vägskada',
    }).expect(200);
    expect(moved.body).toMatchObject({ status: 'routed', departmentCode: 'VA', assigneeId: null });
    const va = await t.login('handler.va@demo.local');
    await act(va, created.id, 'claim').expect(200);
  });

  it('reopens a closed case', async () => {
    const created = await createCase({
      description: 'Frågar om lånekort',
      catalogCode: 'library_question',
      resolvedOnSpot: true,
    });
    await act(agent, created.id, 'close').expect(200);
    const reopened = await act(agent, created.id, 'reopen', { reason: 'Medborgaren ringde igen' }).expect(200);
    expect(reopened.body).toMatchObject({ status: 'reopened', reopenCount: 1, resolvedAt: null, closedAt: null });
  });

  it('links a duplicate to the case it repeats, by id or reference', async () => {
    const original = await createCase({ description: 'Klotter på skolans vägg', catalogCode: 'graffiti' });
    const repeat = await createCase({ description: 'Någon har klottrat på skolan', catalogCode: 'graffiti' });
    await act(agent, repeat.id, 'duplicate').expect(400);
    await act(agent, repeat.id, 'duplicate', { duplicateOf: repeat.id }).expect(400);
    const linked = await act(agent, repeat.id, 'duplicate', { duplicateOf: original.reference }).expect(200);
    expect(linked.body).toMatchObject({ status: 'duplicate', duplicateOfId: original.id, allowedActions: [] });
    await act(agent, original.id, 'duplicate', { duplicateOf: 'no-such' }).expect(404);
  });

  it('lists cases with filters and pagination', async () => {
    const list = await t.http().get('/api/v1/cases?catalogCode=graffiti').set(bearer(agent)).expect(200);
    expect(list.body.total).toBe(2);
    const text = await t.http().get('/api/v1/cases?text=KLOTTR').set(bearer(agent)).expect(200);
    expect(text.body.items.map((c: { description: string }) => c.description).sort()).toEqual([
      'Någon har klottrat på skolan',
    ]);
    const byStatus = await t.http().get('/api/v1/cases?status=duplicate').set(bearer(agent)).expect(200);
    expect(byStatus.body.total).toBe(1);
    const byDepartment = await t.http().get('/api/v1/cases?departmentCode=VA').set(bearer(agent)).expect(200);
    expect(byDepartment.body.total).toBe(1);
    const period = await t
      .http()
      .get('/api/v1/cases?from=2026-05-04T08:00:00Z&to=2026-05-04T08:16:00Z&limit=1')
      .set(bearer(agent))
      .expect(200);
    expect(period.body).toMatchObject({ limit: 1, offset: 0 });
    expect(period.body.items).toHaveLength(1);
    expect(period.body.total).toBeGreaterThan(1);
    await t.http().get('/api/v1/cases?status=lost').set(bearer(agent)).expect(400);
  });
});
