import { OutboxJob } from '../queue/outbox.service';

export const DELIVER_WEBHOOK_JOB = 'deliver-webhook';

/** Only the delivery's id travels through the queue; the content is read from the case when it is sent. */
export interface DeliverWebhookJobData {
  deliveryId: string;
}

/**
 * The queue job for a delivery, keyed by the delivery (`webhook:<caseId>:<routing event id>`)
 * so that a routing is told once. An admin's resend is a job of its own: the failed one may
 * still hold the first key in the queue.
 */
export function deliverWebhookJob(delivery: { id: string; deliveryKey: string; resendCount: number }): OutboxJob {
  const payload: DeliverWebhookJobData = { deliveryId: delivery.id };
  const key =
    delivery.resendCount > 0 ? `${delivery.deliveryKey}:resend-${delivery.resendCount}` : delivery.deliveryKey;
  return { queue: 'webhooks', jobName: DELIVER_WEBHOOK_JOB, key, payload };
}
