/** How a call in the queue ended: a person answered, or the caller hung up while waiting. */
export const CALL_OUTCOMES = ['answered', 'abandoned'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** How a call record reached us. */
export type CallRecordSource = 'csv' | 'webhook';
