import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OutgoingSms, SmsSender } from './sms-sender';

/** Development SMS: one text file per message in MAIL_DIR/sms/, named after the case reference and kind. */
export class FileSmsSender extends SmsSender {
  readonly transport = 'file';

  constructor(private readonly mailDir: string) {
    super();
  }

  async send(sms: OutgoingSms): Promise<void> {
    const dir = join(this.mailDir, 'sms');
    await mkdir(dir, { recursive: true });
    const path = join(dir, `${sms.fileStem}.txt`);
    await writeFile(`${path}.partial`, `To: ${sms.to}\n\n${sms.text}\n`, 'utf8');
    await rename(`${path}.partial`, path);
  }
}
