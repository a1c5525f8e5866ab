import { bearer, createTestApp, TestApp } from './support/test-app';

const ERROR_FIELDS = ['code', 'error', 'message', 'requestId', 'statusCode'];

describe('error answers: one shape, with a stable code for programs', () => {
  let t: TestApp;
  let agent: string;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    [agent, admin] = await Promise.all([t.login('agent@demo.local'), t.login('admin@demo.local')]);
  });
  afterAll(() => t.close());

  it('answers invalid input with validation_failed and one message per bad field', async () => {
    const response = await t
      .http()
      .post('/api/v1/contacts')
      .set(bearer(agent))
      .set('x-request-id', 'trace-400')
      .send({ channel: 'pigeon', summary: 'Frågade om sophämtning', outcome: 'answered' })
      .expect(400);
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'validation_failed',
      message: ['channel must be one of the following values: phone, visit, email, web, letter, social'],
      requestId: 'trace-400',
    });
  });

  it('answers malformed JSON with validation_failed', async () => {
    const response = await t
      .http()
      .post('/api/v1/cases')
      .set(bearer(agent))
      .set('Content-Type', 'application/json')
      .send('{"description": ')
      .expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'validation_failed' });
  });

  it('answers an unknown case id, and an unknown route, with not_found', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const unknownCase = await t.http().get(`/api/v1/cases/${id}`).set(bearer(agent)).expect(404);
    expect(unknownCase.body).toMatchObject({
      statusCode: 404,
      error: 'Not Found',
      code: 'not_found',
      message: `Case "${id}" was not found`,
    });
    expect(Object.keys(unknownCase.body).sort()).toEqual(ERROR_FIELDS);
    const unknownRoute = await t.http().get('/api/v1/no-such-thing').set(bearer(agent)).expect(404);
    expect(unknownRoute.body).toMatchObject({ code: 'not_found', message: 'Cannot GET /api/v1/no-such-thing' });
  });

  it('answers a missing token with unauthenticated and a role that may not with forbidden', async () => {
    const anonymous = await t.http().get('/api/v1/cases').expect(401);
    expect(anonymous.body).toMatchObject({ statusCode: 401, code: 'unauthenticated' });
    const refused = await t
      .http()
      .post('/api/v1/departments')
      .set(bearer(agent))
      .send({ code: 'NEW', name: 'Ny förvaltning' })
      .expect(403);
    expect(refused.body).toMatchObject({
      statusCode: 403,
      error: 'Forbidden',
      code: 'forbidden',
      message: 'This needs the role admin',
    });
  });

  it('tells an action the case status does not allow (illegal_transition) from another conflict', async () => {
    const created = await t
      .http()
      .post('/api/v1/cases')
      .set(bearer(agent))
      .send({ description: 'Gatlampan vid busshållplatsen är släckt', catalogCode: 'street_light' })
      .expect(201);
    expect(created.body.status).toBe('triaged');
    const illegal = await t
      .http()
      .post(`/api/v1/cases/${created.body.id}/close`)
      .set(bearer(agent))
      .send({})
      .expect(409);
    expect(illegal.body).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      code: 'illegal_transition',
      message: 'Action "close" is not allowed when the case is "triaged"',
    });

    await t.http().post('/api/v1/departments').set(bearer(admin)).send({ code: 'KUL', name: 'Kultur' }).expect(201);
    const twice = await t
      .http()
      .post('/api/v1/departments')
      .set(bearer(admin))
      .send({ code: 'KUL', name: 'Kultur' })
      .expect(409);
    expect(twice.body).toMatchObject({ code: 'conflict', message: 'Department KUL already exists' });
  });

  it('answers a JSON body over the 100 kB limit with payload_too_large, not a 500', async () => {
    const response = await t
      .http()
      .post('/api/v1/cases')
      .set(bearer(agent))
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ description: 'x'.repeat(150_000) }))
      .expect(413);
    expect(response.body).toMatchObject({
      statusCode: 413,
      error: 'Payload Too Large',
      code: 'payload_too_large',
      message: 'The request body is larger than the limit of 102400 bytes',
    });
  });

  it('answers a body of a media type the operation does not take with unsupported_media_type', async () => {
    const response = await t
      .http()
      .post('/api/v1/import/cases')
      .set(bearer(admin))
      .set('Content-Type', 'text/plain')
      .send('one case')
      .expect(415);
    expect(response.body).toMatchObject({ statusCode: 415, code: 'unsupported_media_type' });
  });
});
