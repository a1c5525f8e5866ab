/**
 * The queues of the application. Health and metrics report on each of them, and the
 * dashboard shows them. A new kind of background work adds its queue here.
 */
export const QUEUE_NAMES = ['routing', 'notifications', 'webhooks', 'service-targets'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];
