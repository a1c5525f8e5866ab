import { gzipSync } from 'node:zlib';
import { ApiClient } from './support/api-client';
import { fetchOpenApiDocument, OpenApiDocument, operationsOf } from './support/openapi';
import { createTestApp, TestApp } from './support/test-app';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
const JSON_TYPE = 'application/json';

/** The path of an operation with each parameter filled by something that exists (or looks like it could). */
function concretePath(path: string): string {
  return path
    .replace('{code}', 'TEK')
    .replace('{action}', 'triage')
    .replace('{id}', '00000000-0000-4000-8000-000000000000');
}

/** Every operation that takes a JSON body, as method and concrete path. */
function jsonOperations(document: OpenApiDocument): Array<{ method: Method; path: string; key: string }> {
  return operationsOf(document)
    .filter(({ operation }) => {
      const content = (operation.requestBody as { content?: Record<string, unknown> } | undefined)?.content;
      return content !== undefined && JSON_TYPE in content;
    })
    .map(({ key, path }) => ({ key, method: key.split(' ')[0] as Method, path: concretePath(path) }));
}

describe('hostile bodies are client errors: too large, wrongly encoded, too deep', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  let admin: ApiClient;
  let agent: ApiClient;
  let anonymous: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    document = await fetchOpenApiDocument(t);
    [admin, agent] = await ApiClient.loginAll(t, 'admin@demo.local', 'agent@demo.local');
    anonymous = ApiClient.anonymous(t);
  });
  afterAll(() => t.close());

  describe('body-parser errors are client errors, before and after authentication', () => {
    it('answers a JSON body over 100 kB to every JSON operation, log-in included, with 413 before the token is looked at', async () => {
      const operations = jsonOperations(document);
      expect(operations.length).toBeGreaterThan(20);
      const body = JSON.stringify({ description: 'x'.repeat(150_000) });
      const answers: string[] = [];
      for (const { method, path, key } of operations) {
        if (key === 'post /api/v1/telephony/calls') continue;
        for (const caller of [anonymous, agent]) {
          const response = await caller.send(method, path, { body, contentType: JSON_TYPE }).response();
          answers.push(
            `${key} ${caller.token ? 'agent' : 'anonymous'}: ${response.status} ${(response.body as { code?: string }).code}`,
          );
        }
      }
      expect(answers.filter((answer) => !answer.endsWith(': 413 payload_too_large'))).toEqual([]);
    });

    it('takes a telephony webhook delivery up to 5 MB, and answers a larger one with 413', async () => {
      const record = (index: number) => ({
        callId: `bulk-${index}`,
        startedAt: '2025-05-12T08:03:10Z',
        queue: 'main',
        waitSeconds: 45,
        outcome: 'answered',
        talkSeconds: 180,
        callbackRequested: false,
      });
      const delivery = Array.from({ length: 2_000 }, (_, index) => record(index));
      expect(JSON.stringify(delivery).length).toBeGreaterThan(200_000);
      const stored = await admin.send<{ stored: number }>('post', '/api/v1/telephony/calls', { body: delivery });
      expect(stored).toMatchObject({ stored: 2_000, rejected: [] });

      const tooLarge = await admin
        .send('post', '/api/v1/telephony/calls', {
          body: JSON.stringify([{ ...record(0), queue: 'x'.repeat(6 * 1024 * 1024) }]),
          contentType: JSON_TYPE,
        })
        .expectStatus(413);
      expect(tooLarge.body).toMatchObject({
        code: 'payload_too_large',
        message: 'The request body is larger than the limit of 5242880 bytes',
      });
    });

    it('answers a gzip Content-Encoding over a plain body with 400, and an unknown encoding with 415', async () => {
      const plain = JSON.stringify({ description: 'Gatlampan är släckt' });
      for (const caller of [agent, anonymous]) {
        const notGzip = await caller
          .send('post', '/api/v1/cases', {
            body: plain,
            contentType: JSON_TYPE,
            headers: { 'Content-Encoding': 'gzip' },
          })
          .expectStatus(400);
        expect(notGzip.body).toMatchObject({
          code: 'validation_failed',
          message: ['body is not valid gzip data, as its Content-Encoding says'],
        });
        const unknown = await caller
          .send('post', '/api/v1/cases', {
            body: plain,
            contentType: JSON_TYPE,
            headers: { 'Content-Encoding': 'x-zip' },
          })
          .expectStatus(415);
        expect(unknown.body).toMatchObject({
          code: 'unsupported_encoding',
          message: 'Content-Encoding "x-zip" is not supported: send the body as it is, or in gzip, deflate or br',
        });
      }
      const gzipped = await agent.send<{ status: string }>('post', '/api/v1/cases', {
        body: gzipSync(plain),
        contentType: JSON_TYPE,
        headers: { 'Content-Encoding': 'gzip' },
        status: 201,
      });
      expect(gzipped.status).toBe('new');
    });

    it('undoes gzip on a streamed import, and refuses a false or unknown Content-Encoding there too', async () => {
      const line = JSON.stringify({
        externalId: 'GZ-1',
        receivedAt: '2024-03-05T08:15:00Z',
        departmentCode: 'TEK',
        catalogCode: 'street_light',
        channel: 'phone',
        description: 'Släckt gatlampa',
        status: 'new',
      });
      const ndjson = 'application/x-ndjson';
      const notGzip = await admin
        .send('post', '/api/v1/import/cases', {
          body: line,
          contentType: ndjson,
          headers: { 'Content-Encoding': 'gzip' },
        })
        .expectStatus(400);
      expect(notGzip.body).toMatchObject({ message: ['body is not valid gzip data, as its Content-Encoding says'] });
      const unknown = await admin
        .send('post', '/api/v1/import/cases', {
          body: line,
          contentType: ndjson,
          headers: { 'Content-Encoding': 'lzma' },
        })
        .expectStatus(415);
      expect(unknown.body).toMatchObject({ code: 'unsupported_encoding' });
      const imported = await admin.send<{ imported: number }>('post', '/api/v1/import/cases', {
        body: gzipSync(line),
        contentType: ndjson,
        headers: { 'Content-Encoding': 'gzip' },
      });
      expect(imported.imported).toBe(1);
    });
  });

  describe('deeply nested JSON is refused before anything walks it', () => {
    const deep = '['.repeat(5_000) + ']'.repeat(5_000);

    it('answers 5,000 levels of [ with 400, as a body, in a field, and in a telephony delivery', async () => {
      const message = ['body is nested deeper than 32 levels'];
      for (const body of [deep, `{"description":"x","citizen":${deep}}`]) {
        const response = await agent.send('post', '/api/v1/cases', { body, contentType: JSON_TYPE }).expectStatus(400);
        expect(response.body).toMatchObject({ code: 'validation_failed', message });
      }
      const login = await anonymous
        .send('post', '/api/v1/auth/login', { body: deep, contentType: JSON_TYPE })
        .expectStatus(400);
      expect(login.body).toMatchObject({ message });
      const calls = await admin
        .send('post', '/api/v1/telephony/calls', { body: deep, contentType: JSON_TYPE })
        .expectStatus(400);
      expect(calls.body).toMatchObject({ message });
    });

    it('rejects an import line nested 5,000 levels deep, and imports nothing', async () => {
      const result = await admin.importCases(`{"externalId":"DEEP-1","description":${deep}}`);
      expect(result).toEqual({
        imported: 0,
        rejected: [{ line: 1, errors: ['the record is nested deeper than 32 levels'] }],
        rejectedCount: 1,
      });
    });
  });
});
