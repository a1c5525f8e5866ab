import { bearer, createTestApp, TestApp } from './support/test-app';

describe('API hygiene: auth, errors, docs and health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('logs a demo user in and answers who they are', async () => {
    const token = await t.login('handler@demo.local');
    const me = await t.http().get('/api/v1/auth/me').set(bearer(token)).expect(200);
    expect(me.body).toMatchObject({ email: 'handler@demo.local', role: 'handler', departmentCodes: ['TEK'] });
  });

  it('refuses a wrong password and an unknown e-mail alike with 401', async () => {
    const wrong = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'agent@demo.local', password: 'nope' })
      .expect(401);
    const unknown = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'ghost@demo.local', password: 'demo-password' })
      .expect(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('needs a bearer token on every staff endpoint (401) and the right role (403)', async () => {
    await t.http().get('/api/v1/cases').expect(401);
    await t.http().get('/api/v1/departments').set({ Authorization: 'Bearer not-a-token' }).expect(401);
    const agent = await t.login('agent@demo.local');
    const refused = await t
      .http()
      .post('/api/v1/departments')
      .set(bearer(agent))
      .send({ code: 'NEW', name: 'Ny' })
      .expect(403);
    expect(refused.body.message).toBe('This needs the role admin');
  });

  it('answers bad input with 400 and one message per bad field, changing nothing', async () => {
    const agent = await t.login('agent@demo.local');
    const response = await t
      .http()
      .post('/api/v1/contacts')
      .set(bearer(agent))
      .send({ channel: 'pigeon', summary: '', outcome: 'answered', citizen: { email: 'not-an-email' }, extra: 1 })
      .expect(400);
    expect(response.body.message).toEqual(
      expect.arrayContaining([
        'property extra should not exist',
        'channel must be one of the following values: phone, visit, email, web, letter, social',
        'summary must be longer than or equal to 1 characters',
        'citizen.email must be an email',
      ]),
    );
    expect(response.body.message).toHaveLength(4);
    const list = await t.http().get('/api/v1/contacts').set(bearer(agent)).expect(200);
    expect(list.body.total).toBe(0);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const agent = await t.login('agent@demo.local');
    const response = await t
      .http()
      .post('/api/v1/cases')
      .set(bearer(agent))
      .set('Content-Type', 'application/json')
      .send('{"description": ')
      .expect(400);
    expect(response.body.statusCode).toBe(400);
  });

  it('answers unknown ids with 404', async () => {
    const agent = await t.login('agent@demo.local');
    await t.http().get('/api/v1/cases/00000000-0000-4000-8000-000000000000').set(bearer(agent)).expect(404);
    await t.http().get('/api/v1/cases/no-such-case').set(bearer(agent)).expect(404);
    await t.http().post('/api/v1/cases/no-such-case/claim').set(bearer(agent)).send({}).expect(404);
    await t.http().get('/api/v1/departments/NOPE').set(bearer(agent)).expect(404);
    await t.http().get('/api/v1/catalog/no_such_type').set(bearer(agent)).expect(404);
  });

  it('gives every answer a request id, and takes one that is passed in', async () => {
    const response = await t.http().get('/health').set('x-request-id', 'trace-123').expect(200);
    expect(response.headers['x-request-id']).toBe('trace-123');
    const generated = await t.http().get('/health').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports the database in /health', async () => {
    const response = await t.http().get('/health').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.database).toMatchObject({ status: 'up', kind: process.env.TEST_DATABASE });
  });

  it('serves the OpenAPI document with the case endpoints', async () => {
    const response = await t.http().get('/docs-json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/cases',
        '/api/v1/cases/{id}',
        '/api/v1/cases/{id}/{action}',
        '/api/v1/contacts',
        '/api/v1/catalog',
      ]),
    );
    await t.http().get('/docs').expect(200);
  });
});
