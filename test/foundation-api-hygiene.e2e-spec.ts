import { ApiClient, invalid } from './support/api-client';
import { createTestApp, TestApp } from './support/test-app';

describe('API hygiene: auth, errors, docs and health', () => {
  let t: TestApp;
  let nobody: ApiClient;
  beforeAll(async () => {
    t = await createTestApp();
    nobody = ApiClient.anonymous(t);
  });
  afterAll(() => t.close());

  it('logs a demo user in and answers who they are', async () => {
    const handler = await ApiClient.login(t, 'handler@demo.local');
    expect(await handler.me()).toMatchObject({
      email: 'handler@demo.local',
      role: 'handler',
      departmentCodes: ['TEK'],
    });
  });

  it('refuses a wrong password and an unknown e-mail alike with 401', async () => {
    const wrong = await nobody.logIn('agent@demo.local', 'nope').expectStatus(401);
    const unknown = await nobody.logIn('ghost@demo.local', 'demo-password').expectStatus(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('needs a bearer token on every staff endpoint (401) and the right role (403)', async () => {
    await nobody.listCases().expectStatus(401);
    await ApiClient.withToken(t, 'not-a-token').departments().expectStatus(401);
    const agent = await ApiClient.login(t, 'agent@demo.local');
    const refused = await agent.createDepartment({ code: 'NEW', name: 'Ny' }).expectStatus(403);
    expect(refused.body.message).toBe('This needs the role admin');
  });

  it('answers bad input with 400 and one message per bad field, changing nothing', async () => {
    const agent = await ApiClient.login(t, 'agent@demo.local');
    const response = await agent
      .logContact(
        invalid({ channel: 'pigeon', summary: '', outcome: 'answered', citizen: { email: 'not-an-email' }, extra: 1 }),
      )
      .expectStatus(400);
    expect(response.body.message).toEqual(
      expect.arrayContaining([
        'property extra should not exist',
        'channel must be one of the following values: phone, visit, email, web, letter, social, app',
        'summary must say something, not only spaces',
        'citizen.email must be an email',
      ]),
    );
    expect(response.body.message).toHaveLength(4);
    expect((await agent.contacts()).total).toBe(0);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const agent = await ApiClient.login(t, 'agent@demo.local');
    const response = await agent
      .send('post', '/api/v1/cases', { body: '{"description": ', contentType: 'application/json' })
      .expectStatus(400);
    expect(response.body.statusCode).toBe(400);
  });

  it('answers unknown ids with 404', async () => {
    const agent = await ApiClient.login(t, 'agent@demo.local');
    await agent.getCase('00000000-0000-4000-8000-000000000000').expectStatus(404);
    await agent.getCase('no-such-case').expectStatus(404);
    await agent.act('no-such-case', 'claim').expectStatus(404);
    await agent.department('NOPE').expectStatus(404);
    await agent.catalogEntry('no_such_type').expectStatus(404);
  });

  it('gives every answer a request id, and takes one that is passed in', async () => {
    const response = await nobody
      .send('get', '/health', { headers: { 'x-request-id': 'trace-123' } })
      .expectStatus(200);
    expect(response.headers['x-request-id']).toBe('trace-123');
    const generated = await nobody.health().expectStatus(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports the database in /health', async () => {
    const health = await nobody.health();
    expect(health.status).toBe('ok');
    expect(health.database).toMatchObject({ status: 'up', kind: process.env.TEST_DATABASE });
  });

  it('serves the OpenAPI document with the case endpoints', async () => {
    const document = await nobody.openApiDocument();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/cases',
        '/api/v1/cases/{id}',
        '/api/v1/cases/{id}/{action}',
        '/api/v1/contacts',
        '/api/v1/catalog',
      ]),
    );
    await nobody.send('get', '/docs').expectStatus(200);
  });
});
