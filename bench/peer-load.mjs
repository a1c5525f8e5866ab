#!/usr/bin/env node
// Intake side by side with a peer help desk: onewayin's case intake (the built app, started here
// on a fresh database) against ticket creation in a Request Tracker 5 that is already running
// (bench/peer.sh sets it up, starts it and runs this script). One load generator for both: a
// fixed number of requests in flight for a fixed time, each new request sent when one answers.
// The contenders take turns, A B A B, for a number of rounds; the script prints each round, the
// medians over the rounds, and the ratios onewayin / RT.
//
// CPU ms per request is the contender's own CPU time (user + system, from /proc) in its turn and
// the second after it, over the requests it answered: for RT the sum over its server's process
// group (the prefork master and its workers, and the workers it has reaped).
//
//   RT_URL=http://127.0.0.1:8934 RT_USER=root RT_PASSWORD=password RT_PGID=1234 \
//     node bench/peer-load.mjs [rounds=3] [seconds=10] [concurrency=16]
import { readFileSync, readdirSync } from 'node:fs';
import { startApp, median, percentile } from './support.mjs';

const rounds = Number(process.argv[2] ?? 3);
const seconds = Number(process.argv[3] ?? 10);
const concurrency = Number(process.argv[4] ?? 16);
const rtUrl = process.env.RT_URL ?? 'http://127.0.0.1:8934';
const rtAuthorization = `Basic ${Buffer.from(`${process.env.RT_USER ?? 'root'}:${process.env.RT_PASSWORD ?? 'password'}`).toString('base64')}`;
const rtProcessGroup = Number(process.env.RT_PGID ?? NaN);
const description = 'Gatlampan utanför Storgatan 12 är släckt';

await waitForRt();
const app = await startApp({ port: Number(process.env.PORT ?? 3911) });
// Stopped half-way (peer.sh's trap, Ctrl-C): stop the app and remove its database all the same.
// A Ctrl-C reaches the app too, and stop() waits for an exit that may have happened already.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    const code = signal === 'SIGINT' ? 130 : 143;
    setTimeout(() => process.exit(code), 10_000);
    void app.stop().finally(() => process.exit(code));
  });
}
try {
  const token = await app.login('agent@demo.local');
  const contenders = [
    {
      name: 'onewayin',
      url: `${app.url}/api/v1/cases`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ description, catalogCode: 'street_light', channel: 'phone' }),
      cpuMs: () => processCpuMs(app.pid),
      results: [],
    },
    {
      name: 'rt',
      url: `${rtUrl}/REST/2.0/ticket`,
      headers: { 'content-type': 'application/json', authorization: rtAuthorization },
      body: JSON.stringify({ Queue: 'General', Subject: 'Gatlampan är släckt', Content: description }),
      cpuMs: () => processGroupCpuMs(rtProcessGroup),
      results: [],
    },
  ];

  // A short warm-up each: JIT, prepared statements, the modules RT loads on first use in a worker.
  for (const contender of contenders) await drive(contender, Math.min(3, seconds));

  console.log(
    `database=${app.database} rounds=${rounds} seconds=${seconds} concurrency=${concurrency} (ms; CPU = the server's own)`,
  );
  for (let round = 1; round <= rounds; round++) {
    for (const contender of contenders) {
      const result = await drive(contender, seconds);
      contender.results.push(result);
      console.log(`round ${round} ${contender.name.padEnd(8)} ${format(result)}`);
    }
  }

  const summary = Object.fromEntries(
    contenders.map((contender) => [
      contender.name,
      Object.fromEntries(
        ['rps', 'p50', 'p99', 'cpuPerRequest', 'failed'].map((key) => [
          key,
          median(contender.results.map((result) => result[key])),
        ]),
      ),
    ]),
  );
  for (const contender of contenders)
    console.log(`median   ${contender.name.padEnd(8)} ${format(summary[contender.name])}`);
  const ratio = (key) => (summary.onewayin[key] / summary.rt[key]).toFixed(2);
  console.log(
    `ratio onewayin/rt: req/s ${ratio('rps')}  p50 ${ratio('p50')}  p99 ${ratio('p99')}  CPU per request ${ratio('cpuPerRequest')}`,
  );
} finally {
  await app.stop();
}

/**
 * Sends `contender`'s request with `concurrency` in flight for `runSeconds` seconds (closed loop),
 * then waits a second. Returns requests answered 201 per second of the loop, p50/p99 of their
 * answer times in ms, the failures, and the server's CPU ms (loop and second) per answered request.
 */
async function drive(contender, runSeconds) {
  const latencies = [];
  let failed = 0;
  const cpuBefore = contender.cpuMs();
  const began = performance.now();
  const deadline = began + runSeconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      try {
        const response = await fetch(contender.url, {
          method: 'POST',
          headers: contender.headers,
          body: contender.body,
        });
        await response.arrayBuffer();
        // Both answer 201 for a stored case (ticket); anything else counts as failed.
        if (response.status === 201) latencies.push(performance.now() - started);
        else failed++;
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedSeconds = (performance.now() - began) / 1000;
  // The work an intake leaves behind (onewayin's routing jobs) finishes in this second: it counts
  // in the CPU time, and does not run into the other contender's turn.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const cpuUsed = contender.cpuMs() - cpuBefore;
  latencies.sort((a, b) => a - b);
  return {
    created: latencies.length,
    failed,
    rps: latencies.length / elapsedSeconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuPerRequest: cpuUsed / latencies.length,
  };
}

/** Waits until RT answers an authenticated REST 2 request (its server loads for a few seconds). */
async function waitForRt() {
  const started = performance.now();
  for (;;) {
    try {
      const response = await fetch(`${rtUrl}/REST/2.0/queue/1`, { headers: { authorization: rtAuthorization } });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    if (Number.isInteger(rtProcessGroup) && !processGroupAlive(rtProcessGroup)) throw new Error('rt-server exited');
    if (performance.now() - started > 60_000) throw new Error(`RT did not answer at ${rtUrl} within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function processGroupAlive(processGroup) {
  try {
    process.kill(-processGroup, 0);
    return true;
  } catch {
    return false;
  }
}

function format(result) {
  const created = result.created === undefined ? '' : `created=${result.created} `;
  return (
    `${created}failed=${result.failed} req/s=${result.rps.toFixed(1)} p50=${result.p50.toFixed(1)} ` +
    `p99=${result.p99.toFixed(1)} CPU/request=${result.cpuPerRequest.toFixed(1)}`
  );
}

/** Fields of /proc/<pid>/stat after the command name: [0] is the state, see proc(5). */
function statFields(pid) {
  return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
}

/** CPU time of one process, user and system, in ms (NaN where /proc is not there). */
function processCpuMs(pid) {
  try {
    const fields = statFields(pid);
    // utime and stime (fields 14 and 15 of stat(5)), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/**
 * CPU time of every process in a process group, in ms, with the time of the children its
 * processes have reaped (cutime, cstime): a prefork server replaces its workers as it goes.
 */
function processGroupCpuMs(processGroup) {
  if (!Number.isInteger(processGroup)) return NaN;
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = statFields(entry);
      if (Number(fields[2]) !== processGroup) continue;
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      /* the process ended meanwhile */
    }
  }
  return ticks * 10;
}
