/** Thrown by `add` when the queue cannot take jobs now (Redis is down); the outbox tries again later. */
export class QueueUnavailableError extends Error {}
