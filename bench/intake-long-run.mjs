#!/usr/bin/env node
// Intake over a long run: does the cost of one case grow with the app's lifetime? Starts the
// built app (dist/) on a fresh database with the in-process queue (QUEUE=bullmq: BullMQ on
// the local Redis), creates street-light cases with a citizen's e-mail address (so each gets
// its routing, its receipt and four service-target checks), and after every window of cases
// reads the app's own process metrics from /metrics: the CPU time it used and its resident memory
// (RSS), then, after a full garbage collection (the app is started with
// bench/collect-garbage-on-signal.mjs preloaded, and signalled), its RSS and the heap it still
// holds: memory the app keeps, not garbage V8 has yet to collect. Prints the medians of the first
// and the last windows side by side, and the memory at the start and the end. Localhost only; the run has a deadline.
//
//   npm run build && node bench/intake-long-run.mjs [cases=7000] [concurrency=4] [window=250]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node bench/intake-long-run.mjs
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { median, startApp } from './support.mjs';

const cases = Number(process.argv[2] ?? 7000);
const concurrency = Number(process.argv[3] ?? 4);
const windowSize = Number(process.argv[4] ?? 250);
/** The first and the last this many windows are compared. */
const COMPARED_WINDOWS = 5;
const DEADLINE_MS = 30 * 60_000;

const driver = process.env.QUEUE === 'bullmq' ? 'bullmq' : 'in-process';
const queueEnv =
  driver === 'bullmq'
    ? { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', QUEUE_PREFIX: `onewayin-bench-${process.pid}` }
    : { REDIS_URL: '' };
const collector = fileURLToPath(new URL('./collect-garbage-on-signal.mjs', import.meta.url));
// A port nothing listens on now: other benchmarks may run on the same machine.
const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const app = await startApp({ port, env: queueEnv, nodeArgs: ['--expose-gc', '--import', collector] });
try {
  const token = await app.login('agent@demo.local');
  const windows = [];
  let created = 0;
  let failures = 0;
  const start = await afterCollection();
  let cpuSeconds = (await processMetrics()).cpuSeconds;
  const began = performance.now();
  while (created + failures < cases && performance.now() - began < DEADLINE_MS) {
    const size = Math.min(windowSize, cases - created - failures);
    let next = 0;
    const worker = async () => {
      while (next < size) {
        const n = created + failures + next++;
        try {
          const response = await fetch(`${app.url}/api/v1/cases`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({
              description: `Gatlampan utanför Storgatan ${n} är släckt`,
              catalogCode: 'street_light',
              channel: 'phone',
              citizen: { name: 'Anna Andersson', email: `anna.${n}@example.se` },
            }),
          });
          await response.arrayBuffer();
          if (response.status === 201) created++;
          else failures++;
        } catch {
          // A kept-alive connection the server closed as it was reused: counted, and the run goes on.
          failures++;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const atEnd = await processMetrics();
    const cpuMsPerCase = ((atEnd.cpuSeconds - cpuSeconds) * 1000) / size;
    const memory = await afterCollection();
    // The collection's own CPU time is left out of the next window.
    cpuSeconds = (await processMetrics()).cpuSeconds;
    windows.push({ cpuMsPerCase, rssBeforeCollectionMb: atEnd.rssMb, ...memory });
    if (process.env.VERBOSE) console.log(created, windows.at(-1));
  }
  const elapsed = (performance.now() - began) / 1000;
  const first = windows.slice(0, COMPARED_WINDOWS);
  const last = windows.slice(-COMPARED_WINDOWS);
  const row = (label, before, after) =>
    `${label.padEnd(34)} ${before.toFixed(1).padStart(8)} ${after.toFixed(1).padStart(8)} ${(after / before).toFixed(2).padStart(8)}`;
  const p50 = (list, field) => median(list.map((w) => w[field]));
  console.log(
    `database=${app.database} queue=${driver} cases=${created} failed=${failures} concurrency=${concurrency} ` +
      `window=${windowSize} seconds=${elapsed.toFixed(0)}`,
  );
  console.log(`${''.padEnd(34)} ${'first'.padStart(8)} ${'last'.padStart(8)} ${'ratio'.padStart(8)}`);
  console.log(row('CPU ms per case (p50 of windows)', p50(first, 'cpuMsPerCase'), p50(last, 'cpuMsPerCase')));
  console.log(
    row('RSS MB before collection (p50)', p50(first, 'rssBeforeCollectionMb'), p50(last, 'rssBeforeCollectionMb')),
  );
  console.log(row('RSS MB after collection (p50)', p50(first, 'rssMb'), p50(last, 'rssMb')));
  console.log(row('RSS MB after collection (start, end)', start.rssMb, windows.at(-1).rssMb));
  console.log(row('heap held MB (p50 of windows)', p50(first, 'heapMb'), p50(last, 'heapMb')));
  console.log(row('heap held MB (start, end)', start.heapMb, windows.at(-1).heapMb));
} finally {
  await app.stop();
}

/** The app's CPU time, resident memory and heap in use, as its /metrics reports them (prom-client's process metrics). */
async function processMetrics() {
  const text = await withRetries(async () => (await fetch(`${app.url}/metrics`)).text());
  const value = (name) => Number(new RegExp(`^${name} ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? NaN);
  return {
    cpuSeconds: value('onewayin_process_cpu_seconds_total'),
    rssMb: value('onewayin_process_resident_memory_bytes') / 1024 / 1024,
    heapMb: value('onewayin_nodejs_heap_size_used_bytes') / 1024 / 1024,
  };
}

/**
 * A kept-alive connection the server closes just as it is reused fails the fetch (ECONNRESET);
 * after an hour of intake that must not lose the run. Tries again up to three times.
 */
async function withRetries(work) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Memory after a full garbage collection in the app: what it holds, not what it has yet to collect. */
async function afterCollection() {
  process.kill(app.pid, 'SIGWINCH');
  await new Promise((resolve) => setTimeout(resolve, 300));
  const { rssMb, heapMb } = await processMetrics();
  return { rssMb, heapMb };
}
