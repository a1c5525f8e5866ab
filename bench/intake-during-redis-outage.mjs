#!/usr/bin/env node
// Case intake while Redis is down: intake writes the routing job to the outbox in the case's
// own transaction, so it should not wait for Redis at all. Starts a redis-server of its own on a
// free port and the built app (dist/) with BullMQ on it, creates cases one after the other as
// the demo agent with Redis up, kills Redis (SIGKILL, as a crash) and creates as many again,
// then starts Redis and times how long the outbox takes to empty. Prints the intake answer
// times of both phases (median, p90, max) and their ratio. Localhost only; every wait has a deadline.
//
//   npm run build && node bench/intake-during-redis-outage.mjs [casesPerPhase=50]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node bench/intake-during-redis-outage.mjs
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import IORedis from 'ioredis';
import { median, percentile, startApp } from './support.mjs';

const casesPerPhase = Number(process.argv[2] ?? 50);
const DRAIN_DEADLINE_MS = 60_000;

const redis = await startRedis(await freePort());
const app = await startApp({
  port: 3905,
  env: { REDIS_URL: redis.url, QUEUE_PREFIX: `onewayin-bench-${process.pid}`, RUN_WORKERS: 'true' },
});
try {
  const token = await app.login('agent@demo.local');
  const createCases = async (label) => {
    const answerMs = [];
    let failures = 0;
    for (let n = 0; n < casesPerPhase; n++) {
      const started = performance.now();
      const response = await fetch(`${app.url}/api/v1/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ description: `Potthål nummer ${label}-${n}`, catalogCode: 'pothole' }),
      });
      await response.arrayBuffer();
      if (response.status === 201) answerMs.push(performance.now() - started);
      else failures++;
    }
    return { answerMs: answerMs.sort((a, b) => a - b), failures };
  };

  const up = await createCases('up');
  await redis.stop();
  const down = await createCases('down');
  const pendingAfterOutage = (await health()).queue.outbox.pending;

  await redis.resume();
  const resumed = performance.now();
  let drainedMs = null;
  while (performance.now() - resumed < DRAIN_DEADLINE_MS) {
    const report = await health();
    if (report.status === 'ok' && report.queue.outbox.pending === 0) {
      drainedMs = performance.now() - resumed;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  const line = (label, { answerMs, failures }) =>
    `${label.padEnd(10)} created=${answerMs.length} failed=${failures} ` +
    `POST ms p50=${median(answerMs).toFixed(1)} p90=${percentile(answerMs, 90).toFixed(1)} max=${answerMs.at(-1)?.toFixed(1)}`;
  console.log(`database=${app.database} queue=bullmq casesPerPhase=${casesPerPhase}`);
  console.log(line('redis up', up));
  console.log(line('redis down', down));
  console.log(`median ratio down/up = ${(median(down.answerMs) / median(up.answerMs)).toFixed(2)}`);
  console.log(
    `outbox after the outage: ${pendingAfterOutage} pending; empty ${drainedMs === null ? `not within ${DRAIN_DEADLINE_MS} ms` : `${drainedMs.toFixed(0)} ms`} after Redis came back`,
  );
} finally {
  await app.stop();
  await redis.stop();
}

async function health() {
  return (await fetch(`${app.url}/health`)).json();
}

/** A redis-server that keeps nothing on disk, to be killed and started again on the same port. */
async function startRedis(port) {
  let child = null;
  const server = {
    url: `redis://127.0.0.1:${port}`,
    async resume() {
      child = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          stdio: 'ignore',
        },
      );
      const client = new IORedis({
        port,
        host: '127.0.0.1',
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      client.on('error', () => undefined);
      const deadline = performance.now() + 10_000;
      for (;;) {
        try {
          await client.connect();
          if ((await client.ping()) === 'PONG') break;
        } catch {
          if (performance.now() > deadline) throw new Error(`redis-server did not start on port ${port}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      client.disconnect();
    },
    async stop() {
      if (!child) return;
      const running = child;
      child = null;
      const exited = once(running, 'exit');
      running.kill('SIGKILL');
      await exited;
    },
  };
  await server.resume();
  return server;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
