#!/usr/bin/env node
// Two builds of the app side by side on the same data: each report of 2025 asked of build A and of
// build B in turn (A B A B ...), after one warm-up each; prints the median of each, B/A, and
// whether the two answered the same figures. While the comparison export runs, /health is polled
// every 10 ms: its answer times, per build, say whether a build holds the event loop. Each build
// gets its own copy of the database, since a newer build migrates its copy (new indexes, a new
// shape of the daily figures) at start.
//
//   node bench/statistics-builds.mjs <dirA> <databaseA> <dirB> <databaseB> [rounds=5] [name filter]
//
// A directory is a checkout with dist/ built (git worktree add /tmp/base <commit>, link
// node_modules, npm run build). A database is a SQLite file or a postgres:// URL, e.g. a copy of
// the file `BENCH_KEEP_DATABASE=1 node bench/statistics.mjs 1000000` left. A build that migrates
// its copy empties the daily figures; run `npm run statistics:refresh` in it with SQLITE_PATH or
// DATABASE_URL set, after the build has started once, before timing the cases report.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { healthWhile, median, percentile } from './support.mjs';

const [dirA, databaseA, dirB, databaseB, roundsArgument, filter] = process.argv.slice(2);
if (!databaseB) {
  console.error('usage: node bench/statistics-builds.mjs <dirA> <databaseA> <dirB> <databaseB> [rounds] [filter]');
  process.exit(2);
}
const rounds = Number(roundsArgument ?? 5);
const YEAR = { from: '2025-01-01', to: '2026-01-01' };
const REPORTS = [
  ['cases by month', 'cases', { ...YEAR, groupBy: 'month' }],
  ['cases by department', 'cases', { ...YEAR, groupBy: 'department' }],
  ['cases by catalog entry', 'cases', { ...YEAR, groupBy: 'catalog' }],
  ['e-mailed cases by catalog entry', 'cases', { ...YEAR, groupBy: 'catalog', channel: 'email' }],
  ['cases by gender', 'cases', { ...YEAR, groupBy: 'gender' }],
  ["one department's cases by gender", 'cases', { ...YEAR, groupBy: 'gender', departmentCode: 'TEK' }],
  // Served by the level per channel and gender since layout 3; the cases before.
  ['e-mailed cases by gender', 'cases', { ...YEAR, groupBy: 'gender', channel: 'email' }],
  // What-if targets: from the working days taken since layout 4; the counts from the cases before.
  ['cases by gender, a what-if target', 'cases', { ...YEAR, groupBy: 'gender', firstResponseTargetWorkingDays: 1 }],
  [
    'cases by month, what-if targets',
    'cases',
    { ...YEAR, groupBy: 'month', firstResponseTargetWorkingDays: 1, resolutionTargetWorkingDays: 5 },
  ],
  [
    'e-mailed cases by gender, a what-if target',
    'cases',
    { ...YEAR, groupBy: 'gender', channel: 'email', firstResponseTargetWorkingDays: 1 },
  ],
  ['contacts by month', 'contacts', { ...YEAR, groupBy: 'month' }],
  ['contacts by day', 'contacts', { ...YEAR, groupBy: 'day' }],
  ['contacts by channel', 'contacts', { ...YEAR, groupBy: 'channel' }],
  ['contacts by department', 'contacts', { ...YEAR, groupBy: 'department' }],
  ['e-mail answers by month', 'email-answers', { ...YEAR, groupBy: 'month' }],
  ['e-mail answers by department', 'email-answers', { ...YEAR, groupBy: 'department' }],
  ['e-mail answers by gender', 'email-answers', { ...YEAR, groupBy: 'gender' }],
  ['e-mail answers by week, into 2026', 'email-answers', { from: '2025-06-01', to: '2026-03-01', groupBy: 'week' }],
  ['phone by month', 'phone', { ...YEAR, groupBy: 'month' }],
  ['phone by queue', 'phone', { ...YEAR, groupBy: 'queue' }],
  ['callbacks by department', 'callbacks', { ...YEAR, groupBy: 'department' }],
  ['callbacks by month', 'callbacks', { ...YEAR, groupBy: 'month' }],
  ['service index by department', 'service-index', YEAR],
  ['ratings by channel', 'ratings', { ...YEAR, groupBy: 'channel' }],
  ['backlog by department', 'backlog', { groupBy: 'department' }],
  ['backlog', 'backlog', {}],
  ["one department's backlog", 'backlog', { departmentCode: 'TEK' }],
  ['comparison 2025', 'comparison', { year: 2025 }],
].filter(([name]) => !filter || name.includes(filter));

/** Starts `node <dir>/dist/main.js` on the database, without periodic refreshes, and logs in. */
async function start(dir, database, port) {
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    RECONCILE_EVERY_SECONDS: String(24 * 3600),
    LOG_LEVEL: 'warn',
    PORT: String(port),
    MAIL_DIR: join(mkdtempSync(join(tmpdir(), 'onewayin-builds-')), 'mail'),
  };
  delete env.DATABASE_URL;
  if (database.startsWith('postgres')) env.DATABASE_URL = database;
  else env.SQLITE_PATH = database;
  const child = spawn(process.execPath, ['--max-old-space-size=4096', join(dir, 'dist/main.js')], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${dir}: the app exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (performance.now() - started > 300_000) throw new Error(`${dir}: the app did not start within 300 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'manager@demo.local', password: 'demo-password' }),
  });
  return { url, token: (await login.json()).accessToken, child, healthMs: [] };
}

async function ask(app, path, query) {
  const started = performance.now();
  const response = await fetch(`${app.url}/api/v1/statistics/${path}?${new globalThis.URLSearchParams(query)}`, {
    headers: { authorization: `Bearer ${app.token}` },
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${body.slice(0, 300)}`);
  return { ms: performance.now() - started, body };
}

/** The report whose runs /health is polled through: the biggest, the comparison export. */
const WATCHED = 'comparison 2025';

/** Times a report; while the watched one runs, polls /health and keeps its answer times on the app. */
async function askWatchingHealth(app, name, path, query) {
  if (name !== WATCHED) return (await ask(app, path, query)).ms;
  const { workMs, latencies } = await healthWhile(app.url, async () => (await ask(app, path, query)).ms);
  app.healthMs.push(...latencies);
  return workMs;
}

/** The answer without the instants that say when it was made. */
const figuresOf = (body) => body.replace(/"(generatedAt|at)":"[^"]*"/g, '');

const a = await start(dirA, databaseA, 3961);
const b = await start(dirB, databaseB, 3962);
try {
  console.log(`${rounds} rounds per report after one warm-up each, median ms`);
  console.log('report'.padEnd(36) + 'A'.padStart(8) + 'B'.padStart(8) + 'B/A'.padStart(7) + '  same figures');
  for (const [name, path, query] of REPORTS) {
    const [warmA, warmB] = [await ask(a, path, query), await ask(b, path, query)];
    const timesA = [];
    const timesB = [];
    for (let round = 0; round < rounds; round++) {
      timesA.push(await askWatchingHealth(a, name, path, query));
      timesB.push(await askWatchingHealth(b, name, path, query));
    }
    const [medianA, medianB] = [median(timesA), median(timesB)];
    console.log(
      name.padEnd(36) +
        medianA.toFixed(0).padStart(8) +
        medianB.toFixed(0).padStart(8) +
        (medianB / medianA).toFixed(2).padStart(7) +
        `  ${figuresOf(warmA.body) === figuresOf(warmB.body) ? 'yes' : 'NO'}`,
    );
  }
  for (const [label, app] of [
    ['A', a],
    ['B', b],
  ]) {
    if (app.healthMs.length === 0) continue;
    const sorted = app.healthMs.sort((x, y) => x - y);
    console.log(
      `GET /health during "${WATCHED}", ${label}: ${sorted.length} answers, median ${median(sorted).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`,
    );
  }
} finally {
  for (const app of [a, b]) app.child.kill('SIGTERM');
}
