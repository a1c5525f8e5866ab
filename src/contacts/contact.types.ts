/** How a citizen got in touch; `app`: a citizen's app through the Open311 interface. */
export const CHANNELS = ['phone', 'visit', 'email', 'web', 'letter', 'social', 'app'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CONTACT_OUTCOMES = [
  'answered',
  'case_created',
  'referred',
  'message_taken',
  'callback_promised',
  'abandoned',
] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];
