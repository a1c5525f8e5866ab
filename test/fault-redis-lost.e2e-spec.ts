import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { ApiClient } from './support/api-client';
import { DRILL_ENV, expectEachCaseDoneOnce, intakeBurst, prepareDrill } from './support/fault-drill';
import { TestRedisServer } from './support/redis-server';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Redis loses its data twice during intake: everything is flushed (FLUSHALL) with jobs waiting,
 * running and delayed in it, and later Redis is killed and comes back empty, as one without
 * persistence would. The database is the source of truth: the reconcilers (every 2 s here)
 * offer again what no queue holds any more: the routing of cases still triaged, the receipts
 * still queued and the checks of every running plan.
 */
describe('Redis losing its data mid-intake', () => {
  let redis: TestRedisServer;
  let t: TestApp;
  let mailDir: string;

  beforeAll(async () => {
    redis = await TestRedisServer.start();
    // The receipts are counted as files: a folder of this test's own, on either database.
    mailDir = mkdtempSync(join(tmpdir(), 'onewayin-mail-'));
    t = await createTestApp({
      runJobs: true,
      queue: 'bullmq',
      env: { REDIS_URL: redis.url, RECONCILE_EVERY_SECONDS: '2', MAIL_DIR: mailDir, ...DRILL_ENV },
    });
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
    rmSync(mailDir, { recursive: true, force: true });
  });

  it('routes every accepted case once, sends its receipt once and fires each of its checks once', async () => {
    const [admin, agent] = await ApiClient.loginAll(t, 'admin@demo.local', 'agent@demo.local');
    await prepareDrill(admin);
    const flush = new IORedis(redis.url);
    const flushed: Array<Promise<unknown>> = [];
    const first = await intakeBurst(agent, {
      label: 'flushed',
      count: 60,
      concurrency: 4,
      onAccepted: (accepted) => {
        if (accepted === 30) flushed.push(flush.flushall());
      },
    });
    await Promise.all(flushed);
    flush.disconnect();
    // Intake does not depend on Redis: every request was answered.
    expect(first).toMatchObject({ refused: 0 });

    const restarted: Array<Promise<void>> = [];
    const second = await intakeBurst(agent, {
      label: 'restarted',
      count: 40,
      concurrency: 4,
      onAccepted: (accepted) => {
        if (accepted === 10) restarted.push(redis.stop().then(() => redis.resume()));
      },
    });
    await Promise.all(restarted);
    expect(second).toMatchObject({ refused: 0 });

    const done = await expectEachCaseDoneOnce(admin, {
      accepted: [...first.accepted, ...second.accepted],
      mailDir,
      lateMs: 20_000,
    });
    expect(done).toBe(100);
  }, 180_000);
});
