import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InboundEmail } from './entities/inbound-email.entity';

/** How an outgoing message joins the citizen's conversation (RFC 5322 In-Reply-To and References). */
export interface MailThread {
  /** The Message-ID of the citizen's last message about the case. */
  inReplyTo: string;
  /** The Message-IDs of the citizen's messages about the case, oldest first, at most 10. */
  references: string[];
}

/**
 * The e-mail conversation of a case as the citizen's mail program sees it: our messages about a
 * case answer the citizen's last e-mail on it, so they land in the same thread.
 */
@Injectable()
export class EmailThreads {
  constructor(private readonly dataSource: DataSource) {}

  /** The thread of case `caseId`; null when the citizen never e-mailed about it. */
  async threadOf(caseId: string): Promise<MailThread | null> {
    const messages = await this.dataSource.manager.find(InboundEmail, {
      select: { messageId: true, receivedAt: true },
      where: { caseId, status: 'filed' },
      order: { receivedAt: 'DESC' },
      take: 10,
    });
    if (messages.length === 0) return null;
    return { inReplyTo: messages[0].messageId, references: messages.map((message) => message.messageId).reverse() };
  }
}
