import { DataSource } from 'typeorm';
import { RoutingSweeper } from '../src/routing/routing-sweeper.service';
import { eventually } from './support/eventually';
import { TestRedisServer } from './support/redis-server';
import { bearer, createTestApp, TestApp } from './support/test-app';

const DURING_OUTAGE = 10;

describe('a Redis outage during intake', () => {
  let redis: TestRedisServer;
  let t: TestApp;
  let agent: string;
  let admin: string;

  beforeAll(async () => {
    redis = await TestRedisServer.start();
    t = await createTestApp({ runJobs: true, queue: 'bullmq', env: { REDIS_URL: redis.url } });
    agent = await t.login('agent@demo.local');
    admin = await t.login('admin@demo.local');
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
  });

  const createCase = async (n: number) => {
    const started = Date.now();
    const response = await t
      .http()
      .post('/api/v1/cases')
      .set(bearer(agent))
      .send({ description: `Potthål nummer ${n}`, catalogCode: 'pothole' })
      .expect(201);
    return { id: response.body.id as string, answeredInMs: Date.now() - started };
  };
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
  const pendingRoutingJobs = async () => {
    const [row] = await t.app
      .get(DataSource)
      .query(`SELECT COUNT(*) AS pending FROM outbox WHERE dispatched_at IS NULL AND queue = 'routing'`);
    return Number(row.pending);
  };
  const allRouted = (ids: string[]) =>
    eventually(
      async () =>
        (await Promise.all(ids.map(readCase))).every((found) => found.status === 'routed') ? true : undefined,
      'every case routed',
      30_000,
      100,
    );

  it('accepts every case while Redis is down, routes each of them once Redis is back, and none twice', async () => {
    const before = [await createCase(1), await createCase(2)];
    await allRouted(before.map((c) => c.id));

    await redis.stop();
    const during = [];
    for (let n = 0; n < DURING_OUTAGE; n += 1) during.push(await createCase(100 + n));
    // Intake does not wait for Redis: the routing jobs are rows in the outbox.
    expect(Math.max(...during.map((c) => c.answeredInMs))).toBeLessThan(2000);

    // Other areas may queue jobs of their own at intake (notifications, service targets): count the routing ones.
    expect(await pendingRoutingJobs()).toBe(DURING_OUTAGE);
    const degraded = await eventually(async () => {
      const health = await t.http().get('/health').expect(200);
      return health.body.queue.status === 'down' ? health.body : undefined;
    }, 'the health check to show the outage');
    expect(degraded).toMatchObject({
      status: 'degraded',
      database: { status: 'up' },
      queue: { driver: 'bullmq', status: 'down', queues: {} },
    });
    expect(degraded.queue.outbox.pending).toBeGreaterThanOrEqual(DURING_OUTAGE);
    expect(degraded.queue.outbox.oldestPendingSeconds).toEqual(expect.any(Number));
    const metrics = await t.http().get('/metrics').expect(200);
    expect(metrics.text).toContain('onewayin_queue_up{driver="bullmq"} 0');
    expect(Number(/onewayin_outbox_pending (\d+)/.exec(metrics.text)?.[1])).toBeGreaterThanOrEqual(DURING_OUTAGE);
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const c of during) expect((await readCase(c.id)).status).toBe('triaged');

    await redis.resume();
    const all = [...before, ...during].map((c) => c.id);
    await allRouted(all);
    for (const id of all) expect(await routingEvents(id)).toHaveLength(1);
    const healthy = await eventually(async () => {
      const health = await t.http().get('/health').expect(200);
      return health.body.status === 'ok' && health.body.queue.outbox.pending === 0 ? health.body : undefined;
    }, 'the health check to recover and the outbox to empty');
    expect(healthy.queue.outbox).toEqual({ pending: 0, oldestPendingSeconds: null });
    expect(await pendingRoutingJobs()).toBe(0);
  });

  it('routes a case whose job Redis lost after taking it, when the sweeper asks again', async () => {
    await redis.stop();
    const lost = await createCase(900);
    // As if the relay had handed the job over just before Redis went down with it.
    expect(await pendingRoutingJobs()).toBe(1);
    await t.app
      .get(DataSource)
      .query(`UPDATE outbox SET dispatched_at = available_at WHERE dispatched_at IS NULL AND queue = 'routing'`);
    await redis.resume();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await readCase(lost.id)).status).toBe('triaged');

    // Five minutes on, in the sweeper's eyes, the case is overdue for routing.
    expect(await t.app.get(RoutingSweeper).sweep(Date.now() + 6 * 60_000)).toBe(1);
    await allRouted([lost.id]);
    expect(await routingEvents(lost.id)).toHaveLength(1);
  });
});
