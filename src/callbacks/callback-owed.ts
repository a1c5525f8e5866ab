import { ContactOutcome } from '../contacts/contact.types';

/**
 * Contacts that owe the citizen a callback: a message was taken for someone to call back, or a
 * callback was promised outright. In the Høje-Taastrup telephone measurement, callbacks not made
 * were one of the main reasons the service index fell short.
 */
export const CALLBACK_OWING_OUTCOMES: readonly ContactOutcome[] = ['message_taken', 'callback_promised'];

export function owesCallback(outcome: string): boolean {
  return (CALLBACK_OWING_OUTCOMES as readonly string[]).includes(outcome);
}
