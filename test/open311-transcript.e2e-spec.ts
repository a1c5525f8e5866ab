import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Open311ClientsService } from '../src/open311/open311-clients.service';
import { ApiClient } from './support/api-client';
import { readOpen311Xml } from './support/open311';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The requests FixMyStreet's Open311 client sent in one recorded session (service list,
 * service definition, two service requests, token polling, the request list, a wrong key), one
 * JSON object a line, replayed against this server. Each answer is read the way that client
 * reads it (XML::Simple, lists forced to arrays, ids as text): test/support/open311.ts.
 *
 * The client learned the ids it asks for later (1001, 1002, the token T1002) from the answers to
 * its own posts; the replay puts in the ids this server answered, by the order of the posts.
 */
interface RecordedRequest {
  method: 'GET' | 'POST';
  url: string;
  content_type: string | null;
  user_agent: string;
  body: string;
}

const TRANSCRIPT: RecordedRequest[] = readFileSync(
  join(__dirname, 'fixtures/open311/fms-client-transcript.jsonl'),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as RecordedRequest);

type Xml = Record<string, unknown>;
type Item = Record<string, unknown>;
const items = (document: Xml, wrapper: string, item: string): Item[] =>
  (document[wrapper] as Record<string, Item[]>)[item];

describe("replay of a FixMyStreet client's recorded Open311 session", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ runJobs: true, now: '2026-05-04T08:00:00Z' });
    const admin = await ApiClient.login(t, 'admin@demo.local');
    for (const [code, sv, en] of [
      ['001', 'Gatubelysning', 'Street lighting'],
      ['002', 'Trafiksignal', 'Traffic signal'],
    ]) {
      await admin.createCatalogEntry({
        code,
        name: { sv, en },
        kind: 'fault_report',
        departmentCode: 'TEK',
        priority: 'normal',
        keywords: ['lampa'],
      });
    }
    await admin.send('put', '/api/v1/open311/services/001/attributes', {
      body: {
        attributes: [
          {
            code: 'STOLPE',
            variable: true,
            datatype: 'string',
            required: false,
            datatypeDescription: 'Numret på stolpens skylt',
            order: 1,
            description: 'Stolpnummer',
            values: [],
          },
        ],
      },
    });
    await t.app.get(Open311ClientsService).issue('FixaMinGata', null, 'testkey');
  });
  afterAll(() => t.close());

  it('has the session as recorded: 7 requests', () => {
    expect(TRANSCRIPT.map((request) => `${request.method} ${request.url.split('?')[0]}`)).toEqual([
      'GET /open311/v2/services.xml',
      'GET /open311/v2/services/001.xml',
      'POST /open311/v2/requests.xml',
      'POST /open311/v2/requests.xml',
      'GET /open311/v2/tokens/T1002.xml',
      'GET /open311/v2/requests.xml',
      'POST /open311/v2/requests.xml',
    ]);
  });

  it('answers every request so that the client reads what it expects', async () => {
    const posted: Array<{ id: string; token: string }> = [];
    const replay = async (recorded: RecordedRequest) => {
      let url = recorded.url;
      posted.forEach(({ id, token }, index) => {
        url = url.replace(`T100${index + 1}`, token).replace(`100${index + 1}`, id);
      });
      const call = recorded.method === 'GET' ? t.http().get(url) : t.http().post(url);
      call.set('User-Agent', recorded.user_agent);
      if (recorded.content_type) call.set('Content-Type', recorded.content_type);
      const answer = await (recorded.method === 'POST' ? call.send(recorded.body) : call);
      expect(answer.headers['content-type']).toBe('text/xml');
      return { status: answer.status, xml: readOpen311Xml(answer.text) };
    };

    const [services, definition, first, second, token, list, wrongKey] = TRANSCRIPT;

    const serviceList = await replay(services);
    expect(serviceList.status).toBe(200);
    const offered = items(serviceList.xml, 'services', 'service');
    expect(offered.filter((service) => ['001', '002'].includes(service.service_code as string))).toEqual([
      {
        service_code: '001',
        service_name: 'Gatubelysning',
        description: 'Street lighting',
        metadata: 'true',
        type: 'realtime',
        keywords: 'lampa',
        group: 'Tekniska förvaltningen',
      },
      {
        service_code: '002',
        service_name: 'Trafiksignal',
        description: 'Traffic signal',
        metadata: 'false',
        type: 'realtime',
        keywords: 'lampa',
        group: 'Tekniska förvaltningen',
      },
    ]);

    const serviceDefinition = await replay(definition);
    expect(serviceDefinition.status).toBe(200);
    expect(serviceDefinition.xml).toEqual({
      service_definition: {
        service_code: '001',
        attributes: {
          attribute: [
            {
              variable: 'true',
              code: 'STOLPE',
              datatype: 'string',
              required: 'false',
              datatype_description: 'Numret på stolpens skylt',
              order: '1',
              description: 'Stolpnummer',
            },
          ],
        },
      },
    });

    for (const post of [first, second]) {
      const answer = await replay(post);
      expect(answer.status).toBe(201);
      const [request] = items(answer.xml, 'service_requests', 'request');
      // The client takes service_request_id when it is text (not a nested element), else polls the token.
      expect(typeof request.service_request_id).toBe('string');
      expect(typeof request.token).toBe('string');
      posted.push({ id: request.service_request_id as string, token: request.token as string });
    }
    expect(new Set(posted.map((request) => request.id)).size).toBe(2);

    const polled = await replay(token);
    expect(polled.status).toBe(200);
    expect(items(polled.xml, 'service_requests', 'request')).toEqual([
      { service_request_id: posted[1].id, token: posted[1].token },
    ]);

    const requests = await replay(list);
    expect(requests.status).toBe(200);
    const listed = items(requests.xml, 'service_requests', 'request');
    expect(listed.map((request) => request.service_request_id).sort()).toEqual(posted.map((p) => p.id).sort());
    for (const request of listed) {
      expect(request).toMatchObject({ status: 'open', agency_responsible: 'Tekniska förvaltningen', lat: '59.3293' });
      expect(request.service_code).toMatch(/^00[12]$/);
      // The CR LF of the app's description come back as they were sent.
      expect(request.description).toMatch(
        /^Titel: Lampan släckt\r\n\r\nBeskrivning: Gatlyktan utanför nr 12 är släckt\.\r\n/,
      );
      expect(JSON.stringify(request)).not.toMatch(/Anna|Andersson|medborgare@example\.se/);
    }

    const refused = await replay(wrongKey);
    expect(refused.status).toBe(403);
    expect(refused.xml).toEqual({
      errors: { error: [{ code: '403', description: 'api_key was not provided or is not valid' }] },
    });
  });
});
