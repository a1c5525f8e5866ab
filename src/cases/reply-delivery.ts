import { contactChannelOf } from '../citizens/citizen.types';

/**
 * How a reply to the citizen reaches them, decided when it is written and kept on the timeline
 * (`data.delivery` of the reply event):
 * - `email` or `sms`: the message service sends it, by the one rule of citizens/contactChannelOf
 *   (e-mail when the citizen gave an address, else SMS to the phone number they gave);
 * - `not_sent`: it is on the case only, because the citizen left no way to reach them
 *   (`no_contact_details`), or because the case is confidential and its text stays out of
 *   e-mail and SMS, which are not protected channels (`confidential`).
 *
 * Only a reply that is sent is the case's first response (issue of honest figures: a reply
 * nobody could read answered nobody).
 */
export type ReplyDelivery =
  { delivery: 'email' | 'sms' } | { delivery: 'not_sent'; notSentBecause: 'no_contact_details' | 'confidential' };

export function replyDelivery(
  about: { confidential: boolean },
  citizen: { email: string | null; phone: string | null } | null,
): ReplyDelivery {
  if (about.confidential) return { delivery: 'not_sent', notSentBecause: 'confidential' };
  const channel = contactChannelOf(citizen);
  return channel ? { delivery: channel } : { delivery: 'not_sent', notSentBecause: 'no_contact_details' };
}

/** Whether a reply event (its `data`) went out to the citizen. */
export function replyWasSent(data: Record<string, unknown> | null): boolean {
  return data?.delivery === 'email' || data?.delivery === 'sms';
}
