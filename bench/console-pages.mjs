// Server-side render times of the staff web console's pages on the demo data (the demo
/* global URLSearchParams */
// municipality and its year of history): signs in as the demo agent, handler and manager through
// the sign-in page, then asks each page N times one after the other and prints the median and p95
// in milliseconds, and the app's own CPU time per request (user + system, from /proc on Linux): on a
// machine shared with other work the wall-clock figures include waiting for a core, the CPU time
// does not. Build first (npm run build).
import { readFileSync } from 'node:fs';
import { startApp } from './support.mjs';

const rounds = Number(process.argv[2] ?? 200);
const app = await startApp({ port: Number(process.env.PORT ?? 3321), env: { SEED_DEMO_HISTORY: 'true' } });
try {
  const browser = async (email) => {
    let cookies = '';
    const keep = (response) => {
      for (const cookie of response.headers.getSetCookie()) cookies = `${cookies}; ${cookie.split(';')[0]}`;
    };
    const get = async (path) => {
      const response = await fetch(`${app.url}${path}`, { headers: { cookie: cookies }, redirect: 'manual' });
      keep(response);
      return response;
    };
    const page = await get('/login');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())[1];
    keep(
      await fetch(`${app.url}/login`, {
        method: 'POST',
        headers: { cookie: cookies, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, email, password: 'demo-password' }),
        redirect: 'manual',
      }),
    );
    return get;
  };
  const agent = await browser('agent@demo.local');
  const handler = await browser('handler@demo.local');
  const manager = await browser('manager@demo.local');
  const pages = [
    ['login', agent, '/login?lang=sv'],
    ['desk', agent, '/desk'],
    ['inbox', handler, '/inbox'],
    ['case', handler, '/cases/REF'],
    ['dashboard', manager, '/dashboard'],
    ['dashboard csv', manager, '/dashboard/cases-by-month.csv'],
  ];
  const inbox = await (await handler('/inbox')).text();
  const reference = /\/cases\/(\d{4}-\d{6})/.exec(inbox)?.[1];
  for (const [name, get, path] of pages) {
    if (path.includes('REF') && !reference) continue;
    const target = path.replace('REF', reference);
    await (await get(target)).text();
    const times = [];
    const cpuBefore = cpuMs(app.pid);
    for (let i = 0; i < rounds; i += 1) {
      const started = performance.now();
      const response = await get(target);
      await response.text();
      times.push(performance.now() - started);
    }
    const cpuPerRequest = ((cpuMs(app.pid) - cpuBefore) / rounds).toFixed(1);
    times.sort((a, b) => a - b);
    const at = (share) => times[Math.min(times.length - 1, Math.floor(share * times.length))].toFixed(1);
    console.log(
      `${name.padEnd(13)} ${target.padEnd(30)} median ${at(0.5)} ms  p95 ${at(0.95)} ms  CPU ${cpuPerRequest} ms/request  (${rounds} requests)`,
    );
  }
} finally {
  await app.stop();
}

/** The CPU time a process has used, user and system, in milliseconds (NaN where /proc is not there). */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
