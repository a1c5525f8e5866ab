import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { Server } from 'node:http';
import { ApiClient } from './support/api-client';
import { createTestApp, TestApp } from './support/test-app';

/** The status and Location of a GET sent with this exact request target, unnormalised (supertest would clean up `..`). */
function rawGet(
  server: Server,
  target: string,
  host = 'onewayin.test',
): Promise<{ status: number; location?: string }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const sent = httpRequest({ host: '127.0.0.1', port, path: target, method: 'GET', headers: { host } }, (answer) => {
      answer.resume();
      answer.on('end', () => resolve({ status: answer.statusCode ?? 0, location: answer.headers.location }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

describe('the queue dashboard gate sends a signed-in admin nowhere but to the dashboard', () => {
  let t: TestApp;
  let server: Server;
  let admin: ApiClient;
  beforeAll(async () => {
    t = await createTestApp();
    server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    admin = await ApiClient.login(t, 'admin@demo.local');
  });
  afterAll(() => t.close());

  it.each([
    ['the dashboard itself', '/admin/queues?token=TOKEN'],
    ['a path under it', '/admin/queues/api/queues?token=TOKEN&status=failed'],
    ['dot segments that climb to a protocol-relative //evil.example', '/admin/queues/../..//evil.example?token=TOKEN'],
    ['a path that is protocol-relative after the mount', '/admin/queues//evil.example?token=TOKEN'],
    ['backslashes, which browsers read as slashes', '/admin/queues/../..\\/evil.example?token=TOKEN'],
    ['backslashes alone', '/admin/queues/..\\..\\\\evil.example?token=TOKEN'],
    ['an absolute URL as the request target', 'http://evil.example/admin/queues?token=TOKEN'],
    ['a redirect target in the query', '/admin/queues?token=TOKEN&next=https://evil.example/&redirect=//evil.example'],
  ])('answers 303 to /admin/queues for %s', async (_case, target) => {
    const answer = await rawGet(server, target.replace('TOKEN', admin.token!));
    expect(answer).toEqual({ status: 303, location: '/admin/queues' });
  });

  it('does not take a protocol-relative request target for the dashboard, and sends it nowhere', async () => {
    const answer = await rawGet(server, `//evil.example/admin/queues?token=${admin.token}`);
    expect(answer).toEqual({ status: 404, location: undefined });
  });

  it('takes no redirect target from the Host header either', async () => {
    const answer = await rawGet(server, `/admin/queues?token=${admin.token}`, 'evil.example');
    expect(answer).toEqual({ status: 303, location: '/admin/queues' });
  });

  it('sends nobody anywhere without an admin token', async () => {
    const agent = await ApiClient.login(t, 'agent@demo.local');
    expect(await rawGet(server, '/admin/queues/../..//evil.example?token=not-a-token')).toEqual({
      status: 401,
      location: undefined,
    });
    expect(await rawGet(server, `/admin/queues/../..//evil.example?token=${agent.token}`)).toEqual({
      status: 403,
      location: undefined,
    });
  });
});
