import { createHmac } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ApiClient } from './support/api-client';
import { RoutedCasePayload } from './support/api-types';
import { eventually } from './support/eventually';
import { createTestApp, TestApp } from './support/test-app';

/** The same deliveries as webhooks.e2e-spec.ts, with BullMQ on a real Redis doing the retries. */
describe('webhooks through BullMQ on Redis', () => {
  const secret = 'tek-work-orders-secret-1';
  const received: Array<{ headers: IncomingHttpHeaders; rawBody: string }> = [];
  let answer = 500;
  let receiver: Server;
  let t: TestApp;
  let admin: ApiClient;
  let agent: ApiClient;

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    t = await createTestApp({ runJobs: true, queue: 'bullmq', env: { JOB_ATTEMPTS: '3', JOB_BACKOFF_MS: '20' } });
    [admin, agent] = await ApiClient.loginAll(t, 'admin@demo.local', 'agent@demo.local');
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/tek`;
    await admin.putDepartmentWebhook('TEK', { url, secret });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  const delivery = (caseId: string, status: string) =>
    eventually(async () => {
      const page = await admin.webhookDeliveries({ caseId });
      return page.items.find((item) => item.status === status);
    }, `a ${status} delivery`);

  it('retries a refused delivery with backoff, keeps it as failed, and delivers it on an admin resend', async () => {
    const created = await agent.createCase({ description: 'Gatlampan är släckt', catalogCode: 'street_light' });
    const failed = await delivery(created.id, 'failed');
    expect(failed).toMatchObject({ attempts: 3, lastStatusCode: 500, lastError: 'The receiver answered 500' });
    expect(received.filter((r) => r.headers['x-onewayin-delivery'] === failed.id)).toHaveLength(3);

    answer = 202;
    await admin.resendWebhookDelivery(failed.id);
    expect(await delivery(created.id, 'delivered')).toMatchObject({
      id: failed.id,
      attempts: 4,
      lastStatusCode: 202,
      resendCount: 1,
    });
    const last = received.filter((r) => r.headers['x-onewayin-delivery'] === failed.id)[3];
    const timestamp = last.headers['x-onewayin-timestamp'] as string;
    expect(last.headers['x-onewayin-signature']).toBe(
      `sha256=${createHmac('sha256', secret).update(`${timestamp}.${last.rawBody}`).digest('hex')}`,
    );
    expect((JSON.parse(last.rawBody) as RoutedCasePayload).case).toMatchObject({
      id: created.id,
      reference: created.reference,
      catalogCode: 'street_light',
    });
  });
});
