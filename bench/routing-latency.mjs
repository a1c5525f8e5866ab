#!/usr/bin/env node
// Routing latency: how long from `POST /api/v1/cases` until the case shows in its
// department's inbox, at a steady load, with BullMQ on the local Redis. Starts the built
// app (dist/) on a fresh database (SQLite; PostgreSQL when DATABASE_URL is set), creates
// street-light cases at a fixed rate (open loop: a slow answer does not slow the load),
// and polls the tail of the TEK inbox as the demo handler. Prints medians and percentiles.
// Localhost only; every loop has a deadline.
//
//   npm run build && node bench/routing-latency.mjs [seconds=30] [casesPerSecond=20]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node bench/routing-latency.mjs
//   LAYOUT=split DATABASE_URL=... node bench/routing-latency.mjs   (API with RUN_WORKERS=false + a worker process)
//   QUEUE=in-process node bench/routing-latency.mjs                 (no Redis: the in-process queue, for comparison)
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import IORedis from 'ioredis';
import { median, percentile, startApp } from './support.mjs';

const seconds = Number(process.argv[2] ?? 30);
const rate = Number(process.argv[3] ?? 20);
const layout = process.env.LAYOUT === 'split' ? 'split' : 'single';
const driver = process.env.QUEUE === 'in-process' ? 'in-process' : 'bullmq';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `onewayin-bench-${process.pid}`;
const POLL_EVERY_MS = 10;
const DRAIN_MS = 15_000;

if (layout === 'split' && !process.env.DATABASE_URL)
  throw new Error('LAYOUT=split needs DATABASE_URL: the worker shares the database with the API');
if (layout === 'split' && driver === 'in-process')
  throw new Error('LAYOUT=split needs Redis: the in-process queue runs inside the API');

const queueEnv =
  driver === 'bullmq'
    ? { REDIS_URL: redisUrl, QUEUE_PREFIX: prefix, RUN_WORKERS: layout === 'split' ? 'false' : 'true' }
    : { REDIS_URL: '' };
const app = await startApp({ port: 3902, env: queueEnv });
const worker = layout === 'split' ? await startWorker(app.databaseUrl) : null;
try {
  const agent = await app.login('agent@demo.local');
  const handler = await app.login('handler@demo.local');
  const body = JSON.stringify({
    description: 'Gatlampan utanför Storgatan 12 är släckt',
    catalogCode: 'street_light',
    channel: 'phone',
  });

  const sentAt = new Map(); // case id -> when its POST was sent
  const seenAt = new Map(); // case id -> when the inbox first showed it
  const postMs = [];
  let failures = 0;
  let polls = 0;
  let loadDone = false;

  const poll = async () => {
    let total = 0;
    const deadline = performance.now() + seconds * 1000 + DRAIN_MS;
    while (performance.now() < deadline && !(loadDone && seenAt.size >= sentAt.size)) {
      // New cases sort last (same priority, received later): the tail of the inbox is enough.
      const response = await fetch(
        `${app.url}/api/v1/departments/TEK/inbox?limit=200&offset=${Math.max(0, total - 100)}`,
        { headers: { authorization: `Bearer ${handler}` } },
      );
      const inbox = await response.json();
      const now = performance.now();
      total = inbox.total;
      for (const item of inbox.items) if (!seenAt.has(item.id)) seenAt.set(item.id, now);
      polls++;
      await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
    }
  };

  const load = async () => {
    const requests = [];
    const began = performance.now();
    for (let n = 0; n < seconds * rate; n++) {
      const due = began + (n * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const started = performance.now();
      requests.push(
        fetch(`${app.url}/api/v1/cases`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${agent}` },
          body,
        })
          .then(async (response) => {
            const created = await response.json();
            if (response.status !== 201) return failures++;
            postMs.push(performance.now() - started);
            sentAt.set(created.id, started);
          })
          .catch(() => failures++),
      );
    }
    await Promise.all(requests);
    loadDone = true;
  };

  const began = performance.now();
  await Promise.all([poll(), load()]);
  const elapsed = (performance.now() - began) / 1000;

  const inboxMs = [...sentAt]
    .filter(([id]) => seenAt.has(id))
    .map(([id, sent]) => seenAt.get(id) - sent)
    .sort((a, b) => a - b);
  const serverMs = (await serverSideLatencies(app, handler, [...sentAt.keys()])).sort((a, b) => a - b);
  postMs.sort((a, b) => a - b);
  const fmt = (values) =>
    values.length === 0
      ? 'none'
      : `p50=${percentile(values, 50).toFixed(1)} p90=${percentile(values, 90).toFixed(1)} p99=${percentile(values, 99).toFixed(1)} max=${values[values.length - 1].toFixed(1)} median=${median(values).toFixed(1)}`;
  console.log(
    `database=${app.database} queue=${driver} layout=${layout} rate=${rate}/s seconds=${seconds} elapsed=${elapsed.toFixed(1)}s`,
  );
  console.log(
    `created=${sentAt.size} failed=${failures} seen-in-inbox=${inboxMs.length} inbox-polls=${polls} (every ~${((elapsed * 1000) / polls).toFixed(1)} ms)`,
  );
  console.log(`POST /api/v1/cases           ms ${fmt(postMs)}`);
  console.log(`POST -> in the TEK inbox     ms ${fmt(inboxMs)}`);
  console.log(`created -> routed (timeline) ms ${fmt(serverMs)}`);
} finally {
  if (worker) await worker.stop();
  await app.stop();
  if (driver === 'bullmq') await deleteQueueKeys();
}

/** The server's own account, without the polling error: the routing event's time minus the case's creation time. */
async function serverSideLatencies(app, token, ids) {
  const latencies = [];
  for (const id of ids) {
    const response = await fetch(`${app.url}/api/v1/cases/${id}/timeline`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const events = await response.json();
    const created = events.find((event) => event.type === 'created');
    const routed = events.find((event) => event.type === 'routing');
    if (created && routed) latencies.push(Date.parse(routed.at) - Date.parse(created.at));
  }
  return latencies;
}

/** The worker process for LAYOUT=split, on the database startApp created. */
async function startWorker(databaseUrl) {
  const url = new URL(databaseUrl);
  const root = fileURLToPath(new URL('..', import.meta.url));
  const child = spawn(process.execPath, [`${root}dist/worker.js`], {
    env: {
      ...process.env,
      DATABASE_URL: url.toString(),
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await new Promise((resolve) => setTimeout(resolve, 3000));
  if (child.exitCode !== null) throw new Error(`the worker exited with code ${child.exitCode}`);
  return {
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

async function deleteQueueKeys() {
  const redis = new IORedis(redisUrl);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}
