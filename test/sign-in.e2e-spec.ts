import { Logger } from '@nestjs/common';
import { PasswordHasher } from '../src/auth/password-hasher';
import { ApiClient } from './support/api-client';
import { ErrorBody } from './support/api-types';
import { createTestApp, TestApp } from './support/test-app';

const PASSWORD = 'demo-password';

/** What a refusal says, without the request id that differs on every answer. */
function refusal(response: { status: number; headers: Record<string, string>; body: unknown }) {
  const { requestId: _requestId, ...body } = response.body as ErrorBody;
  return { status: response.status, retryAfter: response.headers['retry-after'], body };
}

describe('sign-in tells nobody which accounts exist', () => {
  let t: TestApp;
  let nobody: ApiClient;
  let admin: ApiClient;
  let inactiveEmail: string;
  beforeAll(async () => {
    t = await createTestApp();
    nobody = ApiClient.anonymous(t);
    admin = await ApiClient.login(t, 'admin@demo.local');
    inactiveEmail = 'former.agent@demo.local';
    const former = await admin.createStaffUser({
      email: inactiveEmail,
      name: 'Fredrik Före detta',
      password: PASSWORD,
      role: 'agent',
      departmentCodes: ['SC'],
    });
    await admin.updateStaffUser(former.id, { active: false });
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  it('answers a wrong password, an unknown e-mail and an inactive account with the same 401', async () => {
    const wrongPassword = refusal(await nobody.logIn('agent@demo.local', 'not-the-password').expectStatus(401));
    const unknownEmail = refusal(await nobody.logIn('nobody.here@demo.local', PASSWORD).expectStatus(401));
    const inactive = refusal(await nobody.logIn(inactiveEmail, PASSWORD).expectStatus(401));
    const expected = {
      status: 401,
      retryAfter: undefined,
      body: { statusCode: 401, error: 'Unauthorized', code: 'unauthenticated', message: 'Wrong e-mail or password' },
    };
    expect(wrongPassword).toEqual(expected);
    expect(unknownEmail).toEqual(expected);
    expect(inactive).toEqual(expected);
  });

  it('runs one argon2id verification of the same cost whether the account exists, is inactive, or not', async () => {
    const verify = jest.spyOn(t.app.get(PasswordHasher), 'verify');
    await nobody.logIn('handler@demo.local', 'not-the-password').expectStatus(401);
    await nobody.logIn('nobody.at.all@demo.local', 'not-the-password').expectStatus(401);
    await nobody.logIn(inactiveEmail, PASSWORD).expectStatus(401);

    expect(verify).toHaveBeenCalledTimes(3);
    const [known, unknown, inactive] = verify.mock.calls.map(([hash, password]) => ({ hash, password }));
    // m=64 MiB, t=3 passes, p=4 lanes: argon2's defaults, the cost every stored hash has.
    const cost = /^\$argon2id\$v=19\$m=65536,p=4,t=3\$/;
    expect(known).toEqual({ hash: expect.stringMatching(cost), password: 'not-the-password' });
    expect(unknown).toEqual({ hash: expect.stringMatching(cost), password: 'not-the-password' });
    expect(inactive).toEqual({ hash: expect.stringMatching(cost), password: PASSWORD });
    // The unknown e-mail is checked against the stand-in hash, which no staff member has.
    expect(unknown.hash).toBe(t.app.get(PasswordHasher).standInHash());
    expect(known.hash).not.toBe(unknown.hash);
  });
});

describe('password guessing is slowed and stopped', () => {
  let t: TestApp;
  let nobody: ApiClient;
  let admin: ApiClient;
  /** X-Forwarded-For of a client of its own per test, so that the address limit of one does not touch another. */
  const from = (address: string) => ({ 'X-Forwarded-For': address });

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        LOGIN_ACCOUNT_MAX_FAILURES: '3',
        LOGIN_ACCOUNT_LOCKOUT_SECONDS: '600',
        LOGIN_ADDRESS_MAX_FAILURES: '4',
        LOGIN_ADDRESS_WINDOW_SECONDS: '300',
        TRUST_PROXY_HOPS: '1',
      },
    });
    nobody = ApiClient.anonymous(t);
    admin = await ApiClient.login(t, 'admin@demo.local');
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  it('locks an e-mail address at its third failure in a row: 429 account_locked with Retry-After, even for the right password', async () => {
    const client = from('198.51.100.1');
    await nobody.logIn('agent@demo.local', 'guess-1', client).expectStatus(401);
    await nobody.logIn('agent@demo.local', 'guess-2', { 'X-Forwarded-For': '198.51.100.2' }).expectStatus(401);
    const locking = refusal(await nobody.logIn('agent@demo.local', 'guess-3', client).expectStatus(429));
    expect(locking).toEqual({
      status: 429,
      retryAfter: '600',
      body: {
        statusCode: 429,
        error: 'Too Many Requests',
        code: 'account_locked',
        message: 'Too many failed sign-ins for this e-mail address; try again later or ask an admin to unlock it',
      },
    });
    const verify = jest.spyOn(t.app.get(PasswordHasher), 'verify');
    const locked = refusal(await nobody.logIn('agent@demo.local', PASSWORD, client).expectStatus(429));
    expect(locked.body).toEqual(locking.body);
    expect(Number(locked.retryAfter)).toBeGreaterThanOrEqual(599);
    expect(Number(locked.retryAfter)).toBeLessThanOrEqual(600);
    // A locked address is refused before any password is checked.
    expect(verify).not.toHaveBeenCalled();
  });

  it('locks an e-mail address that belongs to nobody in the same way', async () => {
    const known = [];
    const unknown = [];
    for (const guess of ['guess-1', 'guess-2', 'guess-3', PASSWORD]) {
      known.push(refusal(await nobody.logIn('manager@demo.local', guess, from('198.51.100.3')).response()));
      unknown.push(refusal(await nobody.logIn('no.manager@demo.local', guess, from('198.51.100.4')).response()));
    }
    expect(unknown.map(({ status }) => status)).toEqual([401, 401, 429, 429]);
    expect(unknown).toEqual(known);
  });

  it('counts failures in a row: a success clears them', async () => {
    const client = from('198.51.100.5');
    await nobody.logIn('handler@demo.local', 'guess-1', client).expectStatus(401);
    await nobody.logIn('handler@demo.local', 'guess-2', client).expectStatus(401);
    await nobody.logIn('handler@demo.local', PASSWORD, from('198.51.100.6')).expectStatus(200);
    await nobody.logIn('handler@demo.local', 'guess-3', from('198.51.100.6')).expectStatus(401);
    await nobody.logIn('handler@demo.local', 'guess-4', from('198.51.100.7')).expectStatus(401);
    await nobody.logIn('handler@demo.local', PASSWORD, from('198.51.100.7')).expectStatus(200);
  });

  it('lets an admin lift a lock at once; only an admin', async () => {
    const handler = (await admin.staffUsers()).find((staff) => staff.email === 'handler.va@demo.local')!;
    for (const guess of ['guess-1', 'guess-2', 'guess-3']) {
      await nobody.logIn('handler.va@demo.local', guess, from('198.51.100.8')).response();
    }
    await nobody.logIn('handler.va@demo.local', PASSWORD, from('198.51.100.9')).expectStatus(429);

    const otherHandler = await ApiClient.login(t, 'handler.sbf@demo.local');
    await otherHandler.unlockStaffUser(handler.id).expectStatus(403);
    await nobody.unlockStaffUser(handler.id).expectStatus(401);
    await admin.unlockStaffUser('00000000-0000-4000-8000-000000000000').expectStatus(404);
    expect(await admin.unlockStaffUser(handler.id)).toEqual({ staffId: handler.id, wasLocked: true });
    await nobody.logIn('handler.va@demo.local', PASSWORD, from('198.51.100.9')).expectStatus(200);
    expect(await admin.unlockStaffUser(handler.id)).toEqual({ staffId: handler.id, wasLocked: false });
  });

  it('refuses an address after 4 failures in its window, whichever accounts they were for, and no other address', async () => {
    const client = from('203.0.113.10');
    const emails = ['a@demo.local', 'b@demo.local', 'c@demo.local', 'd@demo.local'];
    for (const email of emails) await nobody.logIn(email, 'guess', client).expectStatus(401);
    const verify = jest.spyOn(t.app.get(PasswordHasher), 'verify');
    const refused = refusal(await nobody.logIn('handler.sbf@demo.local', PASSWORD, client).expectStatus(429));
    expect(refused.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'too_many_requests',
      message: 'Too many failed sign-ins from this address; try again later',
    });
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(299);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(300);
    expect(verify).not.toHaveBeenCalled();
    await nobody.logIn('handler.sbf@demo.local', PASSWORD, from('203.0.113.11')).expectStatus(200);
  });

  it('does not count successes against an address: a service center signs many staff in from one', async () => {
    const office = from('203.0.113.20');
    for (let signIn = 0; signIn < 6; signIn++) {
      await nobody.logIn('handler.sbf@demo.local', PASSWORD, office).expectStatus(200);
    }
  });

  it('logs success, failure, lock-out and unlock without the password or the e-mail address', async () => {
    const lines: unknown[] = [];
    for (const level of ['log', 'warn'] as const) {
      jest.spyOn(Logger.prototype, level).mockImplementation(function (this: Logger, ...[message]: unknown[]) {
        if ((this as unknown as { context?: string }).context === 'SignIn') lines.push(message);
      });
    }
    const email = 'handler.soc@demo.local';
    const client = from('203.0.113.30');
    await nobody.logIn(email, PASSWORD, client).expectStatus(200);
    await nobody.logIn(email, 'secret-guess-1', client).expectStatus(401);
    await nobody.logIn(email, 'secret-guess-2', client).expectStatus(401);
    await nobody.logIn(email, 'secret-guess-3', from('203.0.113.31')).expectStatus(429);
    await nobody.logIn(email, PASSWORD, from('203.0.113.31')).expectStatus(429);
    const staffId = (await admin.staffUsers()).find((staff) => staff.email === email)!.id;
    await admin.unlockStaffUser(staffId);
    await nobody.logIn('ghost.of.soc@demo.local', 'secret-guess-4', from('203.0.113.32')).expectStatus(401);

    const account = expect.stringMatching(/^[0-9a-f]{32}$/);
    const sessionId = expect.stringMatching(/^[0-9a-f-]{36}$/);
    const adminId = (await admin.me()).id;
    expect(lines).toEqual([
      { event: 'sign_in_succeeded', staffId, account, address: '203.0.113.30', sessionId },
      { event: 'sign_in_failed', staffId, account, address: '203.0.113.30', reason: 'wrong_password' },
      { event: 'sign_in_failed', staffId, account, address: '203.0.113.30', reason: 'wrong_password' },
      { event: 'sign_in_failed', staffId, account, address: '203.0.113.31', reason: 'wrong_password' },
      { event: 'sign_in_locked', staffId, account, address: '203.0.113.31', lockedForSeconds: 600 },
      {
        event: 'sign_in_refused',
        staffId: null,
        account,
        address: '203.0.113.31',
        limit: 'account',
        retryAfterSeconds: expect.any(Number),
      },
      { event: 'sign_in_unlocked', staffId, account, byStaffId: adminId, wasLocked: true },
      { event: 'sign_in_failed', staffId: null, account, address: '203.0.113.32', reason: 'unknown_account' },
    ]);
    // The same e-mail address is logged under one name; another under another.
    const names = lines.map((line) => (line as { account: string }).account);
    expect(new Set(names.slice(0, 7)).size).toBe(1);
    expect(names[7]).not.toBe(names[0]);
    const text = JSON.stringify(lines);
    for (const secret of [PASSWORD, 'secret-guess', 'handler.soc', 'demo.local']) expect(text).not.toContain(secret);
  });
});

describe('the address a sign-in is counted under', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_ADDRESS_MAX_FAILURES: '2' } });
  });
  afterAll(() => t.close());

  it('is the connection’s own without a trusted proxy: a forged X-Forwarded-For does not give a fresh count', async () => {
    const nobody = ApiClient.anonymous(t);
    await nobody.logIn('a@demo.local', 'guess', { 'X-Forwarded-For': '192.0.2.1' }).expectStatus(401);
    await nobody.logIn('b@demo.local', 'guess', { 'X-Forwarded-For': '192.0.2.2' }).expectStatus(401);
    const refused = await nobody
      .logIn('agent@demo.local', PASSWORD, { 'X-Forwarded-For': '192.0.2.3' })
      .expectStatus(429);
    expect(refused.body.code).toBe('too_many_requests');
  });
});
