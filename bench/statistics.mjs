#!/usr/bin/env node
// Accessibility statistics over a big year: fills a fresh database with N cases received in 2026
// (default 100,000), N/5 contacts with their callbacks, N/5 call records and N/50 ratings, then
// asks the running app (dist/) for the year's reports over HTTP and prints the median of several
// runs per report, and how long /health took to answer while the biggest report ran (whether
// the API stayed responsive). Localhost only; never fails the test suite.
//
//   npm run build && node bench/statistics.mjs [cases=100000] [runs=5]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node bench/statistics.mjs 1000000
import Database from 'better-sqlite3';
import pg from 'pg';
import { callRows, caseRows, contactRows, insertRows } from './statistics-data.mjs';
import { median, percentile, startApp } from './support.mjs';

const caseCount = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 5);
const YEAR = { from: '2026-01-01', to: '2027-01-01' };
const REPORTS = [
  ['cases by month', 'cases', { ...YEAR, groupBy: 'month' }],
  ['cases by department', 'cases', { ...YEAR, groupBy: 'department' }],
  ['contacts by month', 'contacts', { ...YEAR, groupBy: 'month' }],
  ['contacts by day', 'contacts', { ...YEAR, groupBy: 'day' }],
  ['contacts by channel', 'contacts', { ...YEAR, groupBy: 'channel' }],
  ['e-mail answers by month', 'email-answers', { ...YEAR, groupBy: 'month' }],
  ['phone by month', 'phone', { ...YEAR, groupBy: 'month' }],
  ['callbacks by department', 'callbacks', { ...YEAR, groupBy: 'department' }],
  ['service index by department', 'service-index', YEAR],
  ['ratings by channel', 'ratings', { ...YEAR, groupBy: 'channel' }],
  ['backlog by department', 'backlog', { groupBy: 'department' }],
  ['comparison 2026 (all KKiK measures)', 'comparison', { year: 2026 }],
];

async function fill(app) {
  const db =
    app.database === 'postgres'
      ? { kind: 'postgres', client: new pg.Client({ connectionString: app.databaseUrl }) }
      : { kind: 'sqlite', sqlite: new Database(app.sqlitePath) };
  const query = async (sql) =>
    db.kind === 'postgres' ? (await db.client.query(sql)).rows : db.sqlite.prepare(sql).all();
  if (db.kind === 'postgres') {
    // Dropping the database after a failure ends this connection; that must not hide the failure.
    db.client.on('error', () => {});
    await db.client.connect();
  } else db.sqlite.pragma('busy_timeout = 10000');
  const catalog = (await query('SELECT code, department_code, confidential FROM catalog_entries')).map((row) => ({
    code: row.code,
    departmentCode: row.department_code,
    confidential: Boolean(row.confidential),
  }));
  const staff = await query(
    "SELECT id, email FROM staff_users WHERE email IN ('agent@demo.local', 'handler@demo.local')",
  );
  const staffIds = {
    agent: staff.find((row) => row.email === 'agent@demo.local').id,
    handler: staff.find((row) => row.email === 'handler@demo.local').id,
  };
  const started = performance.now();
  const written = { cases: await insertRows(db, 'cases', caseRows(caseCount, catalog)) };
  const contacts = [...contactRows(Math.round(caseCount / 5), staffIds, catalog)];
  written.contacts = await insertRows(db, 'contacts', contacts);
  written.callbacks = await insertRows(
    db,
    'contact_callbacks',
    contacts.filter((contact) => contact.callbackMadeMs !== null),
  );
  written.calls = await insertRows(db, 'call_records', callRows(Math.round(caseCount / 5)));
  written.ratings = await insertRows(
    db,
    'citizen_ratings',
    contacts.filter((_, index) => index % 10 === 0),
  );
  if (db.kind === 'postgres') {
    await db.client.query('ANALYZE');
    await db.client.end();
  } else {
    db.sqlite.exec('ANALYZE');
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    db.sqlite.close();
  }
  return { written, fillSeconds: (performance.now() - started) / 1000 };
}

async function timed(url, token, path, query) {
  const started = performance.now();
  const response = await fetch(`${url}/api/v1/statistics/${path}?${new globalThis.URLSearchParams(query)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${body.slice(0, 300)}`);
  return performance.now() - started;
}

/** Polls /health every 10 ms while one request runs; answers the health latencies seen. */
async function healthWhile(url, work) {
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

async function main() {
  const app = await startApp({ port: 3951, env: { NODE_ENV: 'development' }, nodeArgs: ['--max-old-space-size=4096'] });
  try {
    const { written, fillSeconds } = await fill(app);
    console.log(
      `${app.database}: ${JSON.stringify(written)} written in ${fillSeconds.toFixed(1)} s; ${runs} runs per report after one warm-up`,
    );
    const token = (
      await (
        await fetch(`${app.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'manager@demo.local', password: 'demo-password' }),
        })
      ).json()
    ).accessToken;
    console.log('report'.padEnd(38) + 'median ms'.padStart(11) + 'min ms'.padStart(9) + 'max ms'.padStart(9));
    for (const [name, path, query] of REPORTS) {
      await timed(app.url, token, path, query);
      const times = [];
      for (let run = 0; run < runs; run++) times.push(await timed(app.url, token, path, query));
      console.log(
        name.padEnd(38) +
          median(times).toFixed(0).padStart(11) +
          Math.min(...times)
            .toFixed(0)
            .padStart(9) +
          Math.max(...times)
            .toFixed(0)
            .padStart(9),
      );
    }
    const { workMs, latencies } = await healthWhile(app.url, () => timed(app.url, token, 'cases', REPORTS[0][2]));
    console.log(
      `GET /health during "cases by month" (${workMs.toFixed(0)} ms): ${latencies.length} answers, median ${median(latencies).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms`,
    );
  } finally {
    await app.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
