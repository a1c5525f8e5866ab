import { Injectable } from '@nestjs/common';
import { defineJob } from '../queue/job-definition';
import { QueueJob } from '../queue/message-queue';
import { OnJob } from '../queue/on-job.decorator';
import { OutboxJob } from '../queue/outbox.service';
import { NotificationDeliveryService } from './notification-delivery.service';

/** Only the notification's id travels through the queue: no address or text sits in Redis. */
export interface SendNotificationJobData {
  notificationId: number;
}

/** Sends one message to a citizen: `send-notification` on the `notifications` queue. */
export const SEND_NOTIFICATION_JOB = defineJob<SendNotificationJobData>({
  queue: 'notifications',
  name: 'send-notification',
});

/**
 * The queue job for a message. Its key is the message's own key (`notify:<caseId>:<kind>`, message-key.ts),
 * so the message is sent once however often it is asked for. An admin's resend is a
 * request of its own: the failed job may still hold the first key in the queue.
 */
export function sendNotificationJob(notification: { id: number; messageKey: string; resendCount: number }): OutboxJob {
  const key =
    notification.resendCount > 0
      ? `${notification.messageKey}:resend-${notification.resendCount}`
      : notification.messageKey;
  return SEND_NOTIFICATION_JOB.outboxJob(key, { notificationId: notification.id });
}

/** Runs the `notifications` queue's jobs, in whichever process runs the queues' workers. */
@Injectable()
export class SendNotificationJob {
  constructor(private readonly delivery: NotificationDeliveryService) {}

  @OnJob(SEND_NOTIFICATION_JOB)
  async run(job: QueueJob<SendNotificationJobData>): Promise<void> {
    await this.delivery.deliver(job.data.notificationId, job.attemptsMade);
  }
}
