/**
 * A message's key, `notify:<caseId>:<what>`, where `<what>` says what the message is, e.g.
 * `receipt`, `resolution-2`, `reply-57`. It is the key of the message's job as well, so a
 * message is sent once however often it is asked for.
 */
export function notificationMessageKey(caseId: string, what: string): string {
  return `notify:${caseId}:${what}`;
}

/** The `<what>` part of a message key, used in file names of the development transports. */
export function messageTopic(messageKey: string): string {
  return messageKey.split(':')[2] ?? 'message';
}
