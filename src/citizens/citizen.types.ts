/** Gender as asked for the gender-split statistics; "not_stated" when the citizen did not say. */
export const GENDERS = ['female', 'male', 'other', 'not_stated'] as const;
export type Gender = (typeof GENDERS)[number];

/**
 * The languages messages to citizens are written in (ISO 639-1): Swedish, the municipality's
 * own; English; Danish, for the Danish municipalities and neighbours. Swedish when not known.
 */
export const MESSAGE_LANGUAGES = ['sv', 'en', 'da'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/**
 * How a message reaches a citizen: e-mail when they gave an address, else SMS to the phone
 * number they gave, else not at all (null). One rule for every message and for whether a reply
 * counts as the case's first response.
 */
export function contactChannelOf(
  citizen: { email: string | null; phone: string | null } | null,
): 'email' | 'sms' | null {
  if (citizen?.email) return 'email';
  if (citizen?.phone) return 'sms';
  return null;
}
