#!/usr/bin/env node
// Fuzzing the built app (dist/) over HTTP: about N generated requests (default 20000), spread
// evenly over every operation of the OpenAPI document and sent as the demo admin and the demo
// agent, one at a time. The requests come from the same generator as the e2e test
// test/input-fuzz.e2e-spec.ts (test/support/fuzz/), compiled here with the project's TypeScript.
// Prints the requests and statuses per operation, every 5xx and every answer slower than 5 s,
// whether /health still answers 200, and what the integrity checks found in the database.
//
//   npm run build && node bench/fuzz.mjs [requests=20000] [seed=20260302]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node bench/fuzz.mjs 20000
//   FUZZ_ONLY='statistics' node bench/fuzz.mjs 2000      # only operations whose key matches
//   BENCH_PORT=3913 (default) picks the app's port.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import ts from 'typescript';
import { startApp } from './support.mjs';

const totalRequests = Number(process.argv[2] ?? 20_000);
const seed = Number(process.argv[3] ?? 20260302);
const SLOW_MS = 5_000;
const root = fileURLToPath(new URL('..', import.meta.url));

/** Loads a TypeScript module of the test support (and what it imports relatively), transpiled to CommonJS. */
function loadTypeScript(path, cache = new Map()) {
  if (cache.has(path)) return cache.get(path).exports;
  const { outputText } = ts.transpileModule(readFileSync(path, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  const module = { exports: {} };
  cache.set(path, module);
  const requireFromRoot = createRequire(join(root, 'package.json'));
  const require = (name) =>
    name.startsWith('.') ? loadTypeScript(`${resolve(dirname(path), name)}.ts`, cache) : requireFromRoot(name);
  new Function('require', 'module', 'exports', outputText)(require, module, module.exports);
  return module.exports;
}

const fuzz = join(root, 'test/support/fuzz');
const { runFuzz } = loadTypeScript(join(fuzz, 'fuzz-run.ts'));
const { prepareFixtures } = loadTypeScript(join(fuzz, 'fuzz-fixtures.ts'));
const { integrityProblems } = loadTypeScript(join(fuzz, 'integrity-checks.ts'));

const app = await startApp({ port: Number(process.env.BENCH_PORT ?? 3913) });
try {
  const document = await (await fetch(`${app.url}/docs-json`)).json();
  const tokens = { admin: await app.login('admin@demo.local'), agent: await app.login('agent@demo.local') };
  const fixtures = await prepareFixtures(async (method, path, body) => {
    const response = await fetch(`${app.url}${path}`, {
      method: method.toUpperCase(),
      headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  });
  const operations = Object.values(document.paths).reduce((count, methods) => count + Object.keys(methods).length, 0);
  const runsPerOperation = Math.max(1, Math.ceil(totalRequests / (operations * Object.keys(tokens).length)));
  console.log(`${app.database}: ${operations} operations x 2 roles x ${runsPerOperation} requests, seed ${seed}`);

  const started = performance.now();
  const report = await runFuzz({
    document,
    fixtures,
    tokens,
    runsPerOperation,
    seed,
    slowMs: SLOW_MS,
    only: process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : undefined,
    send: async (request, token) => {
      const response = await fetch(`${app.url}${request.url}`, {
        method: request.method.toUpperCase(),
        headers: { authorization: `Bearer ${token}`, ...request.headers },
        body: request.body,
        signal: AbortSignal.timeout(60_000),
      });
      return { status: response.status, text: await response.text() };
    },
  });
  const seconds = (performance.now() - started) / 1000;

  console.log('\nrequests  5xx  slowest ms  statuses  operation');
  for (const { operation, requests, statuses, slowestMs } of report.perOperation) {
    const fives = Object.entries(statuses).reduce((sum, [status, n]) => sum + (Number(status) >= 500 ? n : 0), 0);
    const spread = Object.entries(statuses)
      .map(([status, n]) => `${status}:${n}`)
      .join(' ');
    console.log(
      `${String(requests).padStart(8)} ${String(fives).padStart(4)} ${String(slowestMs).padStart(11)}  ${spread.padEnd(36)} ${operation}`,
    );
  }
  console.log(
    `\n${report.requests} requests in ${seconds.toFixed(1)} s (${(report.requests / seconds).toFixed(0)}/s): ` +
      `${report.serverErrors.length} answered 5xx, ${report.slow.length} slower than ${SLOW_MS} ms`,
  );
  for (const found of report.serverErrors) console.log(`5xx  ${found.status} as ${found.role}: ${found.request}`);
  for (const found of report.slow) console.log(`slow ${found.ms} ms as ${found.role}: ${found.request}`);

  const health = await fetch(`${app.url}/health`);
  console.log(`\n/health afterwards: ${health.status} ${JSON.stringify((await health.json()).status)}`);
  const database = await openDatabase(app);
  const problems = await integrityProblems(database.query);
  await database.close();
  console.log(
    problems.length
      ? `integrity problems:\n  ${problems.join('\n  ')}`
      : 'integrity: references gap-free, every case has its created event',
  );
} finally {
  await app.stop();
}

/** Read-only SQL on the app's database, beside the running app. */
async function openDatabase(started) {
  if (started.sqlitePath) {
    const database = new Database(started.sqlitePath, { readonly: true });
    return { query: async (sql) => database.prepare(sql).all(), close: async () => database.close() };
  }
  const client = new pg.Client({ connectionString: started.databaseUrl });
  await client.connect();
  return { query: async (sql) => (await client.query(sql)).rows, close: () => client.end() };
}
