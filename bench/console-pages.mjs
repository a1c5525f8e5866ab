// Server-side render times of the staff web console's pages on the demo data: signs in as the
/* global URLSearchParams */
// demo agent and handler through the sign-in page, then asks each page N times one after the
// other and prints the median and p95 in milliseconds. Build first (npm run build).
import { startApp } from './support.mjs';

const rounds = Number(process.argv[2] ?? 200);
const app = await startApp({ port: Number(process.env.PORT ?? 3321) });
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
  const pages = [
    ['login', agent, '/login?lang=sv'],
    ['desk', agent, '/desk'],
    ['inbox', handler, '/inbox'],
    ['case', handler, '/cases/REF'],
  ];
  const inbox = await (await handler('/inbox')).text();
  const reference = /\/cases\/(\d{4}-\d{6})/.exec(inbox)?.[1];
  for (const [name, get, path] of pages) {
    if (path.includes('REF') && !reference) continue;
    const target = path.replace('REF', reference);
    await (await get(target)).text();
    const times = [];
    for (let i = 0; i < rounds; i += 1) {
      const started = performance.now();
      const response = await get(target);
      await response.text();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (share) => times[Math.min(times.length - 1, Math.floor(share * times.length))].toFixed(1);
    console.log(
      `${name.padEnd(6)} ${target.padEnd(24)} median ${at(0.5)} ms  p95 ${at(0.95)} ms  (${rounds} requests)`,
    );
  }
} finally {
  await app.stop();
}
