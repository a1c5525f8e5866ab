import { MessageQueue } from '../src/queue/message-queue';
import { eventually } from './support/eventually';
import { bearer, createTestApp, TestApp } from './support/test-app';

describe('routing through the queue on BullMQ and Redis', () => {
  let t: TestApp;
  let agent: string;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ runJobs: true, queue: 'bullmq' });
    agent = await t.login('agent@demo.local');
    admin = await t.login('admin@demo.local');
  });
  afterAll(() => t.close());

  const createCase = async (body: object) =>
    (await t.http().post('/api/v1/cases').set(bearer(agent)).send(body).expect(201)).body as { id: string };
  const readCase = async (id: string) =>
    (await t.http().get(`/api/v1/cases/${id}`).set(bearer(admin)).expect(200)).body;
  const routingEvents = async (id: string) =>
    (
      (await t.http().get(`/api/v1/cases/${id}/timeline`).set(bearer(admin)).expect(200)).body as Array<{
        type: string;
        action: string | null;
        topic: string | null;
        actorId: string | null;
      }>
    ).filter(
      (event) =>
        (event.type === 'status' && event.action === 'route' && event.actorId === null) ||
        (event.type === 'notice' && event.topic === 'routing'),
    );

  it("brings a case created through the API to its department's inbox", async () => {
    const created = await createCase({ description: 'Vattenläcka i källaren', catalogCode: 'water_leak' });
    const handler = await t.login('handler.va@demo.local');
    const item = await eventually(async () => {
      const inbox = await t.http().get('/api/v1/departments/VA/inbox').set(bearer(handler)).expect(200);
      return inbox.body.items.find((candidate: { id: string }) => candidate.id === created.id);
    }, 'the case in the VA inbox');
    expect(item).toMatchObject({ status: 'routed', departmentCode: 'VA', priority: 'urgent' });
    expect(item).toHaveProperty('dueAt');
  });

  it('routes a case once however often its routing job is delivered', async () => {
    const created = await createCase({ description: 'Gatlampan blinkar', catalogCode: 'street_light' });
    await eventually(async () => ((await readCase(created.id)).status === 'routed' ? true : undefined), 'routing');
    const queue = t.app.get(MessageQueue);
    // The same key again: BullMQ still holds the completed job and refuses it.
    await queue.add('routing', 'route-case', { caseId: created.id }, { jobId: `route:${created.id}` });
    // A delivery BullMQ cannot recognise (another key): the processor sees the case is routed and does nothing.
    await queue.add('routing', 'route-case', { caseId: created.id }, { jobId: `route:${created.id}:redelivered` });
    await eventually(
      async () =>
        (await queue.counts('routing')).waiting + (await queue.counts('routing')).active === 0 ? true : undefined,
      'the queue to drain',
    );
    expect(await routingEvents(created.id)).toHaveLength(1);
    expect((await readCase(created.id)).status).toBe('routed');
  });

  it('reports the queue in /health and /metrics', async () => {
    const health = await t.http().get('/health').expect(200);
    expect(health.body).toMatchObject({
      status: 'ok',
      queue: { driver: 'bullmq', status: 'up', outbox: { pending: 0, oldestPendingSeconds: null } },
    });
    expect(Object.keys(health.body.queue.queues).sort()).toEqual([
      'notifications',
      'routing',
      'service-targets',
      'webhooks',
    ]);
    expect(health.body.queue.queues.routing).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    const metrics = await t.http().get('/metrics').expect(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.text).toContain('onewayin_queue_up{driver="bullmq"} 1');
    expect(metrics.text).toContain('onewayin_queue_jobs{queue="routing",state="failed"} 0');
    expect(metrics.text).toContain('onewayin_outbox_pending 0');
    expect(metrics.text).toMatch(/onewayin_queue_job_outcomes_total\{queue="routing",outcome="completed"\} [1-9]/);
    expect(metrics.text).toMatch(
      /onewayin_http_requests_total\{method="POST",route="\/api\/v1\/cases",status="201"\} [1-9]/,
    );
  });

  it('opens the queue dashboard to admins only: by bearer token, or by a token in the address kept in a cookie', async () => {
    await t.http().get('/admin/queues').expect(401);
    await t.http().get('/admin/queues').set(bearer(agent)).expect(403);
    const page = await t.http().get('/admin/queues').set(bearer(admin)).expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    const visit = await t.http().get(`/admin/queues?token=${admin}`).expect(303);
    expect(visit.headers.location).toBe('/admin/queues');
    const cookie = visit.headers['set-cookie'] as unknown as string[];
    expect(cookie[0]).toMatch(
      /^onewayin_dashboard=.+; Max-Age=\d+; Path=\/admin\/queues; Expires=.+; HttpOnly; SameSite=Strict$/,
    );
    const queues = await t.http().get('/admin/queues/api/queues').set('Cookie', cookie[0].split(';')[0]).expect(200);
    expect(queues.body.queues.map((queue: { name: string }) => queue.name).sort()).toEqual([
      'notifications',
      'routing',
      'service-targets',
      'webhooks',
    ]);
    await t.http().get(`/admin/queues?token=${agent}`).expect(403);
  });
});
