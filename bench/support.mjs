// Shared by the benchmark scripts: start the built app on a fresh database and stop it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Polls GET <url>/health every 10 ms while `work` runs: whether the API stays responsive. Answers
 * what `work` answered and the health answer times (ms), ascending.
 */
export async function healthWhile(url, work) {
  const latencies = [];
  let done = false;
  const poller = (async () => {
    while (!done) {
      const started = performance.now();
      await fetch(`${url}/health`).then((r) => r.text());
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const workMs = await work();
  done = true;
  await poller;
  return { workMs, latencies: latencies.sort((a, b) => a - b) };
}

/**
 * Starts `node dist/main.js` on a fresh SQLite file, or on a fresh PostgreSQL database
 * when DATABASE_URL is set (it names the server; a new database is created beside it).
 * appRoot: the checkout whose build runs (this one unless told), for a script comparing builds.
 */
export async function startApp({ port, env = {}, nodeArgs = [], appRoot = root }) {
  const dir = mkdtempSync(join(tmpdir(), 'onewayin-bench-'));
  let databaseEnv = { SQLITE_PATH: join(dir, 'bench.sqlite') };
  let dropDatabase = async () => {};
  const baseUrl = env.DATABASE_URL ?? process.env.DATABASE_URL;
  if (baseUrl) {
    const name = `onewayin_bench_${process.pid}_${port}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    databaseEnv = { DATABASE_URL: url.toString() };
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  }
  const childEnv = {
    ...process.env,
    ...env,
    ...databaseEnv,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    MAIL_DIR: join(dir, 'mail'),
  };
  if (!baseUrl) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, [...nodeArgs, join(appRoot, 'dist/main.js')], {
    env: childEnv,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (performance.now() - started > 60_000) throw new Error('the app did not start within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    /** The app's process id, for a script that signals it. */
    pid: child.pid,
    database: baseUrl ? 'postgres' : 'sqlite',
    /** Where the app's database is, for a script that fills it directly. */
    databaseUrl: databaseEnv.DATABASE_URL,
    sqlitePath: databaseEnv.SQLITE_PATH,
    startupMs: performance.now() - started,
    login: async (email) => {
      const response = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'demo-password' }),
      });
      return (await response.json()).accessToken;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      // BENCH_KEEP_DATABASE=1 leaves the database (and the SQLite file) for a look afterwards.
      if (process.env.BENCH_KEEP_DATABASE) {
        console.error(`kept: ${databaseEnv.DATABASE_URL ?? databaseEnv.SQLITE_PATH}`);
        return;
      }
      await dropDatabase();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
