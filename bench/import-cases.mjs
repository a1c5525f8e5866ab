#!/usr/bin/env node
// Historical case import: generates an NDJSON file of about N MB (default 50), starts the
// built app (dist/) on a fresh database, and POSTs the file as one streamed request to
// /api/v1/import/cases as the demo admin. Prints the time, the app's resident memory
// (before, and peak while importing, sampled from /proc), and the worst /health latency
// seen while the import ran (how responsive the app stayed). Localhost only; Linux for RSS.
//
//   npm run build && node bench/import-cases.mjs [megabytes=50]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node bench/import-cases.mjs 50
//   BENCH_PORT=3912 (default) picks the app's port.
import { createReadStream, createWriteStream, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { startApp } from './support.mjs';

const megabytes = Number(process.argv[2] ?? 50);
const TYPES = [
  [
    'street_light',
    'TEK',
    'Gatlampan utanför Storgatan %n har varit släckt i över en vecka och det är mörkt på kvällarna.',
  ],
  ['pothole', 'TEK', 'Stort potthål i korsningen vid Ekbacksvägen %n, bilar väjer ut i mötande körfält.'],
  ['water_leak', 'VA', 'Vatten forsar upp ur marken vid Lövuddsvägen %n sedan i morse, misstänkt läcka.'],
  ['noise', 'MHF', 'Störande buller från byggarbetsplats på kvällar och helger vid Hamngatan %n.'],
  [
    'building_permit',
    'SBF',
    'Fråga om bygglov för attefallshus på fastigheten Norrvika %n:12, vilka handlingar behövs?',
  ],
  ['home_care', 'AO', 'Anhörig undrar över hemtjänstens tider för sin mamma på Solvägen %n.'],
];
const CHANNELS = ['phone', 'visit', 'email', 'web', 'letter', 'social'];

/** A case a day's work of a mid-sized municipality might have left behind, with consistent times. */
function historicalCase(i) {
  const [catalogCode, departmentCode, text] = TYPES[i % TYPES.length];
  const received = Date.UTC(2019, 0, 1) + i * 97_000; // spreads the cases over several years
  const iso = (ms) => new Date(ms).toISOString();
  const line = {
    externalId: `LEGACY-${String(i).padStart(8, '0')}`,
    receivedAt: iso(received),
    departmentCode,
    catalogCode,
    channel: CHANNELS[i % CHANNELS.length],
    description: text.replace('%n', String(1 + (i % 97))),
    status: 'closed',
  };
  switch (i % 4) {
    case 0:
      return { ...line, status: 'in_progress', firstResponseAt: iso(received + 3_600_000) };
    case 1:
      return {
        ...line,
        status: 'resolved',
        firstResponseAt: iso(received + 1_800_000),
        resolvedAt: iso(received + 86_400_000),
      };
    default:
      return {
        ...line,
        firstResponseAt: iso(received + 900_000),
        resolvedAt: iso(received + 172_800_000),
        closedAt: iso(received + 259_200_000),
      };
  }
}

async function generate(path, bytes) {
  const out = createWriteStream(path);
  let written = 0;
  let count = 0;
  while (written < bytes) {
    const line = `${JSON.stringify(historicalCase(count))}\n`;
    count += 1;
    written += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  return count;
}

/** The app's process: the child of this script that runs dist/main.js. */
function appPid() {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('dist/main.js'))
        return Number(entry);
    } catch {
      /* the process went away */
    }
  }
  return null;
}

function rssMegabytes(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN; // the app has exited
  }
}

function post(url, token, path) {
  return new Promise((resolve, reject) => {
    const target = new URL('/api/v1/import/cases', url);
    const req = request(
      target,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-ndjson',
          authorization: `Bearer ${token}`,
          'content-length': statSync(path).size,
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(body) }));
      },
    );
    req.on('error', reject);
    createReadStream(path).pipe(req);
  });
}

const file = join(tmpdir(), `onewayin-import-bench-${process.pid}.ndjson`);
let app = null;
try {
  const lines = await generate(file, megabytes * 1024 * 1024);
  const size = statSync(file).size;
  // Its own port, so it can run beside the other benchmarks.
  app = await startApp({ port: Number(process.env.BENCH_PORT ?? 3912) });
  const token = await app.login('admin@demo.local');
  const pid = appPid();
  const rssBefore = pid ? rssMegabytes(pid) : NaN;
  let rssPeak = rssBefore;
  let worstHealthMs = 0;
  let done = false;
  const sampler = (async () => {
    while (!done) {
      if (pid) rssPeak = Math.max(rssPeak, rssMegabytes(pid));
      const asked = performance.now();
      await fetch(`${app.url}/health`).then((r) => r.arrayBuffer());
      worstHealthMs = Math.max(worstHealthMs, performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const started = performance.now();
  const answer = await post(app.url, token, file);
  const seconds = (performance.now() - started) / 1000;
  done = true;
  await sampler;
  console.log(
    `database=${app.database} file=${(size / 1048576).toFixed(1)}MB lines=${lines} status=${answer.status} imported=${answer.body.imported} rejectedCount=${answer.body.rejectedCount}`,
  );
  console.log(
    `seconds=${seconds.toFixed(1)} MB/s=${(size / 1048576 / seconds).toFixed(1)} cases/s=${(answer.body.imported / seconds).toFixed(0)}`,
  );
  console.log(
    `rss MB before=${rssBefore.toFixed(0)} peak=${rssPeak.toFixed(0)} (sampled every ~100 ms) worst /health during import=${worstHealthMs.toFixed(0)} ms`,
  );
} finally {
  if (app) await app.stop();
  rmSync(file, { force: true });
}
