// Sign-in answer times: a wrong password for a known e-mail, an e-mail that belongs to nobody,
// and the right password for a deactivated account. All three must take as long as one another
// (one argon2 verification each), or the time would tell which e-mail addresses have accounts.
//
//   npm run build && node bench/sign-in-timing.mjs [rounds=40]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node bench/sign-in-timing.mjs
//
// The three kinds are sent in turn, one request at a time, so that drift in the machine's load
// falls on all of them alike. The sign-in limits are raised for the run: the point is the time of
// the check, not the lock-out, which the e2e tests cover.
import { median, percentile, startApp } from './support.mjs';

const rounds = Number(process.argv[2] ?? 40);
const warmUp = 3;
const app = await startApp({
  port: 3961,
  env: { LOGIN_ACCOUNT_MAX_FAILURES: '1000', LOGIN_ADDRESS_MAX_FAILURES: '100000' },
});

async function post(path, body, token) {
  const response = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** Milliseconds of one sign-in, and its status. */
async function timedSignIn(email, password) {
  const started = performance.now();
  const { status } = await post('/api/v1/auth/login', { email, password });
  return { ms: performance.now() - started, status };
}

try {
  const admin = await app.login('admin@demo.local');
  const inactive = await post(
    '/api/v1/staff',
    {
      email: 'bench.inactive@demo.local',
      name: 'Bench Inactive',
      password: 'demo-password',
      role: 'agent',
      departmentCodes: ['SC'],
    },
    admin,
  );
  await fetch(`${app.url}/api/v1/staff/${inactive.body.id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ active: false }),
  });

  const kinds = {
    'known e-mail, wrong password': () => timedSignIn('handler@demo.local', 'not-the-password'),
    'unknown e-mail': () => timedSignIn('nobody.here@demo.local', 'not-the-password'),
    'inactive account, right password': () => timedSignIn('bench.inactive@demo.local', 'demo-password'),
  };
  const times = Object.fromEntries(Object.keys(kinds).map((kind) => [kind, []]));
  const statuses = new Set();
  for (let round = 0; round < warmUp + rounds; round++) {
    for (const [kind, signIn] of Object.entries(kinds)) {
      const { ms, status } = await signIn();
      statuses.add(status);
      if (round >= warmUp) times[kind].push(ms);
    }
  }

  console.log(`sign-in answer times, ${rounds} rounds, ${app.database}, answers: ${[...statuses].join(', ')}`);
  console.log(`${'kind'.padEnd(34)} ${'median ms'.padStart(10)} ${'p10'.padStart(8)} ${'p90'.padStart(8)}`);
  for (const [kind, values] of Object.entries(times)) {
    const sorted = [...values].sort((a, b) => a - b);
    console.log(
      `${kind.padEnd(34)} ${median(values).toFixed(1).padStart(10)} ${percentile(sorted, 10).toFixed(1).padStart(8)} ${percentile(sorted, 90).toFixed(1).padStart(8)}`,
    );
  }
  const known = median(times['known e-mail, wrong password']);
  console.log(`median ratio unknown / known = ${(median(times['unknown e-mail']) / known).toFixed(2)}`);
  console.log(
    `median ratio inactive / known = ${(median(times['inactive account, right password']) / known).toFixed(2)}`,
  );
} finally {
  await app.stop();
}
