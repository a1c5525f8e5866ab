#!/usr/bin/env node
// Accessibility statistics over a big year: fills a fresh database with N cases received in 2025
// (default 100,000), seven in ten of them from one of 0.3 N citizens, N/5 contacts with their
// callbacks, N/5 call records and N/50 ratings, then asks the running app (dist/) for the year's
// reports over HTTP and times each one against its bare limit: the plainest SQL aggregate over
// the same rows (e.g. count(*) of the year's cases grouped by month), run straight on the
// database by this script. The two alternate (app, bare, app, bare, ...) and the script prints
// the median of each and their ratio. Last, it polls /health every 10 ms while the biggest report
// (the comparison export) runs: whether the API stays responsive. Localhost only; never fails the
// test suite.
//
//   npm run build && node bench/statistics.mjs [cases=100000] [rounds=5]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node bench/statistics.mjs 10000000 3
//
// SQLite is filled row by row through prepared statements; PostgreSQL set-based with
// generate_series (statistics-data.mjs), which is what makes 10,000,000 cases practical.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { callRows, caseRows, citizenRows, contactRows, fillPostgresSetBased, insertRows } from './statistics-data.mjs';
import { healthWhile, median, percentile, startApp } from './support.mjs';

const caseCount = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 5);
const YEAR = { from: '2025-01-01', to: '2026-01-01' };

/**
 * The bare limit of each report: the same rows of the year (2025 in Stockholm time) counted by
 * the same grouping, without any of the report's figures. Month and day are local on PostgreSQL
 * and UTC on SQLite (the cheapest expression each offers; the rows are the same).
 */
const BARE = {
  sqlite: {
    from: "'2024-12-31 23:00:00.000'",
    to: "'2025-12-31 23:00:00.000'",
    month: (column) => `substr(${column}, 1, 7)`,
    day: (column) => `substr(${column}, 1, 10)`,
  },
  postgres: {
    from: "timestamptz '2025-01-01 00:00:00+01'",
    to: "timestamptz '2026-01-01 00:00:00+01'",
    month: (column) => `date_trunc('month', ${column} AT TIME ZONE 'Europe/Stockholm')`,
    day: (column) => `date_trunc('day', ${column} AT TIME ZONE 'Europe/Stockholm')`,
  },
};
const inYear = (b, column) => `${column} >= ${b.from} AND ${column} < ${b.to}`;
const contactDepartment =
  '(SELECT MIN(sd.department_code) FROM staff_user_departments sd WHERE sd.user_id = c.agent_id)';
const REPORTS = [
  [
    'cases by month',
    'cases',
    { ...YEAR, groupBy: 'month' },
    (b) => [`SELECT ${b.month('received_at')} AS m, count(*) FROM cases WHERE ${inYear(b, 'received_at')} GROUP BY 1`],
  ],
  [
    'cases by department',
    'cases',
    { ...YEAR, groupBy: 'department' },
    (b) => [`SELECT department_code, count(*) FROM cases WHERE ${inYear(b, 'received_at')} GROUP BY 1`],
  ],
  [
    'cases by catalog entry',
    'cases',
    { ...YEAR, groupBy: 'catalog' },
    (b) => [`SELECT catalog_code, count(*) FROM cases WHERE ${inYear(b, 'received_at')} GROUP BY 1`],
  ],
  [
    'e-mailed cases by catalog entry',
    'cases',
    { ...YEAR, groupBy: 'catalog', channel: 'email' },
    (b) => [
      `SELECT catalog_code, count(*) FROM cases WHERE channel = 'email' AND ${inYear(b, 'received_at')} GROUP BY 1`,
    ],
  ],
  [
    'cases by gender',
    'cases',
    { ...YEAR, groupBy: 'gender' },
    (b) => [`SELECT citizen_gender, count(*) FROM cases WHERE ${inYear(b, 'received_at')} GROUP BY 1`],
  ],
  [
    'e-mailed cases by gender',
    'cases',
    { ...YEAR, groupBy: 'gender', channel: 'email' },
    (b) => [
      `SELECT citizen_gender, count(*) FROM cases WHERE channel = 'email' AND ${inYear(b, 'received_at')} GROUP BY 1`,
    ],
  ],
  [
    'cases by month, what-if targets',
    'cases',
    { ...YEAR, groupBy: 'month', firstResponseTargetWorkingDays: 1, resolutionTargetWorkingDays: 5 },
    (b) => [`SELECT ${b.month('received_at')} AS m, count(*) FROM cases WHERE ${inYear(b, 'received_at')} GROUP BY 1`],
  ],
  [
    'contacts by month',
    'contacts',
    { ...YEAR, groupBy: 'month' },
    (b) => [`SELECT ${b.month('started_at')}, count(*) FROM contacts WHERE ${inYear(b, 'started_at')} GROUP BY 1`],
  ],
  [
    'contacts by day',
    'contacts',
    { ...YEAR, groupBy: 'day' },
    (b) => [`SELECT ${b.day('started_at')}, count(*) FROM contacts WHERE ${inYear(b, 'started_at')} GROUP BY 1`],
  ],
  [
    'contacts by channel',
    'contacts',
    { ...YEAR, groupBy: 'channel' },
    (b) => [`SELECT channel, count(*) FROM contacts WHERE ${inYear(b, 'started_at')} GROUP BY 1`],
  ],
  [
    'e-mail answers by month',
    'email-answers',
    { ...YEAR, groupBy: 'month' },
    (b) => [
      `SELECT ${b.month('received_at')}, count(*) FROM cases WHERE channel = 'email' AND ${inYear(b, 'received_at')} GROUP BY 1`,
      `SELECT ${b.month('started_at')}, count(*) FROM contacts WHERE channel = 'email' AND ${inYear(b, 'started_at')} GROUP BY 1`,
    ],
  ],
  [
    'phone by month',
    'phone',
    { ...YEAR, groupBy: 'month' },
    (b) => [`SELECT ${b.month('started_at')}, count(*) FROM call_records WHERE ${inYear(b, 'started_at')} GROUP BY 1`],
  ],
  [
    'callbacks by department',
    'callbacks',
    { ...YEAR, groupBy: 'department' },
    (b) => [
      `SELECT ${contactDepartment}, count(*) FROM contacts c WHERE c.outcome IN ('message_taken', 'callback_promised')
       AND ${inYear(b, 'c.started_at')} GROUP BY 1`,
    ],
  ],
  [
    'service index by department',
    'service-index',
    YEAR,
    (b) => [`SELECT ${contactDepartment}, count(*) FROM contacts c WHERE ${inYear(b, 'c.started_at')} GROUP BY 1`],
  ],
  [
    'ratings by channel',
    'ratings',
    { ...YEAR, groupBy: 'channel' },
    (b) => [`SELECT channel, count(*) FROM citizen_ratings WHERE ${inYear(b, 'rated_at')} GROUP BY 1`],
  ],
  [
    'backlog by department',
    'backlog',
    { groupBy: 'department' },
    () => [
      `SELECT department_code, count(*) FROM cases WHERE status NOT IN ('resolved', 'closed', 'duplicate') GROUP BY 1`,
    ],
  ],
  // The export is the totals of seven reports: its limit, the totals of their tables.
  [
    'comparison 2025 (all KKiK measures)',
    'comparison',
    { year: 2025 },
    (b) => [
      `SELECT count(*) FROM cases WHERE ${inYear(b, 'received_at')}`,
      `SELECT count(*) FROM contacts WHERE ${inYear(b, 'started_at')}`,
      `SELECT count(*) FROM call_records WHERE ${inYear(b, 'started_at')}`,
      `SELECT count(*) FROM citizen_ratings WHERE ${inYear(b, 'rated_at')}`,
    ],
  ],
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
  let written;
  if (db.kind === 'postgres') {
    const others = Math.round(caseCount / 5);
    written = await fillPostgresSetBased(db.client, { cases: caseCount, contacts: others, calls: others }, staffIds);
  } else {
    written = { citizens: await insertRows(db, 'citizens', citizenRows(caseCount)) };
    written.cases = await insertRows(db, 'cases', caseRows(caseCount, catalog));
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
  }
  const fillSeconds = (performance.now() - started) / 1000;
  const analyzeStarted = performance.now();
  if (db.kind === 'postgres') {
    // What autovacuum would do soon after a bulk load: statistics and the visibility map.
    await db.client.query('VACUUM ANALYZE');
    await db.client.end();
  } else {
    db.sqlite.exec('ANALYZE');
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    db.sqlite.close();
  }
  return { written, fillSeconds, analyzeSeconds: (performance.now() - analyzeStarted) / 1000 };
}

/** A connection of the script's own for the bare queries. */
async function bareRunner(app) {
  if (app.database === 'postgres') {
    const client = new pg.Client({ connectionString: app.databaseUrl });
    client.on('error', () => {});
    await client.connect();
    return {
      dialect: BARE.postgres,
      run: async (statements) => {
        for (const sql of statements) await client.query(sql);
      },
      close: () => client.end(),
    };
  }
  const sqlite = new Database(app.sqlitePath, { readonly: true });
  return {
    dialect: BARE.sqlite,
    run: async (statements) => {
      for (const sql of statements) sqlite.prepare(sql).all();
    },
    close: async () => sqlite.close(),
  };
}

/** Times one report against its bare limit, alternating, and prints a row of the table. */
async function compare(app, token, bare, name, path, query, bareSql) {
  const statements = bareSql(bare.dialect);
  await timed(app.url, token, path, query);
  await timedBare(bare, statements);
  const appTimes = [];
  const bareTimes = [];
  for (let round = 0; round < rounds; round++) {
    appTimes.push(await timed(app.url, token, path, query));
    bareTimes.push(await timedBare(bare, statements));
  }
  const appMs = median(appTimes);
  const bareMs = median(bareTimes);
  console.log(
    name.padEnd(38) +
      appMs.toFixed(0).padStart(9) +
      Math.min(...appTimes)
        .toFixed(0)
        .padStart(7) +
      Math.max(...appTimes)
        .toFixed(0)
        .padStart(7) +
      bareMs.toFixed(1).padStart(9) +
      (appMs / bareMs).toFixed(2).padStart(10),
  );
}

/**
 * Counts a change for each of the last `days` UTC days of the year, as the database's triggers
 * would for a case of each day resolved after the refresh: the report then reads those days from
 * the cases.
 */
async function markDaysChanged(app, days) {
  const utcDays = Array.from({ length: days }, (_, index) =>
    new Date(Date.parse('2025-12-31T12:00:00Z') - index * 86_400_000).toISOString().slice(0, 10),
  );
  const sql = `UPDATE case_day_changes SET change_count = change_count + 1 WHERE utc_day IN (${utcDays.map((day) => `'${day}'`).join(', ')})`;
  const insert = `INSERT INTO case_day_changes (utc_day, change_count) VALUES ${utcDays.map((day) => `('${day}', 0)`).join(', ')} ON CONFLICT (utc_day) DO NOTHING`;
  if (app.database === 'postgres') {
    const client = new pg.Client({ connectionString: app.databaseUrl });
    await client.connect();
    await client.query(insert);
    await client.query(sql);
    await client.end();
  } else {
    const sqlite = new Database(app.sqlitePath);
    sqlite.pragma('busy_timeout = 10000');
    sqlite.exec(insert);
    sqlite.exec(sql);
    sqlite.close();
  }
}

/**
 * One report's time, ms, on a connection of its own: on SQLite the bare queries run in this
 * script's own thread and hold its event loop for seconds, long enough for the app to close a
 * kept-alive connection (after 5 s idle) without this script seeing it, and a request sent on it
 * then fails with "other side closed".
 */
async function timed(url, token, path, query) {
  const started = performance.now();
  const response = await fetch(`${url}/api/v1/statistics/${path}?${new globalThis.URLSearchParams(query)}`, {
    headers: { authorization: `Bearer ${token}`, connection: 'close' },
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${body.slice(0, 300)}`);
  return performance.now() - started;
}

async function timedBare(bare, statements) {
  const started = performance.now();
  await bare.run(statements);
  return performance.now() - started;
}

async function main() {
  // The app refreshes the daily figures at start (the database is empty then) and not again
  // during the run: the script builds them after the fill with the command and times that.
  const app = await startApp({
    port: 3951,
    env: { NODE_ENV: 'development', RECONCILE_EVERY_SECONDS: String(24 * 3600) },
    nodeArgs: ['--max-old-space-size=4096'],
  });
  let bare;
  try {
    const { written, fillSeconds, analyzeSeconds } = await fill(app);
    console.log(
      `${app.database}: ${JSON.stringify(written)} written in ${fillSeconds.toFixed(1)} s (then ${analyzeSeconds.toFixed(1)} s ${app.database === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE'}); ${rounds} rounds per report after one warm-up`,
    );
    const refreshStarted = performance.now();
    const refreshed = execFileSync(
      process.execPath,
      [fileURLToPath(new URL('../dist/statistics/day-figures/refresh-day-figures.js', import.meta.url))],
      {
        env: {
          ...process.env,
          ...(app.database === 'postgres' ? { DATABASE_URL: app.databaseUrl } : { SQLITE_PATH: app.sqlitePath }),
        },
        encoding: 'utf8',
      },
    );
    console.log(
      `npm run statistics:refresh (${((performance.now() - refreshStarted) / 1000).toFixed(1)} s with the start): ${refreshed.trim()}`,
    );
    const token = await app.login('manager@demo.local');
    bare = await bareRunner(app);
    console.log(
      'report'.padEnd(38) +
        'app ms'.padStart(9) +
        'min'.padStart(7) +
        'max'.padStart(7) +
        'bare ms'.padStart(9) +
        'app/bare'.padStart(10),
    );
    for (const [name, path, query, bareSql] of REPORTS) await compare(app, token, bare, name, path, query, bareSql);
    const biggest = REPORTS[REPORTS.length - 1];
    // /health polled through `rounds` runs of the biggest report, its answer times pooled.
    const { workMs, latencies } = await healthWhile(app.url, async () => {
      const times = [];
      for (let round = 0; round < rounds; round++) times.push(await timed(app.url, token, biggest[1], biggest[2]));
      return median(times);
    });
    console.log(
      `GET /health during ${rounds} runs of "${biggest[0]}" (median ${workMs.toFixed(0)} ms): ${latencies.length} answers, median ${median(latencies).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms`,
    );
    // Cases change after the refresh: their days are read from the cases until the next one.
    const changedDays = 21;
    await markDaysChanged(app, changedDays);
    const [, path, query, bareSql] = REPORTS[0];
    await compare(app, token, bare, `cases by month, ${changedDays} days changed`, path, query, bareSql);
  } finally {
    await bare?.close();
    await app.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
