import { DataSource } from 'typeorm';
import { OpenApiDocument, Operation, operationsOf, Route, routesOf, schemaProblems } from './support/openapi';
import { ApiClient } from './support/api-client';
import { createTestApp, TestApp } from './support/test-app';

const ERROR_RESPONSE = '#/components/schemas/ErrorResponse';
/** Routes left out of the document on purpose: Prometheus text for the scraper. */
const UNDOCUMENTED = ['get /metrics'];
/**
 * The staff web console's HTML pages and their assets (src/web/, @ApiExcludeController): they
 * are not part of the API, so the document leaves them out. Listed one by one, so that an API
 * route cannot slip out of the document by being excluded.
 */
const CONSOLE_PAGES = [
  'get /',
  'get /login',
  'post /login',
  'get /login/oidc',
  'get /login/finish',
  'post /login/token',
  'get /logout',
  'post /logout',
  'get /desk',
  'post /desk',
  'post /desk/hints',
  'post /desk/citizen',
  'get /inbox',
  'post /inbox/next',
  'get /cases/{id}',
  'post /cases/{id}/actions',
  'post /cases/{id}/notes',
  'post /cases/{id}/replies',
  'post /cases/{id}/lix',
  'get /dashboard',
  'get /dashboard/{figure}.csv',
  'get /admin',
  'get /admin/departments',
  'post /admin/departments',
  'get /admin/departments/{code}',
  'post /admin/departments/{code}',
  'get /admin/staff',
  'post /admin/staff',
  'post /admin/staff/{id}/active',
  'get /admin/staff/{id}/password',
  'post /admin/staff/{id}/password',
  'get /admin/catalog',
  'post /admin/catalog',
  'get /admin/catalog/{code}',
  'post /admin/catalog/{code}',
  'get /admin/calendar',
  'post /admin/calendar',
  'get /admin/service-targets',
  'post /admin/service-targets',
  'get /admin/service-targets/{id}',
  'post /admin/service-targets/{id}',
  'post /admin/service-targets/{id}/delete',
  'get /admin/routing',
  'post /admin/routing/overrides',
  'post /admin/routing/overrides/{id}/delete',
  'post /admin/routing/area-rules',
  'post /admin/routing/area-rules/{id}/delete',
  'get /admin/webhooks',
  'get /admin/webhooks/{code}',
  'post /admin/webhooks/{code}',
  'post /admin/webhooks/{code}/deliveries/{id}/resend',
  'get /register',
  'get /assets/{name}',
  'get /e-service',
  'post /e-service',
  'get /e-service/received/{reference}',
  'get /track/{reference}',
  'post /track/{reference}/information',
  'get /cases/{id}/photos/{photoId}',
  'get /survey/{token}',
  'post /survey/{token}',
];

/**
 * The Open311 GeoReport v2 interface for citizens' apps (src/open311/, @ApiExcludeController):
 * the GeoReport v2 specification describes it, in XML and JSON (docs/citizen-channels.md).
 */
const OPEN311_OPERATIONS = [
  'get /open311/v2/discovery.{format}',
  'get /open311/v2/services.{format}',
  'get /open311/v2/services/{code}.{format}',
  'post /open311/v2/requests.{format}',
  'get /open311/v2/requests.{format}',
  'get /open311/v2/requests/{id}.{format}',
  'get /open311/v2/tokens/{token}.{format}',
  'get /open311/v2/servicerequestupdates.{format}',
  'post /open311/v2/servicerequestupdates.{format}',
];

function errorSchemaOf(operation: Operation, status: string): string | undefined {
  return operation.responses[status]?.content?.['application/json']?.schema?.$ref;
}

describe('the OpenAPI document describes every answer and every error', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  let routes: Map<string, Route>;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
    document = (await t.http().get('/docs-json').expect(200)).body as OpenApiDocument;
    routes = new Map(routesOf(t.app).map((route) => [route.key, route]));
  });
  afterAll(() => t.close());

  it('documents every route the app serves, and no other', () => {
    const documented = operationsOf(document).map(({ key }) => key);
    const served = [...routes.keys()].filter(
      (key) => !UNDOCUMENTED.includes(key) && !CONSOLE_PAGES.includes(key) && !OPEN311_OPERATIONS.includes(key),
    );
    expect(documented.sort()).toEqual(served.sort());
    expect(CONSOLE_PAGES.filter((key) => !routes.has(key))).toEqual([]);
    expect(OPEN311_OPERATIONS.filter((key) => !routes.has(key))).toEqual([]);
    expect(documented).toHaveLength(101);
  });

  it('gives every operation its success answer: a schema, text/csv beside JSON, a 204 without a body, or a redirect', () => {
    const missing: string[] = [];
    for (const { key, operation } of operationsOf(document)) {
      const route = routes.get(key)!;
      const successes = Object.keys(operation.responses).filter((status) => /^[23]/.test(status));
      if (!successes.includes(String(route.status))) missing.push(`${key}: no ${route.status} documented`);
      for (const status of successes) {
        const { content, headers } = operation.responses[status];
        if (status.startsWith('3')) {
          if (content) missing.push(`${key}: a ${status} with a body`);
          if (!headers?.Location) missing.push(`${key}: a ${status} without its Location header`);
        } else if (status === '204') {
          if (content) missing.push(`${key}: a 204 with a body`);
        } else if (!content?.['application/json']?.schema) {
          missing.push(`${key}: ${status} without a JSON schema`);
        } else if (Object.keys(content).some((type) => !content[type].schema)) {
          missing.push(`${key}: ${status} has a media type without a schema`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('documents CSV for every statistics report and the 204 of an empty inbox', () => {
    const statistics = operationsOf(document).filter(({ path }) => path.startsWith('/api/v1/statistics/'));
    expect(statistics).toHaveLength(9);
    for (const { operation } of statistics) {
      expect(Object.keys(operation.responses['200'].content!).sort()).toEqual(['application/json', 'text/csv']);
    }
    const next = document.paths['/api/v1/departments/{code}/inbox/next'].post.responses;
    expect(next['200'].content?.['application/json'].schema?.$ref).toBe('#/components/schemas/CaseResponse');
    expect(next['204']).toEqual({ description: 'Nothing left to claim' });
  });

  it('lists 401 with the ErrorResponse schema on every operation that needs a bearer token', () => {
    const withoutIt = operationsOf(document)
      .filter(({ key }) => !routes.get(key)!.isPublic)
      .filter(({ operation }) => errorSchemaOf(operation, '401') !== ERROR_RESPONSE)
      .map(({ key }) => key);
    expect(withoutIt).toEqual([]);
    const publicOnes = operationsOf(document).filter(({ key }) => routes.get(key)!.isPublic);
    expect(publicOnes.map(({ key }) => key).sort()).toEqual([
      'get /api/v1/auth/methods',
      'get /api/v1/auth/oidc/callback',
      'get /api/v1/auth/oidc/login',
      'get /health',
      'get /public/v1/register',
      'post /api/v1/auth/login',
      'post /api/v1/inbound/email',
      'post /api/v1/telephony/calls',
    ]);
  });

  it('lists 404 on every operation with a path parameter, and 403 on every one limited to roles', () => {
    const problems: string[] = [];
    for (const { key, path, operation } of operationsOf(document)) {
      if (path.includes('{') && errorSchemaOf(operation, '404') !== ERROR_RESPONSE) problems.push(`${key}: no 404`);
      if (routes.get(key)!.roles && errorSchemaOf(operation, '403') !== ERROR_RESPONSE) problems.push(`${key}: no 403`);
    }
    expect(problems).toEqual([]);
  });

  it('documents every error answer with the one ErrorResponse schema', () => {
    const others = operationsOf(document).flatMap(({ key, operation }) =>
      Object.keys(operation.responses)
        .filter((status) => /^[45]/.test(status) && errorSchemaOf(operation, status) !== ERROR_RESPONSE)
        .map((status) => `${key} ${status}`),
    );
    // The health check answers its own report when the database is down.
    expect(others).toEqual(['get /health 503']);
    expect(document.components.schemas.ErrorResponse).toMatchObject({
      required: ['statusCode', 'error', 'code', 'message'],
      properties: {
        statusCode: { type: 'number' },
        error: { type: 'string' },
        code: { type: 'string' },
        message: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
        requestId: { type: 'string' },
      },
    });
  });

  it('describes what the endpoints really answer, field for field', async () => {
    const [agent, handler, manager, admin] = await Promise.all(
      ['agent', 'handler', 'manager', 'admin'].map((who) => t.login(`${who}@demo.local`)),
    );
    const outsider = await t.login('handler.sbf@demo.local');
    const templates = Object.keys(document.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`),
      parameters: template.split('{').length,
    }));
    const problems: string[] = [];
    /** Calls the API and holds the answer against the schema documented for its path and status. */
    const answer = async (
      token: string | null,
      method: 'get' | 'post' | 'put' | 'patch',
      path: string,
      body?: object,
      query?: object,
    ) => {
      const caller = token ? ApiClient.withToken(t, token) : ApiClient.anonymous(t);
      const response = await caller.send(method, path, { body, query: query as Record<string, string> }).response();
      const pathOnly = path.split('?')[0];
      const template = templates
        .filter(({ pattern }) => pattern.test(pathOnly))
        .sort((a, b) => a.parameters - b.parameters)[0].template;
      const schema = document.paths[template][method].responses[response.status]?.content?.['application/json']?.schema;
      if (!schema) problems.push(`${method} ${path}: ${response.status} is not documented`);
      else problems.push(...schemaProblems(document, schema, response.body, `${method} ${template}`));
      return response.body as Record<string, unknown> & { id: string; items: Array<Record<string, unknown>> };
    };

    await answer(null, 'post', '/api/v1/auth/login', { email: 'agent@demo.local', password: 'demo-password' });
    const handlerAccount = await answer(handler, 'get', '/api/v1/auth/me');
    await answer(null, 'post', '/api/v1/auth/login', { email: 'ghost@demo.local', password: 'not-the-password' });
    await answer(admin, 'patch', `/api/v1/staff/${handlerAccount.id}`, { name: 'Hanna Handläggare' });
    await answer(admin, 'patch', '/api/v1/staff/no-such-staff-member', { active: false });
    await answer(admin, 'post', `/api/v1/staff/${handlerAccount.id}/unlock`);
    await answer(null, 'get', '/api/v1/auth/methods');
    await answer(null, 'get', '/api/v1/auth/oidc/login');
    await answer(null, 'get', '/api/v1/auth/oidc/callback', undefined, { code: 'a-code', state: 'a-state' });
    await answer(admin, 'get', '/api/v1/staff');
    await answer(agent, 'get', '/api/v1/calendar');
    await answer(agent, 'get', '/api/v1/calendar/working-time', undefined, {
      from: '2026-03-02T08:00:00Z',
      addWorkingDays: 2,
    });
    await answer(agent, 'get', '/api/v1/departments');
    await answer(agent, 'get', '/api/v1/departments/TEK');
    await answer(agent, 'get', '/api/v1/service-points');
    await answer(agent, 'get', '/api/v1/catalog/street_light');
    const contact = await answer(agent, 'post', '/api/v1/contacts', {
      channel: 'phone',
      summary: 'Ber om att bli uppringd',
      outcome: 'callback_promised',
      citizen: { name: 'Anna Andersson', email: 'anna@example.com' },
    });
    await answer(agent, 'get', '/api/v1/contacts');
    await answer(agent, 'get', '/api/v1/callbacks');
    await answer(agent, 'post', `/api/v1/contacts/${contact.id}/callback`, { reached: false, note: 'Inget svar' });
    await answer(agent, 'post', '/api/v1/ratings', { contactId: contact.id, ease: 4 });
    const created = await answer(agent, 'post', '/api/v1/cases', {
      description: 'Gatlampan utanför Storgatan 12 är släckt',
      catalogCode: 'street_light',
      citizen: { name: 'Bo Berg', email: 'bo@example.com' },
      location: { address: 'Storgatan 12', postalCode: '135 40', lat: 59.24, lng: 18.23 },
    });
    const confidential = await answer(agent, 'post', '/api/v1/cases', {
      description: 'Känsligt ärende',
      catalogCode: 'street_light',
      confidential: true,
    });
    await answer(agent, 'get', '/api/v1/cases');
    await answer(outsider, 'get', '/api/v1/cases');
    await answer(agent, 'get', `/api/v1/cases/${created.id}`);
    await answer(outsider, 'get', `/api/v1/cases/${confidential.id}`);
    await answer(agent, 'post', `/api/v1/cases/${created.id}/notes`, { body: 'Ringde medborgaren' });
    await answer(agent, 'post', `/api/v1/cases/${created.id}/route`, { departmentCode: 'TEK' });
    await answer(handler, 'get', '/api/v1/departments/TEK/inbox');
    await answer(handler, 'post', '/api/v1/departments/TEK/inbox/next');
    await answer(handler, 'post', `/api/v1/cases/${created.id}/replies`, { body: 'Vi lagar lampan i veckan.' });
    await answer(agent, 'get', `/api/v1/cases/${created.id}/timeline`);
    await answer(manager, 'get', `/api/v1/cases/${confidential.id}/access-log`);
    await answer(agent, 'get', `/api/v1/cases/${created.id}/notifications`);
    await answer(manager, 'get', `/api/v1/service-targets/cases/${created.id}`);
    await answer(agent, 'get', '/api/v1/service-targets/policies');
    await answer(agent, 'get', '/api/v1/service-targets/policies/applicable', undefined, { catalogCode: 'pothole' });
    await t.app
      .get(DataSource)
      .query(
        `UPDATE cases SET first_response_breached_at = first_response_due_at, resolution_breached_at = resolution_due_at WHERE id = '${confidential.id}'`,
      );
    await answer(outsider, 'get', '/api/v1/service-targets/breaches');
    await answer(manager, 'get', '/api/v1/service-targets/alerts');
    await answer(admin, 'post', '/api/v1/routing/area-rules', {
      catalogCode: 'street_light',
      postalCodePrefix: '135',
      departmentCode: 'VA',
    });
    await answer(manager, 'get', '/api/v1/routing/area-rules');
    await answer(admin, 'put', '/api/v1/departments/TEK/webhook', {
      url: 'https://workorders.example/hooks/onewayin',
      secret: 'a-secret-of-enough-length',
    });
    await answer(admin, 'get', '/api/v1/webhooks/deliveries');
    await answer(admin, 'get', '/api/v1/notifications');
    await answer(agent, 'post', '/api/v1/triage/suggest', { text: 'Gatlampan är trasig' });
    await answer(manager, 'get', '/api/v1/triage/quality');
    await answer(manager, 'get', '/api/v1/telephony/calls');
    const period = { from: '2026-01-01', to: '2026-04-01' };
    await answer(manager, 'get', '/api/v1/statistics/cases', undefined, { ...period, groupBy: 'month' });
    await answer(handler, 'get', '/api/v1/statistics/contacts', undefined, period);
    await answer(manager, 'get', '/api/v1/statistics/phone', undefined, period);
    await answer(manager, 'get', '/api/v1/statistics/backlog', undefined, { groupBy: 'status' });
    await answer(manager, 'get', '/api/v1/statistics/comparison', undefined, { year: 2026 });
    await answer(null, 'get', '/health');
    await answer(null, 'get', '/api/v1/cases');
    await answer(agent, 'post', '/api/v1/departments', { code: 'NEW', name: 'Ny förvaltning' });
    await answer(agent, 'post', `/api/v1/cases/${created.id}/close`, {});
    expect(problems).toEqual([]);
  });
});
