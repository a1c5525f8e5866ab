import { MessageQueue } from '../src/queue/message-queue';
import { Reconciliation } from '../src/queue/reconciliation.service';
import { ApiClient } from './support/api-client';
import { eventually } from './support/eventually';
import { createTestApp, TestApp } from './support/test-app';

/**
 * A receipt or a webhook delivery that waits in the queue long after it was queued is stuck: it
 * is listed (?stuck=true), counted in /health and /metrics, and an admin may send it again. Here
 * the queue holds the jobs but runs none (a test app's default), and the clock is moved on by hand.
 */
describe('messages and deliveries stuck in the queue', () => {
  let t: TestApp;
  let admin: ApiClient;
  let agent: ApiClient;
  let nobody: ApiClient;
  let caseId: string;
  /** The delivery's job key: `webhook:<caseId>:<routing event id>`. */
  let deliveryKey: string;

  beforeAll(async () => {
    // Monday 2 March 2026, 10:00 in Stockholm.
    t = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
    [admin, agent] = await ApiClient.loginAll(t, 'admin@demo.local', 'agent@demo.local');
    nobody = ApiClient.anonymous(t);
    await admin.putDepartmentWebhook('TEK', {
      url: 'http://127.0.0.1:9/work-orders',
      secret: 'tek-work-orders-secret-1',
      active: true,
    });
    caseId = (
      await agent.createCase({
        description: 'Gatlampan är släckt',
        catalogCode: 'street_light',
        citizen: { name: 'Anna Andersson', email: 'anna.andersson@example.se' },
      })
    ).id;
    await agent.act(caseId, 'route', { departmentCode: 'TEK' });
    const routing = (await admin.timeline(caseId)).find((event) => event.toStatus === 'routed');
    deliveryKey = `webhook:${caseId}:${routing!.id}`;
  });
  afterAll(() => t.close());

  const held = (queue: 'notifications' | 'webhooks', key: string) =>
    eventually(
      async () => ((await t.app.get(MessageQueue).holds(queue, key)) ? true : undefined),
      `the job ${key} in the queue`,
    );
  const receipt = async () => (await admin.caseNotifications(caseId)).find((message) => message.kind === 'receipt')!;
  const delivery = async () => (await admin.webhookDeliveries({ caseId })).items[0];

  it('does not call a message or delivery stuck, or let it be resent, within STUCK_AFTER_MINUTES', async () => {
    t.advanceMinutes(15);
    expect(await receipt()).toMatchObject({ status: 'queued', queuedAt: '2026-03-02T09:00:00.000Z', stuck: false });
    expect(await delivery()).toMatchObject({ status: 'pending', queuedAt: '2026-03-02T09:00:00.000Z', stuck: false });
    expect((await nobody.health()).stuck).toEqual({ afterMinutes: 15, notifications: 0, webhookDeliveries: 0 });
    expect((await admin.notifications({ stuck: true })).total).toBe(0);
    expect((await admin.webhookDeliveries({ stuck: true })).total).toBe(0);

    const refused = await admin.resendNotification((await receipt()).id).expectStatus(409);
    expect(refused.body.message).toBe(
      'Only a failed message, or one queued for more than 15 minutes, can be sent again; this one is queued since 2026-03-02T09:00:00.000Z',
    );
    const refusedDelivery = await admin.resendWebhookDelivery((await delivery()).id).expectStatus(409);
    expect(refusedDelivery.body.message).toBe(
      'Only a failed or delivered delivery, or one pending for more than 15 minutes, can be sent again; this one is pending since 2026-03-02T09:00:00.000Z',
    );
  });

  it('lists, counts and lets an admin resend them once they have waited longer, taking the old job out of the queue', async () => {
    t.advanceMinutes(1);
    const stuckReceipt = await receipt();
    expect(stuckReceipt).toMatchObject({ status: 'queued', stuck: true });
    expect((await nobody.health()).stuck).toEqual({ afterMinutes: 15, notifications: 1, webhookDeliveries: 1 });
    const metrics = await nobody.metrics();
    expect(metrics).toContain('onewayin_stuck{kind="notification"} 1');
    expect(metrics).toContain('onewayin_stuck{kind="webhook_delivery"} 1');
    expect((await admin.notifications({ stuck: true })).items.map((message) => message.id)).toEqual([stuckReceipt.id]);
    expect((await admin.notifications({ stuck: true, status: 'failed' })).total).toBe(0);
    expect((await admin.webhookDeliveries({ stuck: true })).items.map((found) => found.caseId)).toEqual([caseId]);
    await agent.notifications({ stuck: true }).expectStatus(403);

    const queue = t.app.get(MessageQueue);
    const firstKey = `notify:${caseId}:receipt`;
    expect(await queue.holds('notifications', firstKey)).toBe(true);
    const resent = await admin.resendNotification(stuckReceipt.id);
    expect(resent).toMatchObject({
      status: 'queued',
      resendCount: 1,
      queuedAt: '2026-03-02T09:16:00.000Z',
      stuck: false,
    });
    // The old job is gone, the new one is queued under a key of its own.
    expect(await queue.holds('notifications', firstKey)).toBe(false);
    const resendKey = `${firstKey}:resend-1`;
    await held('notifications', resendKey);

    const stuckDelivery = await delivery();
    expect(await queue.holds('webhooks', deliveryKey)).toBe(true);
    const resentDelivery = await admin.resendWebhookDelivery(stuckDelivery.id);
    expect(resentDelivery).toMatchObject({ id: stuckDelivery.id, status: 'pending', resendCount: 1, stuck: false });
    expect(await queue.holds('webhooks', deliveryKey)).toBe(false);
    await held('webhooks', `${deliveryKey}:resend-1`);
    expect((await nobody.health()).stuck).toEqual({ afterMinutes: 15, notifications: 0, webhookDeliveries: 0 });
  });

  it('offers again, on reconciling, a queued message whose job no queue holds, and nothing the queue still holds', async () => {
    const queue = t.app.get(MessageQueue);
    const reconciliation = t.app.get(Reconciliation);
    // Everything owed is held: nothing is offered again.
    expect(await reconciliation.runOnce()).toMatchObject({ 'messages to citizens': 0, 'webhook deliveries': 0 });
    // As if a restart or Redis had lost the resent receipt's job.
    const key = `notify:${caseId}:receipt:resend-1`;
    expect(await queue.remove('notifications', key)).toBe(true);
    expect(await reconciliation.runOnce()).toMatchObject({ 'messages to citizens': 1, 'webhook deliveries': 0 });
    await held('notifications', key);
  });
});
