import { createTransport, Transporter } from 'nodemailer';
import { mailOptions } from './mail-composition';
import { MailSender, OutgoingMail } from './mail-sender';

/**
 * E-mail through the municipality's SMTP relay (SMTP_URL, e.g. smtp://relay.kommun.se:587
 * or smtps://user:password@relay:465). nodemailer's default timeouts are minutes long; a
 * queue job that hangs holds a worker, so they are cut to seconds: the queue retries.
 */
export class SmtpMailSender extends MailSender {
  readonly transport = 'smtp' as const;
  private readonly transporter: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    super();
    this.transporter = createTransport({
      url: smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail(mailOptions(mail, this.from));
  }
}
