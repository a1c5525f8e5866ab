import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { MessageQueue, QueueJob } from '../queue/message-queue';
import { NotificationDeliveryService } from './notification-delivery.service';
import { SEND_NOTIFICATION_JOB, SendNotificationJobData } from './notification-job';

/** Runs the `notifications` queue in whichever process runs processors. */
@Injectable()
export class NotificationProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly queue: MessageQueue,
    private readonly delivery: NotificationDeliveryService,
  ) {}

  onApplicationBootstrap(): void {
    this.queue.work<SendNotificationJobData>('notifications', (job) => this.process(job), { concurrency: 4 });
  }

  private async process(job: QueueJob<SendNotificationJobData>): Promise<void> {
    if (job.name !== SEND_NOTIFICATION_JOB) throw new Error(`The notifications queue has no job "${job.name}"`);
    await this.delivery.deliver(job.data.notificationId, job.attemptsMade);
  }
}
