import request from 'supertest';
import { Server } from 'node:http';
import { signedIn } from './support/console-session';
import { createTestApp, TestApp } from './support/test-app';

/** The console over HTTP: its doors, cookies, headers and the access policy, on both databases. */
describe('the staff web console', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
  });
  afterAll(() => t.close());

  it('sends an anonymous visitor from / to the sign-in page, and each role to its page after signing in', async () => {
    await t.http().get('/').expect(303).expect('Location', '/login');
    await t.http().get('/inbox').expect(303).expect('Location', '/login?returnTo=%2Finbox');
    for (const [email, landing] of [
      ['agent@demo.local', '/desk'],
      ['handler@demo.local', '/inbox'],
      ['manager@demo.local', '/dashboard'],
      ['admin@demo.local', '/admin'],
    ]) {
      const agent = request.agent(t.app.getHttpServer() as Server);
      const csrf = /name="_csrf" value="([^"]+)"/.exec((await agent.get('/login')).text)![1];
      const answer = await agent.post('/login').type('form').send({ _csrf: csrf, email, password: 'demo-password' });
      expect([answer.status, answer.headers.location]).toEqual([303, landing]);
      await agent.get('/').expect(303).expect('Location', landing);
    }
  });

  it('keeps the session in an HttpOnly, SameSite=Lax cookie, and refuses a form without its token with 403', async () => {
    const agent = request.agent(t.app.getHttpServer() as Server);
    const page = await agent.get('/login?lang=en').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    await agent.post('/login').type('form').send({ email: 'agent@demo.local', password: 'demo-password' }).expect(403);
    const answer = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrf, email: 'agent@demo.local', password: 'demo-password' })
      .expect(303);
    const session = (answer.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('onewayin_session='),
    );
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    await agent.post('/desk').type('form').send({ summary: 'x', outcome: 'answered', channel: 'phone' }).expect(403);
  });

  it('serves pages under a Content-Security-Policy with no inline script or style', async () => {
    const { agent } = await signedIn(t, 'agent@demo.local');
    const desk = await agent.get('/desk').expect(200);
    expect(desk.headers['content-security-policy']).toContain("script-src 'self'");
    expect(desk.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(desk.headers['x-content-type-options']).toBe('nosniff');
    expect(desk.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(desk.text).not.toMatch(/\sstyle="/);
  });

  it('ends the session at sign-out: the same token stops working for the API too', async () => {
    const { agent, csrf } = await signedIn(t, 'handler@demo.local');
    const cookie = (await agent.get('/inbox')).request.cookies;
    const token = /onewayin_session=([^;]+)/.exec(cookie)![1];
    await t.http().get('/api/v1/auth/me').set('authorization', `Bearer ${token}`).expect(200);
    await agent.post('/logout').type('form').send({ _csrf: csrf }).expect(303).expect('Location', '/login?signedOut=1');
    await t.http().get('/api/v1/auth/me').set('authorization', `Bearer ${token}`).expect(401);
    await agent.get('/inbox').expect(303);
  });

  it('redacts a confidential case for an agent exactly as the API does, and logs a manager reading it', async () => {
    const manager = await t.login('manager@demo.local');
    const created = await t
      .http()
      .post('/api/v1/cases')
      .set('authorization', `Bearer ${manager}`)
      .send({ description: 'Ansöker om försörjningsstöd för mars', catalogCode: 'income_support' })
      .expect(201);
    const { reference, id } = created.body as { reference: string; id: string };
    const { agent } = await signedIn(t, 'agent@demo.local');
    const page = await agent.get(`/cases/${reference}?lang=en`).expect(200);
    expect(page.text).toContain('This case is confidential to its department');
    expect(page.text).not.toContain('försörjningsstöd för mars');

    const { agent: managerBrowser } = await signedIn(t, 'manager@demo.local');
    expect((await managerBrowser.get(`/cases/${id}`).expect(200)).text).toContain('försörjningsstöd för mars');
    const log = await t
      .http()
      .get(`/api/v1/cases/${id}/access-log`)
      .set('authorization', `Bearer ${manager}`)
      .expect(200);
    expect((log.body as Array<{ access: string }>).map((entry) => entry.access)).toContain('read');
  });

  it('switches language with ?lang and remembers it', async () => {
    const { agent } = await signedIn(t, 'agent@demo.local');
    expect((await agent.get('/desk')).text).toContain('<html lang="sv"');
    expect((await agent.get('/desk?lang=da')).text).toContain('<html lang="da"');
    expect((await agent.get('/desk')).text).toContain('<html lang="da"');
  });
});
