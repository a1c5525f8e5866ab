import { OutboxJob } from '../queue/outbox.service';

export const SEND_NOTIFICATION_JOB = 'send-notification';

/** Only the notification's id travels through the queue: no address or text sits in Redis. */
export interface SendNotificationJobData {
  notificationId: number;
}

/**
 * The queue job for a message. Its key is the message's own key (`notify:<caseId>:<kind>`),
 * so the message is sent once however often it is asked for. An admin's resend is a
 * request of its own: the failed job may still hold the first key in the queue.
 */
export function sendNotificationJob(notification: { id: number; messageKey: string; resendCount: number }): OutboxJob {
  const payload: SendNotificationJobData = { notificationId: notification.id };
  const key =
    notification.resendCount > 0
      ? `${notification.messageKey}:resend-${notification.resendCount}`
      : notification.messageKey;
  return { queue: 'notifications', jobName: SEND_NOTIFICATION_JOB, key, payload };
}

/** `notify:<caseId>:<what>`: what the message is, e.g. `receipt`, `resolution-2`, `reply-57`. */
export function notificationMessageKey(caseId: string, what: string): string {
  return `notify:${caseId}:${what}`;
}

/** The `<what>` part of a message key, used in file names of the development transports. */
export function messageTopic(messageKey: string): string {
  return messageKey.split(':')[2] ?? 'message';
}
