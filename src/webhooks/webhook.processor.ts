import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { MessageQueue, QueueJob } from '../queue/message-queue';
import { WebhookDispatchService } from './webhook-dispatch.service';
import { DELIVER_WEBHOOK_JOB, DeliverWebhookJobData } from './webhook-job';

/** Runs the `webhooks` queue in whichever process runs processors. */
@Injectable()
export class WebhookProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly queue: MessageQueue,
    private readonly dispatch: WebhookDispatchService,
  ) {}

  onApplicationBootstrap(): void {
    // A slow receiver holds a worker up to the timeout; several at once keep the others moving.
    this.queue.work<DeliverWebhookJobData>('webhooks', (job) => this.process(job), { concurrency: 8 });
  }

  private async process(job: QueueJob<DeliverWebhookJobData>): Promise<void> {
    if (job.name !== DELIVER_WEBHOOK_JOB) throw new Error(`The webhooks queue has no job "${job.name}"`);
    await this.dispatch.deliver(job.data.deliveryId, job.attemptsMade);
  }
}
