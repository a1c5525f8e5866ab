import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';
import { ApiClient } from './support/api-client';
import { AppProcess, AppProcessHome, createAppProcessHome } from './support/app-process';
import { DRILL_ENV, expectEachCaseDoneOnce, intakeBurst, prepareDrill } from './support/fault-drill';

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
/** Killed once this many cases have been accepted, with more requests in flight. */
const KILL_AFTER = 40;

/**
 * The app is killed (SIGKILL: no shutdown, nothing flushed) in the middle of a burst of intake,
 * then started again on the same database, as a supervisor would. With the in-process queue
 * every job the process held is gone; with BullMQ the jobs it was running are left locked to a
 * dead worker until their lock runs out (JOB_LOCK_MS, shortened here). Whatever was accepted is
 * done once: the outbox hands over what it still holds, and the reconcilers at start offer
 * again what the database says is owed.
 */
describe.each(['in-process', 'bullmq'] as const)('the app killed mid-burst, with the %s queue', (driver) => {
  let home: AppProcessHome;
  let app: AppProcess;
  let env: Record<string, string>;
  const prefix = `onewayin-e2e-killed-${process.pid}-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    home = await createAppProcessHome();
    env = {
      ...home.env,
      ...DRILL_ENV,
      ...(driver === 'bullmq' ? { REDIS_URL, QUEUE_PREFIX: prefix, JOB_LOCK_MS: '3000' } : {}),
    };
    app = await AppProcess.start(env);
  });
  afterAll(async () => {
    await app?.stop();
    await home?.remove();
    if (driver === 'bullmq') await deleteKeys(prefix);
  });

  it('routes every accepted case once, sends its receipt once and fires each of its checks once, after a restart', async () => {
    await prepareDrill(await ApiClient.login(app, 'admin@demo.local'));
    const agent = await ApiClient.login(app, 'agent@demo.local');
    const killed: Array<Promise<void>> = [];
    const first = await intakeBurst(agent, {
      label: 'before',
      count: 120,
      concurrency: 6,
      onAccepted: (accepted) => {
        if (accepted === KILL_AFTER) killed.push(app.kill());
      },
    });
    await Promise.all(killed);
    // The requests in flight when it died, and those after, got no answer.
    expect(first.accepted.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(first.refused).toBeGreaterThan(0);

    app = await AppProcess.start(env);
    const [admin, agentAgain] = await ApiClient.loginAll(app, 'admin@demo.local', 'agent@demo.local');
    const second = await intakeBurst(agentAgain, { label: 'after', count: 10, concurrency: 3 });
    expect(second).toMatchObject({ refused: 0 });

    const done = await expectEachCaseDoneOnce(admin, {
      accepted: [...first.accepted, ...second.accepted],
      mailDir: home.mailDir,
      lateMs: 20_000,
    });
    expect(done).toBeGreaterThanOrEqual(KILL_AFTER + 10);
  }, 180_000);
});

async function deleteKeys(prefix: string): Promise<void> {
  const redis = new IORedis(REDIS_URL);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}
