import { ApiClient } from './support/api-client';
import { CallListQuery } from './support/api-types';
import { createTestApp, TestApp } from './support/test-app';

const SECRET = 'telephony-test-secret';

const call = (callId: string, overrides: Record<string, unknown> = {}) => ({
  callId,
  startedAt: '2025-05-12T08:03:10Z',
  queue: 'main',
  waitSeconds: 45,
  outcome: 'answered',
  talkSeconds: 180,
  callbackRequested: false,
  directAnswer: true,
  ...overrides,
});

describe('telephony call records (POST/GET /api/v1/telephony/calls)', () => {
  let t: TestApp;
  let admin: ApiClient;
  let manager: ApiClient;
  /** The telephony platform: no token, the shared secret. */
  let platform: ApiClient;
  beforeAll(async () => {
    t = await createTestApp({ now: '2025-06-01T10:00:00Z', env: { TELEPHONY_WEBHOOK_SECRET: SECRET } });
    [admin, manager] = await ApiClient.loginAll(t, 'admin@demo.local', 'manager@demo.local');
    platform = ApiClient.anonymous(t);
  });
  afterAll(() => t.close());

  const webhook = (records: unknown) => platform.storeCalls(records, { secret: SECRET });
  const listCalls = (query: CallListQuery = {}) => manager.calls(query);

  it('stores a CSV export uploaded by an admin and lists it by period and queue', async () => {
    const csv = [
      'callId,startedAt,queue,waitSeconds,outcome,talkSeconds,callbackRequested,agentEmail,servicePointCode,directAnswer',
      'csv-1,2025-05-05T07:01:00Z,main,30,answered,120,false,agent@demo.local,PHONE,true',
      'csv-2,2025-05-05T07:05:00Z,main,400,abandoned,,true,,,',
      '',
      'csv-3,2025-05-05T08:00:00+02:00,technical,12,answered,300,false,handler@demo.local,PHONE,false',
      'csv-4,2025-05-06T07:00:00Z,social,5,answered,60,no,,,',
    ].join('\n');
    expect(await admin.storeCalls(csv, { contentType: 'text/csv' })).toEqual({
      stored: 4,
      duplicates: 0,
      rejected: [],
      rejectedCount: 0,
    });

    const fifthOfMay = await listCalls({ from: '2025-05-05T00:00:00Z', to: '2025-05-06T00:00:00Z' });
    expect(fifthOfMay.total).toBe(3);
    expect(fifthOfMay.items.map((item) => item.callId)).toEqual(['csv-2', 'csv-1', 'csv-3']);
    expect(fifthOfMay.items[0]).toMatchObject({
      callId: 'csv-2',
      startedAt: '2025-05-05T07:05:00.000Z',
      queue: 'main',
      waitSeconds: 400,
      outcome: 'abandoned',
      talkSeconds: 0,
      callbackRequested: true,
      agentEmail: null,
      servicePointCode: null,
      directAnswer: null,
      source: 'csv',
    });
    expect(fifthOfMay.items[2]).toMatchObject({
      callId: 'csv-3',
      startedAt: '2025-05-05T06:00:00.000Z',
      agentEmail: 'handler@demo.local',
      servicePointCode: 'PHONE',
      directAnswer: false,
    });

    const main = await listCalls({ queue: 'main', limit: 1, offset: 1 });
    expect(main).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(main.items.map((item) => item.callId)).toEqual(['csv-1']);
  });

  it('takes one record or an array from the webhook with the shared secret, and stores each callId once', async () => {
    expect(await webhook(call('hook-1'))).toEqual({ stored: 1, duplicates: 0, rejected: [], rejectedCount: 0 });
    expect(await webhook(call('hook-1'))).toEqual({ stored: 0, duplicates: 1, rejected: [], rejectedCount: 0 });
    expect(
      await webhook([call('hook-1'), call('hook-2', { queue: 'technical' }), call('hook-2', { queue: 'technical' })]),
    ).toEqual({ stored: 1, duplicates: 2, rejected: [], rejectedCount: 0 });

    const stored = await listCalls({ from: '2025-05-12T00:00:00Z', to: '2025-05-13T00:00:00Z' });
    expect(stored.items.map((item) => item.callId).sort()).toEqual(['hook-1', 'hook-2']);
    expect(stored.items.find((item) => item.callId === 'hook-1')).toMatchObject({
      source: 'webhook',
      waitSeconds: 45,
      talkSeconds: 180,
      directAnswer: true,
    });
  });

  it('stores nothing from a delivery with a bad record and names the record and its errors', async () => {
    expect(
      await webhook([
        call('bad-1'),
        call('bad-2', { waitSeconds: '45s', outcome: 'abandoned', talkSeconds: 0, directAnswer: true }),
        'call-3',
      ]),
    ).toEqual({
      stored: 0,
      duplicates: 0,
      rejectedCount: 2,
      rejected: [
        {
          line: 2,
          errors: [
            'waitSeconds: must be a whole number from 0 to 86400; got "45s"',
            'directAnswer: cannot be true for an abandoned call',
          ],
        },
        { line: 3, errors: ['must be a JSON object'] },
      ],
    });
    const csv =
      'callId,startedAt,queue,waitSeconds,outcome,talkSeconds,callbackRequested\nbad-4,2025-05-20T08:00:00Z,main,10,answered,20,false\nbad-5,2025-05-20T08:00:00Z,main,10,answered,20\n';
    expect(await platform.storeCalls(csv, { secret: SECRET, contentType: 'text/csv' })).toEqual({
      stored: 0,
      duplicates: 0,
      rejectedCount: 1,
      rejected: [{ line: 3, errors: ['has 6 fields but the header has 7'] }],
    });
    expect(
      (await listCalls({ from: '2025-05-12T08:03:10Z', to: '2025-05-12T08:03:11Z' })).items.map((item) => item.callId),
    ).not.toContain('bad-1');
    expect((await listCalls({ from: '2025-05-20T00:00:00Z', to: '2025-05-21T00:00:00Z' })).total).toBe(0);
  });

  it('refuses a delivery without the secret or an admin token', async () => {
    await platform.storeCalls(call('auth-1')).expectStatus(401);
    const wrong = await platform.storeCalls(call('auth-1'), { secret: 'not-the-secret-at-all' }).expectStatus(401);
    expect(wrong.body.message).toBe('The X-Telephony-Secret header does not match');
    await manager.storeCalls(call('auth-1')).expectStatus(403);
    expect(await admin.storeCalls(call('auth-1'))).toEqual({
      stored: 1,
      duplicates: 0,
      rejected: [],
      rejectedCount: 0,
    });
    await platform.storeCalls('not json at all', { secret: SECRET, contentType: 'text/plain' }).expectStatus(415);
  });

  it('lists calls for managers and admins only', async () => {
    await platform.calls().expectStatus(401);
    const agent = await ApiClient.login(t, 'agent@demo.local');
    await agent.calls().expectStatus(403);
    await admin.calls();
    const bad = await manager.calls({ from: 'yesterday' }).expectStatus(400);
    expect(bad.body.message).toEqual([
      'from must be a date (YYYY-MM-DD), a local date and time (YYYY-MM-DD HH:MM) or an ISO 8601 instant',
    ]);
  });
});
