import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ApiClient } from './support/api-client';
import { DRILL_ENV, expectEachCaseDoneOnce, intakeBurst, prepareDrill } from './support/fault-drill';
import { createTestApp, TestApp } from './support/test-app';

const onPostgres = process.env.TEST_DATABASE === 'postgres' ? describe : describe.skip;
/** About as long as PostgreSQL takes to restart. */
const OUTAGE_MS = 4000;

/**
 * PostgreSQL goes away mid-burst, as in a restart: the app's connections are cut and no new one
 * is let in for a few seconds. The server itself is not restarted: other test files (and other
 * runs) share it, so this test takes only its own database away, by refusing connections to it
 * (`ALLOW_CONNECTIONS false`) and ending its sessions (`pg_terminate_backend`), which the app
 * sees exactly as it sees a restart: broken connections, then refused ones, then none refused.
 * Intake answers errors meanwhile and nothing it accepted is lost; jobs that failed for want of
 * the database wait for it instead of using up their tries. SQLite is a file: nothing to restart.
 */
onPostgres.each(['in-process', 'bullmq'] as const)('PostgreSQL going away mid-burst, with the %s queue', (driver) => {
  let t: TestApp;
  let mailDir: string;
  let admin: Client;
  let database: string;

  beforeAll(async () => {
    mailDir = mkdtempSync(join(tmpdir(), 'onewayin-mail-'));
    // Three quick tries, as in the other tests: a job that failed for want of the database would use
    // them up within the outage if it did not wait for the database to answer again.
    t = await createTestApp({
      runJobs: true,
      queue: driver,
      env: { MAIL_DIR: mailDir, JOB_ATTEMPTS: '3', JOB_BACKOFF_MS: '20', ...DRILL_ENV },
    });
    database = new URL(t.config.database.url as string).pathname.slice(1);
    admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS true`).catch(() => undefined);
    await admin.end();
    await t.close();
    rmSync(mailDir, { recursive: true, force: true });
  });

  const takeDatabaseAway = async () => {
    await admin.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]);
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    await admin.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS true`);
  };

  it('routes every accepted case once, sends its receipt once and fires each of its checks once', async () => {
    const [staff, agent] = await ApiClient.loginAll(t, 'admin@demo.local', 'agent@demo.local');
    await prepareDrill(staff);
    const outage: Array<Promise<void>> = [];
    const burst = await intakeBurst(agent, {
      label: driver,
      count: 80,
      concurrency: 4,
      onAccepted: (accepted) => {
        if (accepted === 20) outage.push(takeDatabaseAway());
      },
    });
    await Promise.all(outage);
    // Requests during the outage were refused (5xx); some got through before and after it.
    expect(burst.refused).toBeGreaterThan(0);
    expect(burst.accepted.length).toBeGreaterThanOrEqual(20);
    const after = await intakeBurst(agent, { label: `${driver}-after`, count: 10, concurrency: 2 });
    expect(after).toMatchObject({ refused: 0 });

    await expectEachCaseDoneOnce(staff, {
      accepted: [...burst.accepted, ...after.accepted],
      mailDir,
      lateMs: 20_000,
    });
  }, 180_000);
});
