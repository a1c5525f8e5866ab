/**
 * A message that cannot be sent however often it is tried (the citizen's address was
 * removed, the case is gone): it is marked failed at once instead of being retried.
 */
export class UndeliverableNotificationError extends Error {}
