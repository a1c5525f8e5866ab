import { MAX_PHOTO_BYTES } from '../src/open311/open311.controller';
import { ApiClient } from './support/api-client';
import { eventually } from './support/eventually';
import { form, readOpen311Xml } from './support/open311';
import { createTestApp, TestApp } from './support/test-app';

/** Monday 4 May 2026, 10:00 in Stockholm (UTC+2). */
const MONDAY_10 = '2026-05-04T08:00:00Z';

interface JsonRequest {
  service_request_id: string;
  status: string;
  description: string;
  service_code: string;
  agency_responsible: string | null;
  address: string | null;
  lat: string | null;
  long: string | null;
  status_notes: string | null;
  extended_attributes?: { case_status: string; status_notes: Array<{ status: string; description: string }> };
}

describe('Open311 GeoReport v2: citizens’ apps report into the same intake', () => {
  let t: TestApp;
  let admin: ApiClient;
  let agent: ApiClient;
  let handler: ApiClient;
  let apiKey: string;

  beforeAll(async () => {
    t = await createTestApp({ runJobs: true, now: MONDAY_10, env: { OPEN311_JURISDICTION_ID: 'norrvika.se' } });
    [admin, agent, handler] = await ApiClient.loginAll(t, 'admin@demo.local', 'agent@demo.local', 'handler@demo.local');
    const issued = await admin.send<{ id: string; apiKey: string; name: string }>('post', '/api/v1/open311/clients', {
      body: { name: 'FixaMinGata' },
      status: 201,
    });
    expect(issued).toMatchObject({ name: 'FixaMinGata', revokedAt: null });
    expect(issued.apiKey).toMatch(/^[\w-]{43}$/);
    apiKey = issued.apiKey;
  });
  afterAll(() => t.close());

  const post = (path: string, fields: Record<string, string>) =>
    t.http().post(`/open311/v2/${path}`).type('form').send(form(fields));
  const get = (path: string) => t.http().get(`/open311/v2/${path}`);
  const caseTotal = async () => (await admin.listCases({})).total;
  const routedTo = (reference: string, department: string) =>
    eventually(async () => {
      const view = await admin.getCase(reference);
      return view.status === 'routed' && view.departmentCode === department ? view : undefined;
    }, `case ${reference} to be routed to ${department}`);

  it('serves discovery as text/xml and application/json exactly', async () => {
    const xml = await get('discovery.xml').expect(200);
    expect(xml.headers['content-type']).toBe('text/xml');
    const discovery = readOpen311Xml(xml.text).discovery as { endpoints: { endpoint: Array<Record<string, unknown>> } };
    expect(discovery.endpoints.endpoint[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      type: 'production',
      formats: { format: ['text/xml', 'application/json'] },
    });
    const json = await get('discovery.json').expect(200);
    expect(json.headers['content-type']).toBe('application/json');
    expect((json.body as { endpoints: Array<{ url: string }> }).endpoints[0].url).toMatch(/\/open311\/v2$/);
    const html = await get('services.html').expect(404);
    expect(html.headers['content-type']).toBe('text/xml');
    expect(readOpen311Xml(html.text)).toEqual({
      errors: { error: [{ code: '404', description: 'The format is .xml or .json' }] },
    });
  });

  it('lists the catalog’s services, never a confidential type, with the department as group', async () => {
    const services = (await get('services.json?jurisdiction_id=norrvika.se').expect(200)).body as Array<
      Record<string, unknown>
    >;
    expect(services.find((service) => service.service_code === 'street_light')).toEqual({
      service_code: 'street_light',
      service_name: 'Gatubelysning ur funktion',
      description: 'Street light out of order',
      metadata: false,
      type: 'realtime',
      keywords: expect.stringContaining('gatlykta, gatlampa') as string,
      group: 'Tekniska förvaltningen',
    });
    const catalog = await admin.catalog();
    const confidential = catalog.filter((entry) => entry.confidential).map((entry) => entry.code);
    expect(confidential.length).toBeGreaterThan(0);
    expect(services.filter((service) => confidential.includes(service.service_code as string))).toEqual([]);
    expect(services).toHaveLength(catalog.filter((entry) => entry.active && !entry.confidential).length);
  });

  it('answers another jurisdiction 404 in the error list', async () => {
    const answer = await get('services.xml?jurisdiction_id=other.se').expect(404);
    expect(answer.headers['content-type']).toBe('text/xml');
    expect(readOpen311Xml(answer.text)).toEqual({
      errors: { error: [{ code: '404', description: 'jurisdiction_id "other.se" was not found' }] },
    });
  });

  it('brings a request posted in XML to the department’s inbox, as a case from an app with the citizen stored', async () => {
    const answer = await post('requests.xml', {
      api_key: apiKey,
      jurisdiction_id: 'norrvika.se',
      service_code: 'street_light',
      lat: '59.329300',
      long: '18.068600',
      description: 'Titel: Lampan släckt\r\n\r\nGatlyktan utanför nr 12 är släckt.',
      first_name: 'Anna',
      last_name: 'Andersson',
      email: 'anna.andersson@example.se',
      device_id: 'device-17',
    }).expect(201);
    expect(answer.headers['content-type']).toBe('text/xml');
    const [created] = (readOpen311Xml(answer.text).service_requests as { request: Array<Record<string, string>> })
      .request;
    expect(created.service_request_id).toMatch(/^2026-\d{6}$/);
    expect(created.token).toMatch(/^[\w-]{24}$/);

    const routed = await routedTo(created.service_request_id, 'TEK');
    expect(routed).toMatchObject({
      channel: 'app',
      catalogCode: 'street_light',
      description: 'Titel: Lampan släckt\r\n\r\nGatlyktan utanför nr 12 är släckt.',
      citizen: { name: 'Anna Andersson', email: 'anna.andersson@example.se' },
      location: { address: null, lat: 59.3293, lng: 18.0686 },
    });
    const inbox = await handler.inbox('TEK');
    expect(inbox.items.map((item) => item.reference)).toContain(created.service_request_id);
    // The service target of a street light runs as for any case: received Mon 4 May 10:00, resolved within
    // 10 working days (Ascension Day, Thu 14 May, is a holiday), by Tue 19 May 16:30 = 14:30Z.
    const [published] = (await get(`requests/${created.service_request_id}.json`).expect(200)).body as Array<
      Record<string, unknown>
    >;
    expect(published).toMatchObject({
      requested_datetime: '2026-05-04T08:00:00Z',
      expected_datetime: '2026-05-19T14:30:00Z',
      agency_responsible: 'Tekniska förvaltningen',
    });

    const token = (await get(`tokens/${created.token}.json`).expect(200)).body as unknown;
    expect(token).toEqual([{ service_request_id: created.service_request_id, token: created.token }]);
  });

  it('brings a request posted in JSON format to the inbox of the service’s own department', async () => {
    const answer = await post('requests.json', {
      api_key: apiKey,
      service_code: 'water_leak',
      address_string: 'Storgatan 3',
      description: 'Det läcker vatten ur en brunn',
      phone: '070-123 45 67',
    }).expect(201);
    expect(answer.headers['content-type']).toBe('application/json');
    const [created] = answer.body as Array<{ service_request_id: string; token: string; account_id: null }>;
    expect(typeof created.service_request_id).toBe('string');
    expect(created.account_id).toBeNull();
    const routed = await routedTo(created.service_request_id, 'VA');
    expect(routed).toMatchObject({ channel: 'app', citizen: { phone: '070-123 45 67' } });
  });

  it('refuses a missing, unknown or revoked api_key with 403, and stores nothing', async () => {
    const before = await caseTotal();
    const request = { service_code: 'street_light', lat: '59.3', long: '18.0', description: 'Släckt lampa' };
    const missing = await post('requests.xml', request).expect(403);
    expect(readOpen311Xml(missing.text)).toEqual({
      errors: { error: [{ code: '403', description: 'api_key was not provided or is not valid' }] },
    });
    await post('requests.json', { ...request, api_key: 'not-a-key' }).expect(403);

    const revoked = await admin.send<{ id: string; apiKey: string }>('post', '/api/v1/open311/clients', {
      body: { name: 'Gammal app' },
      status: 201,
    });
    await post('requests.json', { ...request, api_key: revoked.apiKey }).expect(201);
    await admin.send('delete', `/api/v1/open311/clients/${revoked.id}`, { status: 204 });
    const refused = await post('requests.json', { ...request, api_key: revoked.apiKey }).expect(403);
    expect(refused.body).toEqual([{ code: 403, description: 'api_key was not provided or is not valid' }]);
    expect(await caseTotal()).toBe(before + 1);
    const clients = await admin.send<Array<{ id: string; revokedAt: string | null }>>('get', '/api/v1/open311/clients');
    expect(clients.find((client) => client.id === revoked.id)?.revokedAt).toBe('2026-05-04T08:00:00.000Z');
  });

  it('lets only an admin issue keys', async () => {
    await agent.send('post', '/api/v1/open311/clients', { body: { name: 'Egen app' }, status: 403 });
    await admin.send('post', '/api/v1/open311/clients', { body: { name: '' }, status: 400 });
  });

  it('answers bad input 400 with one error per field, named as Open311 names it, and stores nothing', async () => {
    const before = await caseTotal();
    const answer = await post('requests.json', {
      api_key: apiKey,
      lat: 'north',
      long: '18.0',
      email: 'not-an-address',
      description: 'Släckt lampa',
    }).expect(400);
    expect(answer.body).toEqual([
      { code: 400, description: 'service_code is required' },
      { code: 400, description: 'lat must be a number from -90 to 90 (WGS84 decimal degrees)' },
      { code: 400, description: 'email must be an email' },
    ]);
    const unknown = await post('requests.xml', {
      api_key: apiKey,
      service_code: 'no_such_service',
      address_string: 'Storgatan 1',
    }).expect(400);
    expect(readOpen311Xml(unknown.text)).toEqual({
      errors: { error: [{ code: '400', description: 'service_code: no service has the code "no_such_service"' }] },
    });
    const nowhere = await post('requests.json', { api_key: apiKey, service_code: 'street_light' }).expect(400);
    expect(nowhere.body).toEqual([
      { code: 400, description: 'lat and long, address_string or address_id is required: where is it?' },
    ]);
    expect(await caseTotal()).toBe(before);
  });

  it('asks for the attributes an admin defined, and keeps the answers for the handler', async () => {
    await admin.send('put', '/api/v1/open311/services/pothole/attributes', {
      body: {
        attributes: [
          {
            code: 'SIZE',
            variable: true,
            datatype: 'singlevaluelist',
            required: true,
            datatypeDescription: '',
            order: 1,
            description: 'Hur stort är hålet?',
            values: [
              { key: 'S', name: 'Som en hand' },
              { key: 'L', name: 'Större än ett däck' },
            ],
          },
        ],
      },
    });
    const definition = readOpen311Xml((await get('services/pothole.xml').expect(200)).text);
    expect(definition).toEqual({
      service_definition: {
        service_code: 'pothole',
        attributes: {
          attribute: [
            {
              variable: 'true',
              code: 'SIZE',
              datatype: 'singlevaluelist',
              required: 'true',
              order: '1',
              description: 'Hur stort är hålet?',
              values: {
                value: [
                  { key: 'S', name: 'Som en hand' },
                  { key: 'L', name: 'Större än ett däck' },
                ],
              },
            },
          ],
        },
      },
    });
    const fields = { api_key: apiKey, service_code: 'pothole', address_string: 'Skolvägen 4', description: 'Hål' };
    expect((await post('requests.json', fields).expect(400)).body).toEqual([
      { code: 400, description: 'attribute[SIZE] is required' },
    ]);
    expect((await post('requests.json', { ...fields, 'attribute[SIZE]': 'XL' }).expect(400)).body).toEqual([
      { code: 400, description: 'attribute[SIZE] must be one of S, L' },
    ]);
    const [created] = (await post('requests.json', { ...fields, 'attribute[SIZE]': 'L' }).expect(201)).body as Array<{
      service_request_id: string;
    }>;
    expect((await admin.getCase(created.service_request_id)).description).toBe(
      'Hål\r\n\r\nHur stort är hålet?: Större än ett däck',
    );
    await get('services/no_such_service.json').expect(404);
  });

  it('takes a photo as multipart media, stores it without its EXIF for the staff, and refuses what is no photo', async () => {
    const gps = Buffer.from('Exif\0\0GPS 59.3293N 18.0686E');
    const exif = Buffer.concat([Buffer.from([0xff, 0xe1, 0x00, gps.length + 2]), gps]);
    const picture = Buffer.concat([
      Buffer.from([0xff, 0xda, 0x00, 0x04, 0x01, 0x02]),
      Buffer.from('pixels'),
      Buffer.from([0xff, 0xd9]),
    ]);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8]), exif, picture]);
    const upload = (file: Buffer, name: string) =>
      t
        .http()
        .post('/open311/v2/requests.json')
        .field('api_key', apiKey)
        .field('service_code', 'street_light')
        .field('lat', '59.3293')
        .field('long', '18.0686')
        .field('description', 'Lampan är trasig, se bilden')
        .attach('media', file, name);

    const answer = await upload(jpeg, 'lampa.jpg').expect(201);
    const [created] = answer.body as Array<{ service_request_id: string }>;
    const photo = await handler.send<{ contentType: string; sizeBytes: number; dataUrl: string }>(
      'get',
      `/api/v1/open311/requests/${created.service_request_id}/photo`,
    );
    const stored = Buffer.concat([Buffer.from([0xff, 0xd8]), picture]);
    expect(photo).toMatchObject({ contentType: 'image/jpeg', sizeBytes: stored.length });
    expect(Buffer.from(photo.dataUrl.replace('data:image/jpeg;base64,', ''), 'base64')).toEqual(stored);
    const [shown] = (await get(`requests/${created.service_request_id}.json`).expect(200)).body as Array<
      Record<string, unknown>
    >;
    expect(shown.media_url).toBeNull();

    const before = await caseTotal();
    expect((await upload(Buffer.from('GIF89a-not-a-photo'), 'lampa.gif').expect(400)).body).toEqual([
      { code: 400, description: 'media must be a JPEG or PNG photo' },
    ]);
    expect((await upload(jpeg.subarray(0, 7), 'cut.jpg').expect(400)).body).toEqual([
      { code: 400, description: 'media is not a whole JPEG file' },
    ]);
    const tooLarge = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(MAX_PHOTO_BYTES)]);
    expect((await upload(tooLarge, 'huge.jpg').expect(413)).body).toEqual([
      { code: 413, description: 'File too large' },
    ]);
    expect(await caseTotal()).toBe(before);
  });

  it('shows the public no personal data and no confidential case', async () => {
    const [published] = (
      await post('requests.json', {
        api_key: apiKey,
        service_code: 'street_light',
        lat: '59.33',
        long: '18.07',
        first_name: 'Karin',
        last_name: 'Lind',
        email: 'karin.lind@example.se',
        description: 'Karin Lind här: lampan är släckt, ring 070-765 43 21 eller karin.lind@example.se',
      }).expect(201)
    ).body as Array<{ service_request_id: string }>;
    const secret = await agent.createCase({
      description: 'Släckt lampa utanför skyddat boende',
      catalogCode: 'street_light',
      confidential: true,
      location: { address: 'Hemliga vägen 1', lat: 59.33, lng: 18.07 },
    });

    const one = await get(`requests/${published.service_request_id}.json`).expect(200);
    const [shown] = one.body as JsonRequest[];
    expect(shown).toMatchObject({
      service_request_id: published.service_request_id,
      status: 'open',
      service_code: 'street_light',
      description: '[namn] här: lampan är släckt, ring [telefon] eller [e-post]',
      lat: '59.33',
      long: '18.07',
    });
    expect(one.text).not.toMatch(/Karin|Lind|karin\.lind|765 43 21/);

    const list = (await get('requests.json?service_code=street_light').expect(200)).body as JsonRequest[];
    const references = list.map((request) => request.service_request_id);
    expect(references).toContain(published.service_request_id);
    expect(references).not.toContain(secret.reference);
    expect(JSON.stringify(list)).not.toContain('skyddat boende');
    await get(`requests/${secret.reference}.xml`).expect(404);
    const byId = await get(`requests.json?service_request_id=${published.service_request_id},${secret.reference}`);
    expect((byId.body as JsonRequest[]).map((request) => request.service_request_id)).toEqual([
      published.service_request_id,
    ]);
  });

  it('hides a request from the public, and its photo from other departments, once it turns out confidential', async () => {
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02]), Buffer.from('pixels')]);
    const answer = await t
      .http()
      .post('/open311/v2/requests.json')
      .field('api_key', apiKey)
      .field('service_code', 'street_light')
      .field('address_string', 'Ekbacken 3')
      .field('description', 'Lampan vid min port är släckt')
      .attach('media', jpeg, 'port.jpg')
      .expect(201);
    const [{ service_request_id: reference }] = answer.body as Array<{ service_request_id: string }>;
    const { id } = await routedTo(reference, 'TEK');
    await handler.send('get', `/api/v1/open311/requests/${reference}/photo`);
    await handler.act(id, 'return', { reason: 'Gäller en enskild persons bostad, inte gatubelysning' });
    const confidentialType = (await admin.catalog()).find((entry) => entry.confidential && entry.active)!;
    expect(confidentialType.departmentCode).not.toBe('TEK');
    await admin.act(id, 'triage', { catalogCode: confidentialType.code });

    await get(`requests/${reference}.json`).expect(404);
    const today = (await get('requests.json?start_date=2026-05-04T00:00:00Z').expect(200)).body as JsonRequest[];
    expect(today.map((request) => request.service_request_id)).not.toContain(reference);
    const updates = (
      await get(`servicerequestupdates.json?api_key=${apiKey}&start_date=2026-05-04T00:00:00Z`).expect(200)
    ).body as Array<{ service_request_id: string }>;
    expect(updates.map((update) => update.service_request_id)).not.toContain(reference);
    await post('servicerequestupdates.json', {
      api_key: apiKey,
      service_request_id: reference,
      description: 'Fortfarande släckt',
    }).expect(404);
    const refused = await handler.send('get', `/api/v1/open311/requests/${reference}/photo`, { status: 403 });
    expect(JSON.stringify(refused)).not.toContain('base64');
  });

  it('answers list filters: status, dates, page and page_size, and refuses a bad one naming it', async () => {
    const closed = (await get('requests.json?status=closed').expect(200)).body as JsonRequest[];
    expect(closed.every((request) => request.status === 'closed')).toBe(true);
    const all = (await get('requests.json?start_date=2026-05-04T00:00:00Z&end_date=2026-05-05T00:00:00Z').expect(200))
      .body as JsonRequest[];
    // Six requests from apps so far today, all open; the two confidential cases are not among them.
    expect(all.map((request) => request.status)).toEqual(['open', 'open', 'open', 'open', 'open', 'open']);
    const firstTwo = (await get('requests.json?start_date=2026-05-04T00:00:00Z&page_size=2').expect(200))
      .body as JsonRequest[];
    const nextTwo = (await get('requests.json?start_date=2026-05-04T00:00:00Z&page_size=2&page=2').expect(200))
      .body as JsonRequest[];
    expect([...firstTwo, ...nextTwo].map((request) => request.service_request_id)).toEqual(
      all.slice(0, 4).map((request) => request.service_request_id),
    );
    const none = (await get('requests.xml?end_date=2026-05-01T00:00:00Z').expect(200)).text;
    expect(none).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<service_requests></service_requests>\n');
    expect((await get('requests.json?status=pending&start_date=yesterday').expect(400)).body).toEqual([
      { code: 400, description: 'status must be open or closed, not "pending"' },
      { code: 400, description: 'start_date must be a W3C date-time, e.g. 2026-05-04T08:00:00Z' },
    ]);
  });

  it('tells the app of the department’s progress through servicerequestupdates, and takes the citizen’s additions', async () => {
    const [created] = (
      await post('requests.json', {
        api_key: apiKey,
        service_code: 'street_light',
        address_string: 'Parkvägen 2',
        description: 'Lampan blinkar',
        first_name: 'Erik',
      }).expect(201)
    ).body as Array<{ service_request_id: string }>;
    const reference = created.service_request_id;
    await routedTo(reference, 'TEK');
    t.advanceMinutes(60);
    const { id } = await admin.getCase(reference);
    await handler.act(id, 'claim');
    await handler.reply(id, 'Hej Erik! Vi byter lampan på torsdag.');

    const updates = await get(`servicerequestupdates.xml?api_key=${apiKey}&start_date=2026-05-04T08:30:00Z`).expect(
      200,
    );
    expect(updates.headers['content-type']).toBe('text/xml');
    const own = (
      readOpen311Xml(updates.text).service_requests_updates as { request_update: Array<Record<string, string>> }
    ).request_update.filter((update) => update.service_request_id === reference);
    expect(own.map(({ status, description }) => ({ status, description }))).toEqual([
      { status: 'IN_PROGRESS', description: 'Ärendet hanteras av Tekniska förvaltningen.' },
      { status: 'IN_PROGRESS', description: 'Hej [namn]! Vi byter lampan på torsdag.' },
    ]);
    expect(own.every((update) => update.updated_datetime === '2026-05-04T09:00:00Z')).toBe(true);
    await get('servicerequestupdates.json?start_date=2026-05-04T08:30:00Z').expect(403);

    const extended = (await get(`requests/${reference}.json?extensions=true`).expect(200)).body as JsonRequest[];
    expect(extended[0].status_notes).toBe('Hej [namn]! Vi byter lampan på torsdag.');
    expect(extended[0].extended_attributes).toMatchObject({
      case_status: 'in_progress',
      status_notes: [
        { status: 'OPEN', description: 'Ärendet har skickats till Tekniska förvaltningen.' },
        { status: 'IN_PROGRESS', description: 'Ärendet hanteras av Tekniska förvaltningen.' },
        { status: 'IN_PROGRESS', description: 'Hej [namn]! Vi byter lampan på torsdag.' },
      ],
    });

    const added = await post('servicerequestupdates.json', {
      api_key: apiKey,
      service_request_id: reference,
      description: 'Nu är den helt släckt.',
      status: 'OPEN',
      update_id: 'fms-77',
    }).expect(201);
    const [{ update_id: updateId }] = added.body as Array<{ update_id: string }>;
    const again = await post('servicerequestupdates.json', {
      api_key: apiKey,
      service_request_id: reference,
      description: 'Nu är den helt släckt.',
      update_id: 'fms-77',
    }).expect(201);
    expect(again.body).toEqual([{ update_id: updateId }]);
    const timeline = await handler.timeline(id);
    expect(timeline.find((event) => String(event.id) === updateId)).toMatchObject({
      type: 'notice',
      topic: 'citizen_update',
      reason: 'Nu är den helt släckt.',
      data: { channel: 'app', statusGiven: 'OPEN', clientUpdateId: 'fms-77' },
    });
    expect(timeline.filter((event) => event.topic === 'citizen_update')).toHaveLength(1);
    await post('servicerequestupdates.json', { api_key: apiKey, service_request_id: reference }).expect(400);
    await post('servicerequestupdates.json', {
      api_key: apiKey,
      service_request_id: '2026-999999',
      description: 'x',
    }).expect(404);
  });
});
