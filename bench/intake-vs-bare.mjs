#!/usr/bin/env node
// Case intake against its bare limit, side by side in one run. Starts the built app (dist/,
// through support.mjs: a fresh database, the in-process queue with routing running in the same
// process) and bench/bare-server.mjs (a plain node:http server storing the same case row and an
// outbox row, nothing else) on a fresh database of the same kind, and loads both with the same
// generator: node:http with a keep-alive agent, a fixed number of requests in flight for a fixed
// time. The contenders alternate (app, bare, app, bare ...) for each number in flight, every round;
// the medians of the rounds are printed with the ratio app/bare.
//
// Per contender and number in flight: requests per second, latency p50 and p99 (ms), the server
// process's CPU time per intake (ms, from /proc/<pid>/stat; for the app it includes the routing
// job of the cases created, as the measuring window closes a second after the load stops, and
// that second's CPU is counted), and the peak resident memory of each process over the whole run
// (VmHWM from /proc/<pid>/status). Linux only; localhost only; every request has a deadline.
//
//   npm run build && node bench/intake-vs-bare.mjs [seconds=5] [rounds=3] [inFlight=16,50]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node bench/intake-vs-bare.mjs
//   BASELINE_BUILD=/tmp/base node bench/intake-vs-bare.mjs   # also another build (a checkout with
//                                                            # its dist/), "base", in the same turns
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { median, percentile, startApp } from './support.mjs';

const seconds = Number(process.argv[2] ?? 5);
const rounds = Number(process.argv[3] ?? 3);
const inFlightCounts = (process.argv[4] ?? '16,50').split(',').map(Number);
const WARM_UP_MS = 500;
const SETTLE_MS = 1000;
const REQUEST_TIMEOUT_MS = 30_000;
/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ; 100 on Linux). */
const TICKS_PER_SECOND = 100;

const caseBody = JSON.stringify({
  description: 'Gatlampan utanför Storgatan 12 är släckt',
  catalogCode: 'street_light',
  channel: 'phone',
});

/** CPU time (user + system) the process has used so far, in ms. */
function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** Peak resident memory of the process so far, in MB. */
function peakRssMb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return Number(line.split(/\s+/)[1]) / 1024;
}

function post(agent, url, headers) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(caseBody) },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ ok: response.statusCode === 201, ms: performance.now() - started }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ ok: false, ms: performance.now() - started }));
    req.end(caseBody);
  });
}

/** Keeps `inFlight` requests going for `ms`; answers the latencies of the 201s and the failures. */
async function load(agent, url, headers, inFlight, ms) {
  const latencies = [];
  let failures = 0;
  const deadline = performance.now() + ms;
  const worker = async () => {
    while (performance.now() < deadline) {
      const result = await post(agent, url, headers);
      if (result.ok) latencies.push(result.ms);
      else failures++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { latencies, failures };
}

async function measure(contender, inFlight) {
  const agent = new Agent({ keepAlive: true, maxSockets: inFlight });
  await load(agent, contender.url, contender.headers, inFlight, WARM_UP_MS);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const cpuBefore = cpuMs(contender.pid);
  const began = performance.now();
  const { latencies, failures } = await load(agent, contender.url, contender.headers, inFlight, seconds * 1000);
  const elapsed = (performance.now() - began) / 1000;
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const cpu = cpuMs(contender.pid) - cpuBefore;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuMsPerIntake: cpu / Math.max(1, latencies.length),
    failures,
  };
}

/** A port nothing listens on now (other benchmarks may run on the same machine). */
function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function startBare() {
  const dir = mkdtempSync(join(tmpdir(), 'onewayin-bare-'));
  const port = await freePort();
  const env = { ...process.env, SQLITE_PATH: join(dir, 'bare.sqlite') };
  let dropDatabase = async () => {};
  if (process.env.DATABASE_URL) {
    const name = `onewayin_bare_${process.pid}`;
    const admin = async (sql) => {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query(sql);
      await client.end();
    };
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDatabase = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  const script = fileURLToPath(new URL('./bare-server.mjs', import.meta.url));
  const child = spawn(process.execPath, [script, String(port)], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => String(chunk).includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`the bare server exited with code ${code}`)));
  });
  return {
    name: 'bare',
    pid: child.pid,
    url: `http://127.0.0.1:${port}/api/v1/cases`,
    headers: {},
    stop: async () => {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
      await dropDatabase();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// The demo municipality (staff, catalog, routing) but not its year of history: a production
// process seeds nothing, and the history's garbage would otherwise be counted in the peak RSS.
const appEnv = { REDIS_URL: '', SEED_DEMO_HISTORY: 'false' };
const app = await startApp({ port: await freePort(), env: appEnv });
const baselineBuild = process.env.BASELINE_BUILD;
const base = baselineBuild
  ? await startApp({ port: await freePort(), env: appEnv, appRoot: baselineBuild }).catch(async (error) => {
      await app.stop();
      throw error;
    })
  : null;
const bare = await startBare().catch(async (error) => {
  await Promise.all([app.stop(), base?.stop()]);
  throw error;
});
try {
  const contenderOf = async (name, started) => ({
    name,
    pid: started.pid,
    url: `${started.url}/api/v1/cases`,
    headers: { authorization: `Bearer ${await started.login('agent@demo.local')}` },
  });
  const appContender = await contenderOf('app', app);
  const baseContender = base ? await contenderOf('base', base) : null;
  const contenders = [appContender, ...(baseContender ? [baseContender] : []), bare];
  const results = new Map();
  for (let round = 1; round <= rounds; round++) {
    for (const inFlight of inFlightCounts) {
      for (const contender of contenders) {
        const result = await measure(contender, inFlight);
        const key = `${contender.name}/${inFlight}`;
        results.set(key, [...(results.get(key) ?? []), result]);
        console.log(
          `round ${round} ${contender.name.padEnd(4)} in flight ${String(inFlight).padStart(2)}: ` +
            `${result.rps.toFixed(0)} req/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ` +
            `CPU ${result.cpuMsPerIntake.toFixed(2)} ms/intake, failed ${result.failures}`,
        );
      }
    }
  }
  const of = (name, inFlight, field) => median(results.get(`${name}/${inFlight}`).map((r) => r[field]));
  const appRss = peakRssMb(app.pid);
  const baseRss = base ? peakRssMb(base.pid) : null;
  const bareRss = peakRssMb(bare.pid);
  console.log(
    `\ndatabase=${app.database} queue=in-process seconds=${seconds} rounds=${rounds} (medians of the rounds)`,
  );
  console.log('| in flight | contender | req/s | p50 ms | p99 ms | CPU ms/intake | failed | peak RSS MB |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const inFlight of inFlightCounts) {
    for (const [name, rss] of [['app', appRss], ...(base ? [['base', baseRss]] : []), ['bare', bareRss]]) {
      const failed = results.get(`${name}/${inFlight}`).reduce((sum, r) => sum + r.failures, 0);
      console.log(
        `| ${inFlight} | ${name} | ${of(name, inFlight, 'rps').toFixed(0)} | ${of(name, inFlight, 'p50').toFixed(1)} | ` +
          `${of(name, inFlight, 'p99').toFixed(1)} | ${of(name, inFlight, 'cpuMsPerIntake').toFixed(2)} | ${failed} | ${rss.toFixed(0)} |`,
      );
    }
    const ratios = [['app', 'bare', appRss / bareRss], ...(base ? [['app', 'base', appRss / baseRss]] : [])];
    for (const [name, limit, rssRatio] of ratios) {
      console.log(
        `| ${inFlight} | ${name}/${limit} | ${(of(name, inFlight, 'rps') / of(limit, inFlight, 'rps')).toFixed(3)}x | ` +
          `${(of(name, inFlight, 'p50') / of(limit, inFlight, 'p50')).toFixed(2)}x | ` +
          `${(of(name, inFlight, 'p99') / of(limit, inFlight, 'p99')).toFixed(2)}x | ` +
          `${(of(name, inFlight, 'cpuMsPerIntake') / of(limit, inFlight, 'cpuMsPerIntake')).toFixed(2)}x | | ${rssRatio.toFixed(2)}x |`,
      );
    }
  }
} finally {
  await bare.stop();
  await Promise.all([app.stop(), base?.stop()]);
}
