import type { SendMailOptions } from 'nodemailer';
import { OutgoingMail } from './mail-sender';

/**
 * The nodemailer message for an outgoing mail, the same for every transport: plain text
 * only, and marked as sent by a machine (RFC 3834) so that out-of-office replies stay away.
 */
export function mailOptions(mail: OutgoingMail, from: string): SendMailOptions {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    messageId: mail.messageId,
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo, references: mail.references } : {}),
    headers: { 'Auto-Submitted': 'auto-generated' },
  };
}
