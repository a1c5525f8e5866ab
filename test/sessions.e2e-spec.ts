import { createHmac } from 'node:crypto';
import { ApiClient } from './support/api-client';
import { StaffUser } from './support/api-types';
import { createTestApp, TEST_JWT_SECRET, TestApp } from './support/test-app';

const PASSWORD = 'demo-password';

/** A JWT written by hand: header and claims as given, signed with HMAC-SHA-256 under `secret`. */
function handMadeToken(header: object, claims: object, secret = TEST_JWT_SECRET): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const unsigned = `${encode(header)}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
}

describe('access tokens and sessions', () => {
  let t: TestApp;
  let nobody: ApiClient;
  let admin: ApiClient;
  /** A fresh session of a staff member: a log-in of its own, not the test app's shared one. */
  const signIn = async (email: string, password = PASSWORD) =>
    ApiClient.withToken(t, (await nobody.logIn(email, password)).accessToken);
  let staffCount = 0;
  /** A staff member of this test's own, so that what it does to them touches no other test. */
  const newStaff = async (role = 'agent'): Promise<StaffUser> =>
    admin.createStaffUser({
      email: `staff.${++staffCount}@demo.local`,
      name: `Staff ${staffCount}`,
      password: PASSWORD,
      role,
      departmentCodes: ['SC'],
    });

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_ACCOUNT_MAX_FAILURES: '3' } });
    nobody = ApiClient.anonymous(t);
    admin = await ApiClient.login(t, 'admin@demo.local');
  });
  afterAll(() => t.close());

  describe('a token', () => {
    it('carries its expiry and its session; the same claims signed by hand work, so the refusals below are for what differs', async () => {
      const token = (await nobody.logIn('agent@demo.local', PASSWORD)).accessToken;
      const claims = claimsOf(token);
      expect(claims).toEqual({
        sub: expect.any(String),
        sid: expect.stringMatching(/^[0-9a-f-]{36}$/),
        email: 'agent@demo.local',
        role: 'agent',
        departments: ['SC'],
        iat: expect.any(Number),
        exp: (claims.iat as number) + 8 * 3600,
      });
      const resigned = handMadeToken({ alg: 'HS256', typ: 'JWT' }, claims);
      expect((await ApiClient.withToken(t, resigned).me()).email).toBe('agent@demo.local');
    });

    it('is refused without exp, with an exp that has passed, unsigned (alg none), or signed with another secret', async () => {
      const { exp: _exp, ...withoutExpiry } = claimsOf((await nobody.logIn('agent@demo.local', PASSWORD)).accessToken);
      const header = { alg: 'HS256', typ: 'JWT' };
      const now = Math.floor(Date.now() / 1000);
      const refused = [
        handMadeToken(header, withoutExpiry),
        handMadeToken(header, { ...withoutExpiry, iat: now - 7200, exp: now - 3600 }),
        `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(
          JSON.stringify({ ...withoutExpiry, exp: now + 3600 }),
        ).toString('base64url')}.`,
        handMadeToken(header, { ...withoutExpiry, exp: now + 3600 }, 'onewayin-development-secret-not-for-production'),
      ];
      for (const token of refused) {
        const answer = await ApiClient.withToken(t, token).me().expectStatus(401);
        expect(answer.body).toMatchObject({
          code: 'unauthenticated',
          message: 'The bearer token is invalid or has expired',
        });
      }
    });

    it('is refused when its session is one the app never started', async () => {
      const claims = claimsOf((await nobody.logIn('agent@demo.local', PASSWORD)).accessToken);
      const forged = handMadeToken(
        { alg: 'HS256', typ: 'JWT' },
        { ...claims, sid: '00000000-0000-4000-8000-000000000000' },
      );
      const answer = await ApiClient.withToken(t, forged).me().expectStatus(401);
      expect(answer.body.message).toBe('The session has ended; sign in again');
    });
  });

  describe('log-out', () => {
    it('answers 204 and stops the token presented at once; the same person’s other sessions go on', async () => {
      const [laptop, phone] = [await signIn('handler@demo.local'), await signIn('handler@demo.local')];
      const answer = await laptop.logOut().expectStatus(204);
      expect(answer.text).toBe('');
      const refused = await laptop.me().expectStatus(401);
      expect(refused.body).toMatchObject({ code: 'unauthenticated', message: 'The session has ended; sign in again' });
      await laptop.logOut().expectStatus(401);
      expect((await phone.me()).email).toBe('handler@demo.local');
    });

    it('stops the token at the queue dashboard too', async () => {
      const session = await signIn('admin@demo.local');
      await session.send('get', '/admin/queues').expectStatus(200);
      await session.logOut();
      await session.send('get', '/admin/queues').expectStatus(401);
    });

    it('needs a token', async () => {
      await nobody.logOut().expectStatus(401);
    });
  });

  describe('an admin deactivating a staff member', () => {
    it('ends every session of theirs at once, and their sign-in answers as a wrong password does', async () => {
      const member = await newStaff();
      const [first, second] = [await signIn(member.email), await signIn(member.email)];
      expect(await admin.updateStaffUser(member.id, { active: false })).toEqual({ ...member, active: false });
      for (const session of [first, second]) {
        expect((await session.me().expectStatus(401)).body.message).toBe('The session has ended; sign in again');
      }
      const inactive = await nobody.logIn(member.email, PASSWORD).expectStatus(401);
      const wrong = await nobody.logIn('agent@demo.local', 'not-the-password').expectStatus(401);
      expect(inactive.body.message).toBe(wrong.body.message);
      expect((await admin.staffUsers()).find((staff) => staff.id === member.id)?.active).toBe(false);

      expect((await admin.updateStaffUser(member.id, { active: true })).active).toBe(true);
      expect((await (await signIn(member.email)).me()).id).toBe(member.id);
      // An old session stays ended when the account comes back.
      await first.me().expectStatus(401);
    });

    it('renames without ending sessions', async () => {
      const member = await newStaff();
      const session = await signIn(member.email);
      expect((await admin.updateStaffUser(member.id, { name: 'Nytt Namn' })).name).toBe('Nytt Namn');
      await session.me();
    });

    it('is refused for the admin’s own account, for other roles, and for an unknown id', async () => {
      const adminId = (await admin.me()).id;
      const own = await admin.updateStaffUser(adminId, { active: false }).expectStatus(409);
      expect(own.body.message).toBe('You cannot deactivate your own account; another admin can');
      const member = await newStaff();
      const manager = await signIn('manager@demo.local');
      await manager.updateStaffUser(member.id, { active: false }).expectStatus(403);
      await admin.updateStaffUser('00000000-0000-4000-8000-000000000000', { active: false }).expectStatus(404);
      const invalid = await admin
        .send('patch', `/api/v1/staff/${member.id}`, { body: { active: 'no' } })
        .expectStatus(400);
      expect((invalid.body as { message: string[] }).message).toEqual(['active must be a boolean value']);
      await (await signIn(member.email)).me();
    });
  });

  describe('a staff member changing their own password', () => {
    it('needs the current password; the other sessions end, this one goes on, and only the new password signs in', async () => {
      const member = await newStaff();
      const [here, elsewhere] = [await signIn(member.email), await signIn(member.email)];
      const wrong = await here
        .changePassword({ currentPassword: 'not-the-password', newPassword: 'a-new-password-1' })
        .expectStatus(400);
      expect(wrong.body).toMatchObject({
        code: 'validation_failed',
        message: ['currentPassword is not the current password'],
      });
      const short = await here.changePassword({ currentPassword: PASSWORD, newPassword: 'short' }).expectStatus(400);
      expect(short.body.message).toEqual(['newPassword must be longer than or equal to 10 characters']);
      await elsewhere.me();

      await here.changePassword({ currentPassword: PASSWORD, newPassword: 'a-new-password-1' });
      expect((await here.me()).id).toBe(member.id);
      await elsewhere.me().expectStatus(401);
      await nobody.logIn(member.email, PASSWORD).expectStatus(401);
      await nobody.logIn(member.email, 'a-new-password-1');
    });

    it('counts wrong current passwords as failed sign-ins: the third locks the account', async () => {
      const member = await newStaff();
      const session = await signIn(member.email);
      const attempt = (guess: string) =>
        session.changePassword({ currentPassword: guess, newPassword: 'a-new-password-2' });
      await attempt('guess-1').expectStatus(400);
      await attempt('guess-2').expectStatus(400);
      expect((await attempt('guess-3').expectStatus(429)).body.code).toBe('account_locked');
      expect((await attempt(PASSWORD).expectStatus(429)).body.code).toBe('account_locked');
      expect((await nobody.logIn(member.email, PASSWORD).expectStatus(429)).body.code).toBe('account_locked');
    });
  });

  describe('an admin resetting a password', () => {
    it('ends every session of the account, lifts its lock, and the new password signs in', async () => {
      const member = await newStaff('handler');
      const session = await signIn(member.email);
      for (const guess of ['guess-1', 'guess-2', 'guess-3']) await nobody.logIn(member.email, guess).response();
      await nobody.logIn(member.email, PASSWORD).expectStatus(429);

      const answer = await admin.resetStaffPassword(member.id, 'given-by-admin-1').expectStatus(204);
      expect(answer.text).toBe('');
      await session.me().expectStatus(401);
      await nobody.logIn(member.email, PASSWORD).expectStatus(401);
      expect((await (await signIn(member.email, 'given-by-admin-1')).me()).id).toBe(member.id);
    });

    it('is for admins only, and checks the new password', async () => {
      const member = await newStaff();
      await (await signIn('manager@demo.local')).resetStaffPassword(member.id, 'given-by-admin-2').expectStatus(403);
      await admin.resetStaffPassword('00000000-0000-4000-8000-000000000000', 'given-by-admin-2').expectStatus(404);
      const short = await admin.resetStaffPassword(member.id, 'short').expectStatus(400);
      expect(short.body.message).toEqual(['newPassword must be longer than or equal to 10 characters']);
    });
  });
});
