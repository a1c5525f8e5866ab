import { MessageQueue } from '../src/queue/message-queue';
import { ApiClient } from './support/api-client';
import { NewCase } from './support/api-types';
import { eventually } from './support/eventually';
import { createTestApp, TestApp } from './support/test-app';

describe('routing through the queue on BullMQ and Redis', () => {
  let t: TestApp;
  let agent: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    // Monday 4 May 2026, 10:00 in Stockholm (UTC+2), for due times worked out by hand.
    t = await createTestApp({ runJobs: true, queue: 'bullmq', now: '2026-05-04T08:00:00Z' });
    [agent, admin] = await ApiClient.loginAll(t, 'agent@demo.local', 'admin@demo.local');
  });
  afterAll(() => t.close());

  const createCase = (body: NewCase) => agent.createCase(body);
  const readCase = (id: string) => admin.getCase(id);
  const routingEvents = async (id: string) =>
    (await admin.timeline(id)).filter(
      (event) =>
        (event.type === 'status' && event.action === 'route' && event.actorId === null) ||
        (event.type === 'notice' && event.topic === 'routing'),
    );

  it("brings a case created through the API to its department's inbox", async () => {
    const created = await createCase({ description: 'Vattenläcka i källaren', catalogCode: 'water_leak' });
    const handler = await ApiClient.login(t, 'handler.va@demo.local');
    const item = await eventually(
      async () => (await handler.inbox('VA')).items.find((candidate) => candidate.id === created.id),
      'the case in the VA inbox',
    );
    expect(item).toMatchObject({ status: 'routed', departmentCode: 'VA', priority: 'urgent' });
    // A water leak is resolved within 1 working day: received Mon 4 May 10:00, due by the close of
    // Tuesday 5 May, 16:30 local = 14:30Z.
    expect(item.dueAt).toBe('2026-05-05T14:30:00.000Z');
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
    const nobody = ApiClient.anonymous(t);
    const health = await nobody.health();
    expect(health).toMatchObject({
      status: 'ok',
      queue: { driver: 'bullmq', status: 'up', outbox: { pending: 0, oldestPendingSeconds: null } },
    });
    expect(Object.keys(health.queue.queues).sort()).toEqual([
      'inbound-email',
      'notifications',
      'register',
      'retention',
      'routing',
      'service-targets',
      'webhooks',
    ]);
    expect(health.queue.queues.routing).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    const metrics = await nobody.metrics().expectStatus(200);
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
    const nobody = ApiClient.anonymous(t);
    await nobody.send('get', '/admin/queues').expectStatus(401);
    await agent.send('get', '/admin/queues').expectStatus(403);
    const page = await admin.send('get', '/admin/queues').expectStatus(200);
    expect(page.headers['content-type']).toContain('text/html');
    const visit = await nobody.send('get', `/admin/queues?token=${admin.token}`).expectStatus(303);
    expect(visit.headers.location).toBe('/admin/queues');
    const cookie = visit.headers['set-cookie'] as unknown as string[];
    expect(cookie[0]).toMatch(
      /^onewayin_dashboard=.+; Max-Age=\d+; Path=\/admin\/queues; Expires=.+; HttpOnly; SameSite=Strict$/,
    );
    const queues = await nobody.send<{ queues: Array<{ name: string }> }>('get', '/admin/queues/api/queues', {
      headers: { Cookie: cookie[0].split(';')[0] },
    });
    expect(queues.queues.map((queue) => queue.name).sort()).toEqual([
      'inbound-email',
      'notifications',
      'register',
      'retention',
      'routing',
      'service-targets',
      'webhooks',
    ]);
    await nobody.send('get', `/admin/queues?token=${agent.token}`).expectStatus(403);
  });
});
