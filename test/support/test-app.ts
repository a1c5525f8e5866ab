import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app-setup';
import { Clock, FixedClock, SystemClock } from '../../src/common/clock';
import { createLogger } from '../../src/common/logging';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { APP_CONFIG } from '../../src/config/config.module';

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
}

async function createPostgresDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
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
  const env: Record<string, string> = { NODE_ENV: 'test', SEED_DEMO: 'true', ...options.env };
  if (process.env.TEST_DATABASE === 'postgres') {
    const database = await createPostgresDatabase(process.env.DATABASE_URL as string);
    env.DATABASE_URL = database.url;
    cleanup = database.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'onewayin-e2e-'));
    env.SQLITE_PATH = join(dir, 'test.sqlite');
    env.MAIL_DIR = join(dir, 'mail');
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const config = loadConfig(env);
  const clock = options.now ? new FixedClock(new Date(options.now)) : new SystemClock();

  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(config)
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureApp(app, createLogger({ logLevel: 'silent' }));
  await app.init();

  const tokens = new Map<string, string>();
  const http = () => request(app.getHttpServer());
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
      tokens.set(email, response.body.accessToken);
      return response.body.accessToken as string;
    },
    close: async () => {
      await app.close();
      await cleanup();
    },
  };
}

function fixedClock(clock: Clock): FixedClock {
  if (!(clock instanceof FixedClock)) throw new Error('Start the test app with { now } to control the clock');
  return clock;
}

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}
