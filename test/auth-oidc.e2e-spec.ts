import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { ApiClient } from './support/api-client';
import type { ErrorBody, OidcSignIn } from './support/api-types';
import { OpenApiDocument, schemaProblems } from './support/openapi';
import { startIdentityProvider, TestAccount, TestIdentityProvider } from './support/identity-provider';
import { BrowserPage, TestBrowser } from './support/test-browser';
import { createTestApp, TestApp } from './support/test-app';

/** The app as the browser knows it: its redirect URL names this origin, mapped to where it listens. */
const APP_ORIGIN = 'http://onewayin.localhost';
const CALLBACK = `${APP_ORIGIN}/api/v1/auth/oidc/callback`;
const ROLE_MAP = 'onewayin-admins:admin,onewayin-managers:manager,onewayin-agents:agent';
/** ARK is no department of the demo municipality: a map may name one the app does not have (yet). */
const DEPARTMENT_MAP = 'onewayin-teknik:TEK,onewayin-servicecenter:SC,onewayin-arkiv:ARK';

const ACCOUNTS: TestAccount[] = [
  { sub: 'ada-0001', email: 'Ada.Admin@Kommun.se', name: 'Ada Admin', groups: ['all-staff', 'onewayin-admins'] },
  { sub: 'tor-0002', email: 'tor.teknik@kommun.se', name: 'Tor Teknik', groups: ['all-staff', 'onewayin-teknik'] },
  {
    sub: 'sam-0003',
    email: 'sam.servicecenter@kommun.se',
    name: 'Sam Service',
    groups: ['onewayin-agents', 'onewayin-servicecenter'],
  },
  { sub: 'ulf-0004', email: 'ulf.utanfor@kommun.se', name: 'Ulf Utanför', groups: ['all-staff', 'bibliotek'] },
  { sub: 'arne-0007', email: 'arne.arkiv@kommun.se', name: 'Arne Arkiv', groups: ['onewayin-arkiv'] },
  {
    sub: 'vera-0005',
    email: 'handler.va@demo.local',
    email_verified: true,
    name: 'Vera Vatten',
    groups: ['onewayin-teknik'],
  },
  {
    sub: 'sofia-0006',
    email: 'handler.soc@demo.local',
    email_verified: false,
    name: 'Sofia Social',
    groups: ['onewayin-teknik'],
  },
];

/** Starts the app with the given environment and lets it listen on 127.0.0.1, for the browser. */
async function listeningApp(env: Record<string, string>): Promise<{ t: TestApp; browser: () => TestBrowser }> {
  const t = await createTestApp({ env });
  await t.app.listen(0, '127.0.0.1');
  const port = ((t.app.getHttpServer() as Server).address() as AddressInfo).port;
  return { t, browser: () => new TestBrowser({ [APP_ORIGIN]: `http://127.0.0.1:${port}` }) };
}

const isCallback = (url: URL) => url.href.startsWith(CALLBACK);

/**
 * Signs in through the provider as the account with this subject, in a fresh browser: the app's
 * login redirects to the provider, its sign-in form is submitted, and the redirects are followed
 * back to the app's callback. Answers the callback's page.
 */
async function signInAs(browser: TestBrowser, sub: string, returnTo?: string): Promise<BrowserPage> {
  const query = returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : '';
  const form = await browser.visit(`${APP_ORIGIN}/api/v1/auth/oidc/login${query}`);
  expect(form.status).toBe(200);
  return browser.submit(form, { login: sub });
}

function json<T>(page: BrowserPage): T {
  return JSON.parse(page.text) as T;
}

describe('sign-in through the identity provider (OpenID Connect)', () => {
  let idp: TestIdentityProvider;
  let t: TestApp;
  let browser: () => TestBrowser;

  beforeAll(async () => {
    idp = await startIdentityProvider({ accounts: ACCOUNTS, redirectUri: CALLBACK });
    ({ t, browser } = await listeningApp(idp.appEnv({ OIDC_ROLE_MAP: ROLE_MAP, OIDC_DEPARTMENT_MAP: DEPARTMENT_MAP })));
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  it('sends the browser to the provider with state, nonce and an S256 PKCE challenge, and a cookie only the callback gets', async () => {
    const page = await browser().visit(`${APP_ORIGIN}/api/v1/auth/oidc/login`, (next) =>
      next.href.startsWith(idp.issuer),
    );
    expect(page.status).toBe(302);
    const authorization = new URL(page.url);
    expect(`${authorization.origin}${authorization.pathname}`).toBe(`${idp.issuer}/auth`);
    expect(Object.fromEntries(authorization.searchParams)).toEqual({
      client_id: idp.clientId,
      response_type: 'code',
      redirect_uri: CALLBACK,
      scope: 'openid email profile groups',
      state: expect.stringMatching(/^[\w-]{43}$/),
      nonce: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge_method: 'S256',
    });
    const cookie = page.headers.getSetCookie().find((header) => header.startsWith('onewayin_oidc='));
    expect(cookie).toMatch(
      /; Max-Age=600; Path=\/api\/v1\/auth\/oidc\/callback; Expires=[^;]+; HttpOnly; SameSite=Lax$/,
    );
    expect(cookie).not.toContain(authorization.searchParams.get('state'));
  });

  it('signs a person in the admins group in as a new admin, whose token opens what admins may do', async () => {
    const page = await signInAs(browser(), 'ada-0001');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const signedIn = json<OidcSignIn>(page);
    expect(signedIn).toEqual({
      accessToken: expect.any(String),
      expiresIn: 28800,
      role: 'admin',
      staffId: expect.any(String),
      email: 'ada.admin@kommun.se',
      name: 'Ada Admin',
      departmentCodes: [],
      firstSignIn: true,
    });
    const document = await ApiClient.anonymous(t).send<OpenApiDocument>('get', '/docs-json');
    const documented = document.paths['/api/v1/auth/oidc/callback'].get.responses['200'].content!['application/json'];
    expect(schemaProblems(document, documented.schema!, signedIn)).toEqual([]);
    const admin = ApiClient.withToken(t, signedIn.accessToken);
    expect(await admin.me()).toEqual({
      id: signedIn.staffId,
      email: 'ada.admin@kommun.se',
      role: 'admin',
      departmentCodes: [],
    });
    expect(await admin.createDepartment({ code: 'KUL', name: 'Kulturförvaltningen' })).toMatchObject({ code: 'KUL' });
  });

  it('makes a person in a department group a handler of that department, and only of it', async () => {
    const signedIn = json<OidcSignIn>(await signInAs(browser(), 'tor-0002'));
    expect(signedIn).toMatchObject({ role: 'handler', departmentCodes: ['TEK'], firstSignIn: true });
    const handler = ApiClient.withToken(t, signedIn.accessToken);
    expect(await handler.me()).toMatchObject({ role: 'handler', departmentCodes: ['TEK'] });
    await handler.send('get', '/api/v1/departments/TEK/inbox');
    const elsewhere = await handler.send('get', '/api/v1/departments/VA/inbox').expectStatus(403);
    expect(elsewhere.body.code).toBe('forbidden');
    await handler.createDepartment({ code: 'NEJ', name: 'Ingen' }).expectStatus(403);
  });

  it('finds the staff member by subject at each sign-in and takes role, departments and e-mail from the claims', async () => {
    const first = json<OidcSignIn>(await signInAs(browser(), 'sam-0003'));
    expect(first).toMatchObject({ role: 'agent', departmentCodes: ['SC'], firstSignIn: true });

    // The directory moves Sam to the managers and gives Sam a new address.
    Object.assign(idp.accounts.get('sam-0003')!, {
      email: 'sam.chef@kommun.se',
      groups: ['onewayin-managers', 'onewayin-teknik'],
    });
    const again = json<OidcSignIn>(await signInAs(browser(), 'sam-0003'));
    expect(again).toMatchObject({
      staffId: first.staffId,
      email: 'sam.chef@kommun.se',
      role: 'manager',
      departmentCodes: ['TEK'],
      firstSignIn: false,
    });
    expect(await ApiClient.withToken(t, again.accessToken).me()).toEqual({
      id: first.staffId,
      email: 'sam.chef@kommun.se',
      role: 'manager',
      departmentCodes: ['TEK'],
    });
    const admin = await ApiClient.login(t, 'admin@demo.local');
    const accounts = (await admin.send<Array<{ email: string }>>('get', '/api/v1/staff')).map(({ email }) => email);
    expect(accounts.filter((email) => email.startsWith('sam.'))).toEqual(['sam.chef@kommun.se']);
  });

  it('refuses a person whose groups map to no role, and keeps no account for them', async () => {
    const page = await signInAs(browser(), 'ulf-0004');
    expect(page.status).toBe(403);
    expect(json<ErrorBody>(page)).toMatchObject({
      statusCode: 403,
      code: 'sign_in_refused',
      message: 'None of your values of the claim "groups" gives a role in onewayin',
    });
    const admin = await ApiClient.login(t, 'admin@demo.local');
    const accounts = (await admin.send<Array<{ email: string }>>('get', '/api/v1/staff')).map(({ email }) => email);
    expect(accounts).not.toContain('ulf.utanfor@kommun.se');
  });

  it('refuses a person whose only department does not exist here, and a staff member deactivated here', async () => {
    const nowhere = await signInAs(browser(), 'arne-0007');
    expect(nowhere.status).toBe(403);
    expect(json<ErrorBody>(nowhere)).toMatchObject({
      code: 'sign_in_refused',
      message: 'A handler works in at least one department, and none of ARK exists here',
    });

    const first = json<OidcSignIn>(await signInAs(browser(), 'tor-0002'));
    await t.app.get(DataSource).query(`UPDATE staff_users SET active = false WHERE id = '${first.staffId}'`);
    const deactivated = await signInAs(browser(), 'tor-0002');
    expect(deactivated.status).toBe(403);
    expect(json<ErrorBody>(deactivated)).toMatchObject({
      code: 'sign_in_refused',
      message: 'Your staff account is deactivated',
    });
    await t.app.get(DataSource).query(`UPDATE staff_users SET active = true WHERE id = '${first.staffId}'`);
  });

  it('refuses an answer whose state is not the one this browser sent, and takes no second try', async () => {
    const person = browser();
    const form = await person.visit(`${APP_ORIGIN}/api/v1/auth/oidc/login`);
    const redirect = await person.submit(form, { login: 'ada-0001' }, isCallback);
    const answer = new URL(redirect.url);
    expect([...answer.searchParams.keys()].sort()).toEqual(['code', 'iss', 'state']);
    const forged = new URL(answer);
    forged.searchParams.set('state', 'a-state-this-browser-never-sent');

    const refused = await person.visit(forged.href);
    expect(refused.status).toBe(401);
    expect(json<ErrorBody>(refused)).toMatchObject({ code: 'sign_in_failed' });
    expect(json<ErrorBody>(refused).message).toContain('"state"');
    // The attempt was spent: the genuine answer no longer finds one.
    const replayed = await person.visit(answer.href);
    expect(replayed.status).toBe(401);
    expect(json<ErrorBody>(replayed).message).toMatch(/^This browser has no sign-in under way/);
  });

  it('refuses an ID token whose nonce is not the one this browser sent', async () => {
    const person = browser();
    const toProvider = await person.visit(`${APP_ORIGIN}/api/v1/auth/oidc/login`, (next) =>
      next.href.startsWith(idp.issuer),
    );
    const authorization = new URL(toProvider.url);
    authorization.searchParams.set('nonce', 'a-nonce-this-browser-never-sent');
    const form = await person.visit(authorization.href);
    const refused = await person.submit(form, { login: 'ada-0001' });
    expect(refused.status).toBe(401);
    expect(json<ErrorBody>(refused)).toMatchObject({ code: 'sign_in_failed' });
    expect(json<ErrorBody>(refused).message).toContain('nonce');
  });

  it("refuses a provider's answer brought by another browser than the one that began the sign-in", async () => {
    const victim = browser();
    const form = await victim.visit(`${APP_ORIGIN}/api/v1/auth/oidc/login`);
    const redirect = await victim.submit(form, { login: 'ada-0001' }, isCallback);
    const refused = await browser().visit(redirect.url);
    expect(refused.status).toBe(401);
    expect(json<ErrorBody>(refused)).toMatchObject({ code: 'sign_in_failed' });
    expect((await victim.visit(redirect.url)).status).toBe(200);
  });

  it('tells a person who cancels at the provider what the provider answered', async () => {
    const person = browser();
    const form = await person.visit(`${APP_ORIGIN}/api/v1/auth/oidc/login`);
    const cancelled = await person.submit(form, { cancel: 'yes' });
    expect(cancelled.status).toBe(401);
    expect(json<ErrorBody>(cancelled)).toMatchObject({
      code: 'sign_in_failed',
      message: 'The identity provider answered access_denied: End-User aborted interaction',
    });
  });

  it('sends a browser that asked for a path of this app there, with the token in the fragment', async () => {
    const person = browser();
    const form = await person.visit(
      `${APP_ORIGIN}/api/v1/auth/oidc/login?returnTo=${encodeURIComponent('/desk?lang=sv')}`,
    );
    const page = await person.submit(form, { login: 'tor-0002' }, (next) => next.pathname === '/desk');
    expect(page.status).toBe(302);
    const target = new URL(page.url);
    expect(`${target.origin}${target.pathname}${target.search}`).toBe(`${APP_ORIGIN}/desk?lang=sv`);
    const fragment = new URLSearchParams(target.hash.slice(1));
    expect([...fragment.keys()]).toEqual(['accessToken', 'expiresIn', 'role']);
    expect(fragment.get('role')).toBe('handler');
    expect(await ApiClient.withToken(t, fragment.get('accessToken')!).me()).toMatchObject({ departmentCodes: ['TEK'] });
  });

  it.each(['https://evil.example/desk', '//evil.example/desk', '/\\evil.example', 'desk', '/desk#top'])(
    'refuses a returnTo of %p that is not a path of this app',
    async (returnTo) => {
      const refused = await ApiClient.anonymous(t)
        .send('get', '/api/v1/auth/oidc/login', { query: { returnTo } })
        .expectStatus(400);
      expect(refused.body).toMatchObject({
        code: 'validation_failed',
        message: ['returnTo must be a path of this app, starting with a single /'],
      });
    },
  );

  it('links a provider identity to the staff account with its e-mail only when the provider vouches for the e-mail', async () => {
    const anonymous = ApiClient.anonymous(t);
    const vera = await ApiClient.withToken(
      t,
      (await anonymous.logIn('handler.va@demo.local', 'demo-password')).accessToken,
    ).me();
    const linked = json<OidcSignIn>(await signInAs(browser(), 'vera-0005'));
    expect(linked).toMatchObject({ staffId: vera.id, role: 'handler', departmentCodes: ['TEK'], firstSignIn: false });

    const refused = await signInAs(browser(), 'sofia-0006');
    expect(refused.status).toBe(403);
    expect(json<ErrorBody>(refused)).toMatchObject({
      code: 'sign_in_refused',
      message:
        'Another staff account has the e-mail handler.soc@demo.local; an admin must resolve this before you can sign in',
    });
  });

  it('keeps the password log-in, which no staff member without a password can pass', async () => {
    const anonymous = ApiClient.anonymous(t);
    expect(await anonymous.signInMethods()).toEqual({
      password: true,
      oidc: true,
      oidcLoginPath: '/api/v1/auth/oidc/login',
    });
    const agent = await anonymous.logIn('agent@demo.local', 'demo-password');
    expect(await ApiClient.withToken(t, agent.accessToken).me()).toMatchObject({
      role: 'agent',
      departmentCodes: ['SC'],
    });
    await signInAs(browser(), 'ada-0001');
    const refused = await anonymous.logIn('ada.admin@kommun.se', 'any password at all').expectStatus(401);
    expect(refused.body.code).toBe('unauthenticated');
  });
});

describe('an installation without an identity provider', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('offers the password log-in alone and answers the sign-in endpoints with 404', async () => {
    const anonymous = ApiClient.anonymous(t);
    expect(await anonymous.signInMethods()).toEqual({ password: true, oidc: false, oidcLoginPath: null });
    for (const path of ['/api/v1/auth/oidc/login', '/api/v1/auth/oidc/callback?code=x&state=y']) {
      const answer = await anonymous.send('get', path).expectStatus(404);
      expect(answer.body).toMatchObject({
        statusCode: 404,
        code: 'sign_in_method_off',
        message: 'Sign-in through an identity provider is not configured on this installation',
      });
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
    await anonymous.logIn('agent@demo.local', 'demo-password');
  });
});

describe('an installation whose staff sign in through the provider alone, with the claims in the ID token', () => {
  let idp: TestIdentityProvider;
  let t: TestApp;
  let browser: () => TestBrowser;

  beforeAll(async () => {
    idp = await startIdentityProvider({ accounts: ACCOUNTS, redirectUri: CALLBACK, claimsInIdToken: true });
    ({ t, browser } = await listeningApp(
      idp.appEnv({
        OIDC_ROLE_MAP: ROLE_MAP,
        OIDC_DEPARTMENT_MAP: DEPARTMENT_MAP,
        OIDC_USERINFO: 'false',
        PASSWORD_LOGIN: 'false',
      }),
    ));
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  it('turns the password log-in away and says so', async () => {
    const anonymous = ApiClient.anonymous(t);
    expect(await anonymous.signInMethods()).toEqual({
      password: false,
      oidc: true,
      oidcLoginPath: '/api/v1/auth/oidc/login',
    });
    const refused = await anonymous.logIn('admin@demo.local', 'demo-password').expectStatus(404);
    expect(refused.body).toMatchObject({ code: 'sign_in_method_off' });
  });

  it('signs people in from the claims of the ID token alone', async () => {
    const signedIn = json<OidcSignIn>(await signInAs(browser(), 'tor-0002'));
    expect(signedIn).toMatchObject({ role: 'handler', departmentCodes: ['TEK'], email: 'tor.teknik@kommun.se' });
  });

  it('answers 503 when the provider cannot be reached to redeem the code', async () => {
    const person = browser();
    const toProvider = await person.visit(`${APP_ORIGIN}/api/v1/auth/oidc/login`, (next) =>
      next.href.startsWith(idp.issuer),
    );
    const state = new URL(toProvider.url).searchParams.get('state')!;
    await idp.close();
    const unavailable = await person.visit(
      `${CALLBACK}?code=a-code&state=${state}&iss=${encodeURIComponent(idp.issuer)}`,
    );
    expect(unavailable.status).toBe(503);
    expect(json<ErrorBody>(unavailable)).toMatchObject({
      code: 'identity_provider_unavailable',
      message: 'The identity provider cannot be reached; try again shortly',
    });
  });
});
