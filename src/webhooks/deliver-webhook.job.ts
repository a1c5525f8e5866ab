import { Injectable } from '@nestjs/common';
import { defineJob } from '../queue/job-definition';
import { QueueJob } from '../queue/message-queue';
import { OnJob } from '../queue/on-job.decorator';
import { OutboxJob } from '../queue/outbox.service';
import { WebhookDispatchService } from './webhook-dispatch.service';

/** Only the delivery's id travels through the queue; the content is read from the case when it is sent. */
export interface DeliverWebhookJobData {
  deliveryId: string;
}

/** Sends one signed delivery to a department's system: `deliver-webhook` on the `webhooks` queue. */
export const DELIVER_WEBHOOK_JOB = defineJob<DeliverWebhookJobData>({ queue: 'webhooks', name: 'deliver-webhook' });

/**
 * The queue job for a delivery, keyed by the delivery (`webhook:<caseId>:<routing event id>`)
 * so that a routing is told once. An admin's resend is a job of its own: the failed one may
 * still hold the first key in the queue.
 */
export function deliverWebhookJob(delivery: { id: string; deliveryKey: string; resendCount: number }): OutboxJob {
  const key =
    delivery.resendCount > 0 ? `${delivery.deliveryKey}:resend-${delivery.resendCount}` : delivery.deliveryKey;
  return DELIVER_WEBHOOK_JOB.outboxJob(key, { deliveryId: delivery.id });
}

/** Runs the `webhooks` queue's jobs, in whichever process runs the queues' workers. */
@Injectable()
export class DeliverWebhookJob {
  constructor(private readonly dispatch: WebhookDispatchService) {}

  @OnJob(DELIVER_WEBHOOK_JOB)
  async run(job: QueueJob<DeliverWebhookJobData>): Promise<void> {
    await this.dispatch.deliver(job.data.deliveryId, job.attemptsMade);
  }
}
