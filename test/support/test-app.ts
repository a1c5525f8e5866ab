import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { Client } from 'pg';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app-setup';
import { Clock, FixedClock, SystemClock } from '../../src/common/clock';
import { createLogger } from '../../src/common/logging';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { APP_CONFIG } from '../../src/config/config.module';

/**
 * The secret this test run signs tokens with: a fresh one per run. Outside development the app
 * refuses to start without JWT_SECRET, and refuses the built-in development secret.
 */
export const TEST_JWT_SECRET = `test-${randomBytes(24).toString('hex')}`;

export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  /** A bearer token for a demo log-in (password demo-password). */
  login: (email: string) => Promise<string>;
  clock: Clock;
  /** Moves a fixed clock (createTestApp({ now })) forward or to an instant. */
  advanceMinutes: (minutes: number) => void;
  setNow: (instant: string) => void;
  config: AppConfig;
  close: () => Promise<void>;
}

export interface TestAppOptions {
  /** Set a fixed start time to control every "now" in the app. */
  now?: string;
  env?: Record<string, string>;
  /**
   * Run the queue's processors (routing, notifications, ...). Off by default: jobs are
   * queued but wait, so a test that drives a case through its lifecycle by hand is not
   * raced by automatic routing. A test of background work turns it on.
   */
  runJobs?: boolean;
  /**
   * `bullmq` runs the queue on Redis (env REDIS_URL, else TEST_REDIS_URL, else
   * redis://127.0.0.1:6379) under a key prefix of this app's own, removed on close;
   * the default is the in-process queue.
   */
  queue?: 'in-process' | 'bullmq';
  /** Providers to replace, e.g. the routing's CaseTriager seam. */
  overrides?: Array<{ provide: unknown; useValue: unknown }>;
}

export async function createPostgresDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `onewayin_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Starts the real application on a database of its own (a fresh SQLite file, or a
 * fresh PostgreSQL database) with the demo municipality seeded, and speaks HTTP to it.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  let cleanup: () => Promise<void>;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    SEED_DEMO: 'true',
    ...options.env,
  };
  // Every file a test app writes (the SQLite database, mail) goes to a directory of its own
  // under the system's temporary directory, never into the working tree.
  const dir = mkdtempSync(join(tmpdir(), 'onewayin-e2e-'));
  env.MAIL_DIR ??= join(dir, 'mail');
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
  if (process.env.TEST_DATABASE === 'postgres') {
    const database = await createPostgresDatabase(process.env.DATABASE_URL as string);
    env.DATABASE_URL = database.url;
    const removeDir = cleanup;
    cleanup = async () => {
      await database.drop();
      await removeDir();
    };
  } else {
    env.SQLITE_PATH = join(dir, 'test.sqlite');
  }
  if (options.queue === 'bullmq') {
    env.REDIS_URL ??= process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
    env.QUEUE_PREFIX ??= `onewayin-e2e-${process.pid}-${randomBytes(4).toString('hex')}`;
    const queueCleanup = cleanup;
    cleanup = async () => {
      await deleteRedisKeys(env.REDIS_URL, env.QUEUE_PREFIX);
      await queueCleanup();
    };
  }
  const config = loadConfig(env);
  // Set after validation: only a test may hold back the in-process queue's jobs.
  config.queue.runWorkers = options.runJobs ?? false;
  const clock = options.now ? new FixedClock(new Date(options.now)) : new SystemClock();

  let builder = Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(config)
    .overrideProvider(Clock)
    .useValue(clock);
  for (const override of options.overrides ?? [])
    builder = builder.overrideProvider(override.provide).useValue(override.useValue);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureApp(app, createLogger({ logLevel: (process.env.TEST_LOG_LEVEL as 'silent') ?? 'silent' }));
  await app.init();

  const tokens = new Map<string, string>();
  const http = () => request(app.getHttpServer() as Server);
  return {
    app,
    http,
    clock,
    config,
    advanceMinutes: (minutes) => fixedClock(clock).advanceMinutes(minutes),
    setNow: (instant) => fixedClock(clock).set(instant),
    login: async (email: string) => {
      const known = tokens.get(email);
      if (known) return known;
      const response = await http().post('/api/v1/auth/login').send({ email, password: 'demo-password' }).expect(200);
      const { accessToken } = response.body as { accessToken: string };
      tokens.set(email, accessToken);
      return accessToken;
    },
    close: async () => {
      await app.close();
      await cleanup();
    },
  };
}

/** A test file's BullMQ keys, gone with it; a Redis that is down by then has nothing to keep anyway. */
async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 1, retryStrategy: () => null, lazyConnect: true });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // Redis is gone (a test stopped it): nothing of ours is left in it.
  } finally {
    redis.disconnect();
  }
}

function fixedClock(clock: Clock): FixedClock {
  if (!(clock instanceof FixedClock)) throw new Error('Start the test app with { now } to control the clock');
  return clock;
}
