import { DataSource } from 'typeorm';
import { RoutingSweeper } from '../src/routing/routing-sweeper.service';
import { ApiClient } from './support/api-client';
import { eventually } from './support/eventually';
import { TestRedisServer } from './support/redis-server';
import { createTestApp, TestApp } from './support/test-app';

const DURING_OUTAGE = 10;

describe('a Redis outage during intake', () => {
  let redis: TestRedisServer;
  let t: TestApp;
  let agent: ApiClient;
  let admin: ApiClient;
  let nobody: ApiClient;

  beforeAll(async () => {
    redis = await TestRedisServer.start();
    t = await createTestApp({ runJobs: true, queue: 'bullmq', env: { REDIS_URL: redis.url } });
    [agent, admin] = await ApiClient.loginAll(t, 'agent@demo.local', 'admin@demo.local');
    nobody = ApiClient.anonymous(t);
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
  });

  const createCase = async (n: number) =>
    (await agent.createCase({ description: `Potthål nummer ${n}`, catalogCode: 'pothole' })).id;
  const readCase = (id: string) => admin.getCase(id);
  const routingEvents = async (id: string) =>
    (await admin.timeline(id)).filter(
      (event) =>
        (event.type === 'status' && event.action === 'route' && event.actorId === null) ||
        (event.type === 'notice' && event.topic === 'routing'),
    );
  const pendingRoutingJobs = async () => {
    const [row] = await t.app
      .get(DataSource)
      .query<Array<{ pending: number | string }>>(
        `SELECT COUNT(*) AS pending FROM outbox WHERE dispatched_at IS NULL AND queue = 'routing'`,
      );
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

  // How long intake takes while Redis is down is measured by bench/intake-during-redis-outage.mjs.
  it('accepts every case while Redis is down, routes each of them once Redis is back, and none twice', async () => {
    const before = [await createCase(1), await createCase(2)];
    await allRouted(before);

    await redis.stop();
    const during: string[] = [];
    for (let n = 0; n < DURING_OUTAGE; n += 1) during.push(await createCase(100 + n));

    // Intake does not wait for Redis: the routing jobs are rows in the outbox.
    // Other areas may queue jobs of their own at intake (notifications, service targets): count the routing ones.
    expect(await pendingRoutingJobs()).toBe(DURING_OUTAGE);
    const degraded = await eventually(async () => {
      const health = await nobody.health();
      return health.queue.status === 'down' ? health : undefined;
    }, 'the health check to show the outage');
    expect(degraded).toMatchObject({
      status: 'degraded',
      database: { status: 'up' },
      queue: { driver: 'bullmq', status: 'down', queues: {} },
    });
    expect(degraded.queue.outbox.pending).toBeGreaterThanOrEqual(DURING_OUTAGE);
    expect(degraded.queue.outbox.oldestPendingSeconds).toEqual(expect.any(Number));
    const metrics = await nobody.metrics();
    expect(metrics).toContain('onewayin_queue_up{driver="bullmq"} 0');
    expect(Number(/onewayin_outbox_pending (\d+)/.exec(metrics)?.[1])).toBeGreaterThanOrEqual(DURING_OUTAGE);
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const id of during) expect((await readCase(id)).status).toBe('triaged');

    await redis.resume();
    const all = [...before, ...during];
    await allRouted(all);
    for (const id of all) expect(await routingEvents(id)).toHaveLength(1);
    const healthy = await eventually(async () => {
      const health = await nobody.health();
      return health.status === 'ok' && health.queue.outbox.pending === 0 ? health : undefined;
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
    expect((await readCase(lost)).status).toBe('triaged');

    // Five minutes on, in the sweeper's eyes, the case is overdue for routing.
    expect(await t.app.get(RoutingSweeper).sweep(Date.now() + 6 * 60_000)).toBe(1);
    await allRouted([lost]);
    expect(await routingEvents(lost)).toHaveLength(1);
  });
});
