import { Injectable } from '@nestjs/common';
import { simpleParser } from 'mailparser';
import { DataSource } from 'typeorm';
import { CaseEmailResponse } from './dto/case-email.response';
import { InboundEmail } from './entities/inbound-email.entity';

/** Reads back the e-mails filed on a case, parsed from the raw messages kept. The caller has checked access. */
@Injectable()
export class InboundEmailReading {
  constructor(private readonly dataSource: DataSource) {}

  /** The e-mails filed on case `caseId`, oldest first; empty when none. */
  async emailsOf(caseId: string): Promise<CaseEmailResponse[]> {
    const rows = await this.dataSource.manager.find(InboundEmail, {
      where: { caseId, status: 'filed' },
      order: { receivedAt: 'ASC' },
    });
    const emails: CaseEmailResponse[] = [];
    for (const row of rows) {
      const mail = await simpleParser(row.raw, { skipImageLinks: true, skipTextLinks: true, skipTextToHtml: true });
      emails.push({
        id: row.id,
        messageId: row.messageId,
        receivedAt: row.receivedAt,
        from: mail.from?.text ?? '',
        subject: mail.subject ?? '',
        text: mail.text ?? '',
        attachments: mail.attachments.map((attachment) => ({
          filename: attachment.filename ?? null,
          contentType: attachment.contentType,
          sizeBytes: attachment.size,
          dataUrl: `data:${attachment.contentType};base64,${attachment.content.toString('base64')}`,
        })),
      });
    }
    return emails;
  }
}
