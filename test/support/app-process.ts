import { randomBytes } from 'node:crypto';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { ApiTarget } from './api-client';
import { builtApp } from './built-app';
import { createPostgresDatabase } from './test-app';

/** Where an app process keeps its data: a database (SQLite file or PostgreSQL database) and a mail folder. */
export interface AppProcessHome {
  /** The environment that points an app at them: SQLITE_PATH or DATABASE_URL, and MAIL_DIR. */
  env: Record<string, string>;
  /** The folder the development mail transport writes `<reference>-<kind>.eml` files into. */
  mailDir: string;
  remove: () => Promise<void>;
}

/**
 * A fresh database for app processes of the test's own, on the run's database kind (TEST_DATABASE),
 * which outlives each process: a test kills one and starts the next on the same data.
 */
export async function createAppProcessHome(): Promise<AppProcessHome> {
  const dir = mkdtempSync(join(tmpdir(), 'onewayin-process-'));
  const mailDir = join(dir, 'mail');
  const env: Record<string, string> = { MAIL_DIR: mailDir };
  let dropDatabase: () => Promise<void> = async () => undefined;
  if (process.env.TEST_DATABASE === 'postgres') {
    const database = await createPostgresDatabase(process.env.DATABASE_URL as string);
    env.DATABASE_URL = database.url;
    dropDatabase = database.drop;
  } else {
    env.SQLITE_PATH = join(dir, 'app.sqlite');
  }
  return {
    env,
    mailDir,
    remove: async () => {
      await dropDatabase();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The app as a process of its own (`node main.js` from builtApp()), on a free port, for a test
 * that kills it as a crash would. Speaks HTTP like a test app, so ApiClient works with it.
 */
export class AppProcess implements ApiTarget {
  private readonly tokens = new Map<string, string>();
  private stderr = '';
  private stdout = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => {
      this.stdout = (this.stdout + chunk.toString()).slice(-20000);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-4000);
    });
  }

  /**
   * Starts the app with the test environment (NODE_ENV=test, the demo municipality seeded) and
   * `env`, and waits until /health answers 200. @throws when it exits or does not answer in 60 s.
   */
  static async start(env: Record<string, string>): Promise<AppProcess> {
    const port = await freePort();
    const childEnv: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      JWT_SECRET: `test-${randomBytes(24).toString('hex')}`,
      PORT: String(port),
      ...env,
    };
    const child = spawn(process.execPath, [join(builtApp(), 'main.js')], {
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const app = new AppProcess(child, `http://127.0.0.1:${port}`);
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`The app exited (${child.exitCode ?? child.signalCode}): ${app.stderr}`);
      try {
        if ((await fetch(`${app.url}/health`)).ok) return app;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        await app.kill();
        throw new Error(`The app did not answer /health within 60 s: ${app.stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  http = (): ReturnType<typeof request> => request(this.url);

  async login(email: string): Promise<string> {
    const known = this.tokens.get(email);
    if (known) return known;
    const response = await this.http()
      .post('/api/v1/auth/login')
      .send({ email, password: 'demo-password' })
      .expect(200);
    const { accessToken } = response.body as { accessToken: string };
    this.tokens.set(email, accessToken);
    return accessToken;
  }

  /** Kills the process at once (SIGKILL), as a crash or a power cut would: nothing is flushed or closed. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** Stops the process as an operator would (SIGTERM), letting it close. */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  /** The end of what the process wrote to stdout (its log lines, and what it prints for people). */
  printed(): string {
    return this.stdout;
  }

  /** The end of what the process wrote to stderr, for a failing test to show. */
  output(): string {
    return this.stderr;
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill(signal);
    await exited;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
