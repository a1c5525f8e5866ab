import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ApiClient } from './support/api-client';
import { DepartmentWebhookInput, NewCase, RoutedCasePayload, WebhookDeliveryQuery } from './support/api-types';
import { eventually } from './support/eventually';
import { createTestApp, TestApp } from './support/test-app';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

/**
 * A department system's receiver on 127.0.0.1: it keeps every request as it came, and
 * answers each path with the status the test sets (or holds the answer until released).
 */
class Receiver {
  readonly requests: Received[] = [];
  readonly answers = new Map<string, number>();
  readonly held = new Map<string, () => void>();
  private server: Server;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '';
        this.requests.push({ path, headers: request.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
        const answer = () =>
          response
            .writeHead(this.answers.get(path) ?? 200, { 'Content-Type': 'text/plain' })
            .end(this.answers.get(path) === 500 ? 'database is down' : 'ok');
        if (this.held.has(path)) this.held.set(path, answer);
        else answer();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  to(path: string): Received[] {
    return this.requests.filter((request) => request.path === path);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The delivery's body, as the receiver reads it. */
function payloadOf(received: Received): RoutedCasePayload {
  return JSON.parse(received.rawBody) as RoutedCasePayload;
}

/** The receiver's side of the contract, written from the docs with node:crypto only. */
function signatureIsValid(secret: string, received: Received): boolean {
  const timestamp = received.headers['x-onewayin-timestamp'] as string;
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', secret).update(`${timestamp}.${received.rawBody}`).digest('hex')}`,
  );
  const given = Buffer.from((received.headers['x-onewayin-signature'] as string) ?? '');
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
  return fresh && given.length === expected.length && timingSafeEqual(given, expected);
}

describe('webhooks: routed cases are posted, signed, to the department systems', () => {
  const receiver = new Receiver();
  const secrets = { TEK: 'tek-work-orders-secret-1', VA: 'va-field-staff-secret-22', SOC: 'soc-business-system-333' };
  let t: TestApp;
  let admin: ApiClient;
  let agent: ApiClient;
  let handler: ApiClient;

  beforeAll(async () => {
    await receiver.start();
    // Monday 4 May 2026, 10:00 in Stockholm (UTC+2), for due times worked out by hand.
    t = await createTestApp({
      runJobs: true,
      now: '2026-05-04T08:00:00Z',
      env: { JOB_ATTEMPTS: '3', JOB_BACKOFF_MS: '20' },
    });
    [admin, agent, handler] = await ApiClient.loginAll(t, 'admin@demo.local', 'agent@demo.local', 'handler@demo.local');
  });
  afterAll(async () => {
    for (const release of receiver.held.values()) release();
    await t.close();
    await receiver.close();
  });

  const putWebhook = (code: string, body: DepartmentWebhookInput, staff = admin) =>
    staff.putDepartmentWebhook(code, body);
  const createCase = (body: NewCase) => agent.createCase(body);
  const readCase = (id: string) => admin.getCase(id);
  const deliveries = (query: WebhookDeliveryQuery) => admin.webhookDeliveries(query);
  const settledDelivery = (caseId: string, status: string) =>
    eventually(
      async () => (await deliveries({ caseId })).items.find((d) => d.status === status),
      `a ${status} delivery for case ${caseId}`,
    );
  const requestFor = (path: string, reference: string) =>
    eventually(
      async () => receiver.to(path).find((r) => payloadOf(r).case.reference === reference),
      `a POST to ${path} about ${reference}`,
    );

  it('lets an admin set a department webhook, never shows the secret again, and takes plain http only to this machine', async () => {
    const set = await putWebhook('TEK', { url: receiver.url('/tek'), secret: secrets.TEK, active: true });
    expect(set).toEqual({
      departmentCode: 'TEK',
      url: receiver.url('/tek'),
      active: true,
      hasSecret: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const shown = await admin.departmentWebhook('TEK');
    expect(shown).toEqual(set);
    expect(JSON.stringify(shown)).not.toContain(secrets.TEK);

    expect(
      (await putWebhook('VA', { url: 'http://workorders.norrvika.example/hook', secret: secrets.VA }).expectStatus(400))
        .body.message,
    ).toEqual(['url must start with https:// (http:// only to localhost or 127.0.0.1, outside production)']);
    expect((await putWebhook('VA', { url: receiver.url('/va') }).expectStatus(400)).body.message).toEqual([
      'secret must be given (at least 16 characters) when a webhook is first set',
    ]);
    expect(
      (await putWebhook('VA', { url: receiver.url('/va'), secret: 'short' }).expectStatus(400)).body.message,
    ).toEqual(['secret must be longer than or equal to 16 characters']);
    await putWebhook('NOSUCH', { url: receiver.url('/x'), secret: secrets.VA }).expectStatus(404);
    await putWebhook('VA', { url: receiver.url('/va'), secret: secrets.VA }, agent).expectStatus(403);
    await admin.departmentWebhook('VA').expectStatus(404);
  });

  it('posts a case the routing job routes, with a signature the receiver can check', async () => {
    const created = await createCase({
      description: 'Djupt hål i vägen vid skolan',
      catalogCode: 'pothole',
      location: { address: 'Skolvägen 3', postalCode: '139 30', lat: 59.25, lng: 18.23 },
      citizen: { name: 'Per', email: 'per@example.se' },
    });
    const received = await requestFor('/tek', created.reference);

    expect(received.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(received.headers['x-onewayin-event']).toBe('case.routed');
    expect(signatureIsValid(secrets.TEK, received)).toBe(true);
    expect(signatureIsValid('some-other-secret-000', received)).toBe(false);
    const delivery = await settledDelivery(created.id, 'delivered');
    expect(received.headers['x-onewayin-delivery']).toBe(delivery.id);
    expect(payloadOf(received)).toEqual({
      event: 'case.routed',
      deliveryId: delivery.id,
      routedAt: delivery.routedAt,
      department: { code: 'TEK', name: 'Tekniska förvaltningen' },
      case: {
        id: created.id,
        reference: created.reference,
        status: 'routed',
        catalogCode: 'pothole',
        catalogName: 'Potthål eller skadad väg',
        priority: 'normal',
        description: 'Djupt hål i vägen vid skolan',
        location: { address: 'Skolvägen 3', postalCode: '13930', lat: 59.25, lng: 18.23 },
        receivedAt: '2026-05-04T08:00:00.000Z',
        // A pothole reported by phone on Mon 4 May 10:00 Stockholm: the fault report's first response
        // within 1 working day, by Tue 5 May 16:30 = 14:30Z; its own resolution within 5 working days,
        // Tue 5, Wed 6, Thu 7, Fri 8, Mon 11 May 16:30 = 14:30Z.
        firstResponseDueAt: '2026-05-05T14:30:00.000Z',
        resolutionDueAt: '2026-05-11T14:30:00.000Z',
        confidential: false,
      },
    });
    // Field staff get the place and the fault, not who reported it.
    expect(received.rawBody).not.toContain('per@example.se');
    expect(delivery).toMatchObject({
      departmentCode: 'TEK',
      caseReference: created.reference,
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
      deliveredAt: expect.any(String),
    });
  });

  it('posts a case an agent routes by hand, and again to the new department when a handler transfers it', async () => {
    await putWebhook('VA', { url: receiver.url('/va'), secret: secrets.VA });
    // A type the service center handles itself stays there unless an agent sends it on.
    const created = await createCase({
      description: 'Vatten i källaren efter regnet, vem ska jag ringa?',
      catalogCode: 'general_information',
    });
    await agent.act(created.id, 'route', { departmentCode: 'TEK' });
    const toTek = await requestFor('/tek', created.reference);
    expect(payloadOf(toTek)).toMatchObject({
      department: { code: 'TEK' },
      case: { status: 'routed', catalogCode: 'general_information' },
    });

    await handler.act(created.id, 'transfer', { departmentCode: 'VA', reason: 'Dagvatten är VA:s' });
    const toVa = await requestFor('/va', created.reference);
    expect(signatureIsValid(secrets.VA, toVa)).toBe(true);
    expect(payloadOf(toVa)).toMatchObject({
      department: { code: 'VA', name: 'Vatten och avfall' },
      case: { status: 'routed', reference: created.reference },
    });
    expect(toVa.headers['x-onewayin-delivery']).not.toBe(toTek.headers['x-onewayin-delivery']);
    await settledDelivery(created.id, 'delivered');
    expect((await deliveries({ caseId: created.id, status: 'delivered' })).total).toBe(2);
  });

  it('keeps a delivery the receiver refuses as failed after the last try, and delivers it when an admin resends it', async () => {
    receiver.answers.set('/va', 500);
    const created = await createCase({ description: 'Vattnet forsar ur en brunn', catalogCode: 'water_leak' });
    const failed = await settledDelivery(created.id, 'failed');
    expect(failed).toMatchObject({
      departmentCode: 'VA',
      attempts: 3,
      lastStatusCode: 500,
      lastError: 'The receiver answered 500: database is down',
      deliveredAt: null,
    });
    const tries = receiver.to('/va').filter((r) => r.headers['x-onewayin-delivery'] === failed.id);
    expect(tries).toHaveLength(3);
    expect((await deliveries({ status: 'failed' })).items.map((d) => d.id)).toContain(failed.id);
    await agent.webhookDeliveries({ status: 'failed' }).expectStatus(403);
    await handler.resendWebhookDelivery(failed.id).expectStatus(403);

    receiver.answers.set('/va', 204);
    const resent = await admin.resendWebhookDelivery(failed.id);
    expect(resent).toMatchObject({ id: failed.id, status: 'pending', resendCount: 1 });
    const delivered = await settledDelivery(created.id, 'delivered');
    expect(delivered).toMatchObject({
      id: failed.id,
      attempts: 4,
      lastStatusCode: 204,
      lastError: null,
      resendCount: 1,
    });
    const last = receiver.to('/va').filter((r) => r.headers['x-onewayin-delivery'] === failed.id)[3];
    expect(signatureIsValid(secrets.VA, last)).toBe(true);
    await admin.resendWebhookDelivery(failed.id);
    await settledDelivery(created.id, 'delivered');
  });

  it('sends the content of a confidential case to the owning department, marked confidential', async () => {
    await putWebhook('SOC', { url: receiver.url('/soc'), secret: secrets.SOC });
    const created = await createCase({ description: 'Behöver hjälp med hyran', catalogCode: 'income_support' });
    const received = await requestFor('/soc', created.reference);
    expect(payloadOf(received).case).toMatchObject({
      confidential: true,
      description: 'Behöver hjälp med hyran',
    });
  });

  it('does not tell a department of a case that left it before the delivery went out', async () => {
    receiver.answers.set('/tek', 503);
    receiver.held.set('/tek', () => undefined);
    const created = await createCase({ description: 'Gatlampan är släckt', catalogCode: 'street_light' });
    await eventually(
      async () =>
        receiver.to('/tek').some((r) => payloadOf(r).case.reference === created.reference) ? true : undefined,
      'the first try',
    );
    await handler.act(created.id, 'transfer', { departmentCode: 'VA', reason: 'Fel förvaltning' });
    const release = receiver.held.get('/tek') as () => void;
    receiver.held.delete('/tek');
    release();
    const cancelled = await settledDelivery(created.id, 'cancelled');
    expect(cancelled).toMatchObject({
      departmentCode: 'TEK',
      attempts: 1,
      lastStatusCode: 503,
      lastError: 'The case moved to VA before it was delivered',
    });
    expect(receiver.to('/tek').filter((r) => r.headers['x-onewayin-delivery'] === cancelled.id)).toHaveLength(1);
    receiver.answers.delete('/tek');
  });

  it('sends nothing while a department webhook is switched off', async () => {
    await putWebhook('TEK', { url: receiver.url('/tek'), active: false });
    const created = await createCase({ description: 'Klotter på skolans vägg', catalogCode: 'graffiti' });
    await eventually(async () => ((await readCase(created.id)).status === 'routed' ? true : undefined), 'routing');
    expect((await deliveries({ caseId: created.id })).total).toBe(0);
  });
});
