/** One SMS to one citizen. */
export interface OutgoingSms {
  to: string;
  text: string;
  /** A file name without extension that says what the message is: `<reference>-<kind>`. */
  fileStem: string;
}

/**
 * How SMS leave the system. There is no SMS provider yet: the development sender writes
 * each message to MAIL_DIR/sms/. A provider (an HTTP API) is one more subclass, chosen in
 * NotificationsModule; a send that throws is retried by the queue.
 */
export abstract class SmsSender {
  abstract readonly transport: string;
  abstract send(sms: OutgoingSms): Promise<void>;
}
