import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, StreamSentMessageInfo, Transporter } from 'nodemailer';
import { mailOptions } from './mail-composition';
import { MailSender, OutgoingMail } from './mail-sender';

/**
 * Development e-mail: each message is composed as SMTP would send it and written as an
 * .eml file into MAIL_DIR, named after the case reference and the kind of message, so a
 * developer opens it in a mail program. A retry writes the same file again, not a second one.
 */
export class FileMailSender extends MailSender {
  readonly transport = 'file' as const;
  private readonly composer: Transporter<StreamSentMessageInfo>;

  constructor(
    private readonly mailDir: string,
    private readonly from: string,
  ) {
    super();
    this.composer = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.composer.sendMail(mailOptions(mail, this.from));
    await mkdir(this.mailDir, { recursive: true });
    const path = join(this.mailDir, `${mail.fileStem}.eml`);
    // Written beside and renamed, so a reader never sees half a message.
    await writeFile(`${path}.partial`, info.message as Buffer);
    await rename(`${path}.partial`, path);
  }
}
