/** One e-mail to one citizen. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** A stable Message-ID per notification, so a message sent twice after a crash can be recognised. */
  messageId: string;
  /** Threading (RFC 5322): the citizen's last message about the case, and their messages before it. */
  inReplyTo?: string;
  references?: string[];
  /** A file name without extension that says what the message is: `<reference>-<kind>`. */
  fileStem: string;
}

/**
 * How e-mail leaves the system: SMTP when SMTP_URL is set, otherwise .eml files in
 * MAIL_DIR (development). A send that throws is retried by the queue.
 */
export abstract class MailSender {
  abstract readonly transport: 'smtp' | 'file';
  abstract send(mail: OutgoingMail): Promise<void>;
}
