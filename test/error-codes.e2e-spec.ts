import { ApiClient } from './support/api-client';
import { createTestApp, TestApp } from './support/test-app';

const ERROR_FIELDS = ['code', 'error', 'message', 'requestId', 'statusCode'];

describe('error answers: one shape, with a stable code for programs', () => {
  let t: TestApp;
  let agent: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    [agent, admin] = await ApiClient.loginAll(t, 'agent@demo.local', 'admin@demo.local');
  });
  afterAll(() => t.close());

  it('answers invalid input with validation_failed and one message per bad field', async () => {
    const response = await agent
      .send('post', '/api/v1/contacts', {
        headers: { 'x-request-id': 'trace-400' },
        body: { channel: 'pigeon', summary: 'Frågade om sophämtning', outcome: 'answered' },
      })
      .expectStatus(400);
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'validation_failed',
      message: ['channel must be one of the following values: phone, visit, email, web, letter, social, app'],
      requestId: 'trace-400',
    });
  });

  it('answers malformed JSON with validation_failed', async () => {
    const response = await agent
      .send('post', '/api/v1/cases', { contentType: 'application/json', body: '{"description": ' })
      .expectStatus(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'validation_failed' });
  });

  it('answers an unknown case id, and an unknown route, with not_found', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const unknownCase = await agent.getCase(id).expectStatus(404);
    expect(unknownCase.body).toMatchObject({
      statusCode: 404,
      error: 'Not Found',
      code: 'not_found',
      message: `Case "${id}" was not found`,
    });
    expect(Object.keys(unknownCase.body).sort()).toEqual(ERROR_FIELDS);
    const unknownRoute = await agent.send('get', '/api/v1/no-such-thing').expectStatus(404);
    expect(unknownRoute.body).toMatchObject({ code: 'not_found', message: 'Cannot GET /api/v1/no-such-thing' });
  });

  it('answers a missing token with unauthenticated and a role that may not with forbidden', async () => {
    const anonymous = await ApiClient.anonymous(t).listCases().expectStatus(401);
    expect(anonymous.body).toMatchObject({ statusCode: 401, code: 'unauthenticated' });
    const refused = await agent.createDepartment({ code: 'NEW', name: 'Ny förvaltning' }).expectStatus(403);
    expect(refused.body).toMatchObject({
      statusCode: 403,
      error: 'Forbidden',
      code: 'forbidden',
      message: 'This needs the role admin',
    });
  });

  it('tells an action the case status does not allow (illegal_transition) from another conflict', async () => {
    const created = await agent.createCase({
      description: 'Gatlampan vid busshållplatsen är släckt',
      catalogCode: 'street_light',
    });
    expect(created.status).toBe('triaged');
    const illegal = await agent.act(created.id, 'close').expectStatus(409);
    expect(illegal.body).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      code: 'illegal_transition',
      message: 'Action "close" is not allowed when the case is "triaged"',
    });

    await admin.createDepartment({ code: 'KUL', name: 'Kultur' });
    const twice = await admin.createDepartment({ code: 'KUL', name: 'Kultur' }).expectStatus(409);
    expect(twice.body).toMatchObject({ code: 'conflict', message: 'Department KUL already exists' });
  });

  it('answers a JSON body over the 100 kB limit with payload_too_large, not a 500', async () => {
    const response = await agent
      .send('post', '/api/v1/cases', {
        contentType: 'application/json',
        body: JSON.stringify({ description: 'x'.repeat(150_000) }),
      })
      .expectStatus(413);
    expect(response.body).toMatchObject({
      statusCode: 413,
      error: 'Payload Too Large',
      code: 'payload_too_large',
      message: 'The request body is larger than the limit of 102400 bytes',
    });
  });

  it('answers a body of a media type the operation does not take with unsupported_media_type', async () => {
    const response = await admin.importCases('one case', 'text/plain').expectStatus(415);
    expect(response.body).toMatchObject({ statusCode: 415, code: 'unsupported_media_type' });
  });
});
