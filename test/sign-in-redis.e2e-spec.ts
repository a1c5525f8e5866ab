import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';
import { ApiClient } from './support/api-client';
import { TestRedisServer } from './support/redis-server';
import { createTestApp, TestApp } from './support/test-app';

const PASSWORD = 'demo-password';
const LIMITS = { LOGIN_ACCOUNT_MAX_FAILURES: '3', LOGIN_ACCOUNT_LOCKOUT_SECONDS: '600' };

describe('sign-in limits with Redis are shared by every API process', () => {
  const prefix = `onewayin-e2e-sign-in-${process.pid}-${randomBytes(4).toString('hex')}`;
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    // Two API processes of one installation: one Redis and one key prefix (each test app has a database of its own,
    // both with the demo staff).
    const env = { ...LIMITS, QUEUE_PREFIX: prefix };
    first = await createTestApp({ queue: 'bullmq', env });
    second = await createTestApp({ queue: 'bullmq', env });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it('counts failures at either process towards one lock, which either process refuses, and an unlock at one lifts it', async () => {
    const [atFirst, atSecond] = [ApiClient.anonymous(first), ApiClient.anonymous(second)];
    await atFirst.logIn('handler@demo.local', 'guess-1').expectStatus(401);
    await atSecond.logIn('handler@demo.local', 'guess-2').expectStatus(401);
    expect((await atFirst.logIn('handler@demo.local', 'guess-3').expectStatus(429)).body.code).toBe('account_locked');
    expect((await atSecond.logIn('handler@demo.local', PASSWORD).expectStatus(429)).body.code).toBe('account_locked');

    const admin = await ApiClient.login(first, 'admin@demo.local');
    const handler = (await admin.staffUsers()).find((staff) => staff.email === 'handler@demo.local')!;
    expect(await admin.unlockStaffUser(handler.id)).toEqual({ staffId: handler.id, wasLocked: true });
    await atSecond.logIn('handler@demo.local', PASSWORD);
  });

  it('keeps the counters in Redis under the installation’s prefix, named by a hash and not by the e-mail address', async () => {
    await ApiClient.anonymous(first).logIn('manager@demo.local', 'guess').expectStatus(401);
    const redis = new IORedis(first.config.redisUrl!);
    try {
      const keys = await redis.keys(`${prefix}:sign-in:*`);
      expect(keys).toEqual(
        expect.arrayContaining([
          expect.stringMatching(new RegExp(`^${prefix}:sign-in:account:[0-9a-f]{32}$`)),
          expect.stringMatching(new RegExp(`^${prefix}:sign-in:address:.*127\\.0\\.0\\.1$`)),
        ]),
      );
      expect(keys.join(' ')).not.toContain('manager');
    } finally {
      redis.disconnect();
    }
  });
});

describe('sign-in while Redis is down', () => {
  let redis: TestRedisServer;
  let t: TestApp;
  beforeAll(async () => {
    redis = await TestRedisServer.start();
    t = await createTestApp({ queue: 'bullmq', env: { ...LIMITS, REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
  });

  it('goes on, counting in the process’s memory until Redis is back', async () => {
    const nobody = ApiClient.anonymous(t);
    await nobody.logIn('agent@demo.local', PASSWORD);
    await redis.stop();
    await nobody.logIn('agent@demo.local', PASSWORD);
    await nobody.logIn('agent@demo.local', 'guess-1').expectStatus(401);
    await nobody.logIn('agent@demo.local', 'guess-2').expectStatus(401);
    expect((await nobody.logIn('agent@demo.local', 'guess-3').expectStatus(429)).body.code).toBe('account_locked');
    await nobody.logIn('handler@demo.local', PASSWORD);
  });
});
