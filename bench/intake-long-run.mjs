#!/usr/bin/env node
// Intake over a long run: does the cost of one case grow with the app's lifetime? Starts the
// built app (dist/) on a fresh database with the in-process queue (QUEUE=bullmq: BullMQ on
// the local Redis), creates street-light cases with a citizen's e-mail address (so each gets
// its routing, its receipt and four service-target checks), and reads the app's own process
// metrics from /metrics after every window of cases. Prints, for the first and the last
// windows, the median CPU milliseconds of the app per case and its resident memory, side by side.
// Localhost only; the run stops at a deadline.
//
//   npm run build && node bench/intake-long-run.mjs [cases=7000] [concurrency=4] [window=250]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node bench/intake-long-run.mjs
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
const app = await startApp({ port: 3906, env: queueEnv });
try {
  const token = await app.login('agent@demo.local');
  const windows = [];
  let created = 0;
  let failures = 0;
  let previous = await processMetrics();
  const startRssMb = previous.rssMb;
  const began = performance.now();
  while (created + failures < cases && performance.now() - began < DEADLINE_MS) {
    const size = Math.min(windowSize, cases - created - failures);
    let next = 0;
    const worker = async () => {
      while (next < size) {
        const n = created + failures + next++;
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
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const now = await processMetrics();
    windows.push({ cpuMsPerCase: ((now.cpuSeconds - previous.cpuSeconds) * 1000) / size, rssMb: now.rssMb });
    previous = now;
  }
  const elapsed = (performance.now() - began) / 1000;
  const first = windows.slice(0, COMPARED_WINDOWS);
  const last = windows.slice(-COMPARED_WINDOWS);
  const ratio = median(last.map((w) => w.cpuMsPerCase)) / median(first.map((w) => w.cpuMsPerCase));
  console.log(
    `database=${app.database} queue=${driver} cases=${created} failed=${failures} concurrency=${concurrency} ` +
      `window=${windowSize} seconds=${elapsed.toFixed(0)}`,
  );
  console.log('                      first windows   last windows   last/first');
  console.log(
    `CPU ms per case (p50)  ${fmt(median(first.map((w) => w.cpuMsPerCase)))}          ` +
      `${fmt(median(last.map((w) => w.cpuMsPerCase)))}         ${ratio.toFixed(2)}`,
  );
  console.log(
    `RSS MB                 ${fmt(startRssMb)} (start)   ${fmt(last.at(-1)?.rssMb ?? NaN)} (end)   ` +
      `${((last.at(-1)?.rssMb ?? NaN) / startRssMb).toFixed(2)}`,
  );
  console.log(
    `RSS MB (p50 of the windows)  ${fmt(median(first.map((w) => w.rssMb)))}   ${fmt(median(last.map((w) => w.rssMb)))}`,
  );
} finally {
  await app.stop();
}

/** The app's own CPU time and resident memory, as its /metrics reports them (prom-client's process metrics). */
async function processMetrics() {
  const text = await (await fetch(`${app.url}/metrics`)).text();
  const value = (name) => Number(new RegExp(`^${name} ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? NaN);
  return {
    cpuSeconds: value('onewayin_process_cpu_seconds_total'),
    rssMb: value('onewayin_process_resident_memory_bytes') / 1024 / 1024,
  };
}

function fmt(value) {
  return value.toFixed(1).padStart(6);
}
