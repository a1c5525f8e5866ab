import { DataSource } from 'typeorm';
import { ApiClient } from './support/api-client';
import { prepareFixtures } from './support/fuzz/fuzz-fixtures';
import { FuzzReport, runFuzz } from './support/fuzz/fuzz-run';
import { integrityProblems } from './support/fuzz/integrity-checks';
import { fetchOpenApiDocument, OpenApiDocument } from './support/openapi';
import { createTestApp, TestApp } from './support/test-app';

/** Fixed, so that CI tries the same requests every run; FUZZ_SEED tries others. */
const SEED = Number(process.env.FUZZ_SEED ?? 20260302);
/** Requests per operation and role; `node bench/fuzz.mjs` runs many more against the built app. */
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 25);
const SLOW_MS = 5_000;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

describe('no input breaks the API: generated requests to every operation of the OpenAPI document', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  let report: FuzzReport;

  beforeAll(async () => {
    t = await createTestApp();
    document = await fetchOpenApiDocument(t);
    const [admin, agent] = await ApiClient.loginAll(t, 'admin@demo.local', 'agent@demo.local');
    const fixtures = await prepareFixtures(async (method, path, body) => {
      const response = await admin.send(method as Method, path, { body }).response();
      return { status: response.status, body: response.body };
    });
    report = await runFuzz({
      document,
      fixtures,
      tokens: { admin: admin.token!, agent: agent.token! },
      runsPerOperation: RUNS_PER_OPERATION,
      seed: SEED,
      slowMs: SLOW_MS,
      only: process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : undefined,
      send: async (request, token) => {
        const response = await ApiClient.withToken(t, token)
          .send(request.method as Method, request.url, { body: request.body, headers: request.headers })
          .response();
        return { status: response.status, text: response.text ?? '' };
      },
    });
  }, 600_000);
  afterAll(() => t.close());

  it('answers every request to every operation, as an admin and as an agent, without a 5xx', () => {
    expect(report.perOperation.length).toBe(process.env.FUZZ_ONLY ? report.perOperation.length : 101);
    expect(report.requests).toBe(report.perOperation.length * 2 * RUNS_PER_OPERATION);
    expect(
      report.serverErrors.map((found) => `${found.status} as ${found.role}: ${found.request} -> ${found.answer}`),
    ).toEqual([]);
  });

  it(`answers every request within ${SLOW_MS / 1000} s`, () => {
    expect(report.slow.map((found) => `${found.ms} ms as ${found.role}: ${found.request}`)).toEqual([]);
  });

  it('is healthy afterwards, with gap-free references and a created event on every case', async () => {
    const health = await ApiClient.anonymous(t).health();
    expect(health.status).toBe('ok');
    const dataSource = t.app.get(DataSource);
    expect(await integrityProblems((sql) => dataSource.query(sql))).toEqual([]);
  });
});
