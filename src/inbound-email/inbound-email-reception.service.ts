import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { Clock } from '../common/clock';
import { InvalidInputError } from '../common/domain-errors';
import { newId } from '../common/ids';
import { TransactionService } from '../database/transaction.service';
import { OutboxService } from '../queue/outbox.service';
import { InboundEmail } from './entities/inbound-email.entity';
import { fileInboundEmailJob } from './file-inbound-email.job';

/** The limits of a message we accept: its size in bytes, and its attachments' number and size. */
export const INBOUND_EMAIL_LIMITS = {
  messageBytes: 25 * 1024 * 1024,
  attachments: 10,
  attachmentBytes: 10 * 1024 * 1024,
} as const;

/** A message over INBOUND_EMAIL_LIMITS: SMTP answers 552, the HTTP endpoint 413. */
export class MessageTooLargeError extends Error {}

/** What became of a message handed in: stored now, or already stored under its Message-ID. */
export interface Reception {
  inboundEmailId: string;
  duplicate: boolean;
}

/**
 * Takes in e-mail to the service center, from the SMTP listener or the mail gateway's POST:
 * checks it against the limits, and stores the raw message with its filing job in one
 * transaction (the outbox), so an answer of "accepted" (SMTP 250, HTTP 202) comes only after the
 * message is committed, and a crash afterwards loses nothing. The same Message-ID again is
 * stored once. The arrival time (the domain Clock, UTC) is when this is called.
 */
@Injectable()
export class InboundEmailReception {
  private readonly logger = new Logger('InboundEmailReception');

  constructor(
    private readonly transactions: TransactionService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /**
   * @throws MessageTooLargeError over INBOUND_EMAIL_LIMITS; InvalidInputError (`message`) for
   *   bytes that are not a message (no header at all).
   */
  async accept(raw: Buffer): Promise<Reception> {
    const receivedAt = this.clock.now();
    if (raw.length > INBOUND_EMAIL_LIMITS.messageBytes)
      throw new MessageTooLargeError(`The message is larger than ${INBOUND_EMAIL_LIMITS.messageBytes} bytes`);
    const parsed = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true });
    if (parsed.headers.size === 0) throw new InvalidInputError(['message: not an RFC 822 message (no header)']);
    if (parsed.attachments.length > INBOUND_EMAIL_LIMITS.attachments)
      throw new MessageTooLargeError(`A message carries at most ${INBOUND_EMAIL_LIMITS.attachments} attachments`);
    if (parsed.attachments.some((attachment) => attachment.size > INBOUND_EMAIL_LIMITS.attachmentBytes))
      throw new MessageTooLargeError(`An attachment is at most ${INBOUND_EMAIL_LIMITS.attachmentBytes} bytes`);
    const messageId = messageIdOf(parsed.messageId, raw);
    const reception = await this.store(raw, messageId, receivedAt).catch(async (error: unknown) => {
      // The same message arriving twice at once: the unique Message-ID lets one in, the other finds it.
      const earlier = await this.transactions.run((manager) => manager.findOneBy(InboundEmail, { messageId }));
      if (!earlier) throw error;
      return { inboundEmailId: earlier.id, duplicate: true };
    });
    // Ids only: who wrote and what stays out of the log.
    this.logger.log(
      reception.duplicate
        ? `E-mail ${reception.inboundEmailId} delivered again; kept once`
        : `E-mail ${reception.inboundEmailId} received (${raw.length} bytes)`,
    );
    return reception;
  }

  private store(raw: Buffer, messageId: string, receivedAt: Date): Promise<Reception> {
    return this.transactions.run(async (manager) => {
      const earlier = await manager.findOneBy(InboundEmail, { messageId });
      if (earlier) return { inboundEmailId: earlier.id, duplicate: true };
      const id = newId();
      await manager.insert(InboundEmail, {
        id,
        messageId,
        receivedAt,
        byteSize: raw.length,
        raw,
        status: 'received',
        ignoredReason: null,
        caseId: null,
        contactId: null,
        filedAt: null,
      });
      await this.outbox.enqueue(manager, fileInboundEmailJob(id));
      return { inboundEmailId: id, duplicate: false };
    });
  }
}

/** The Message-ID with its brackets; a message without one is known by the digest of its bytes. */
function messageIdOf(given: string | undefined, raw: Buffer): string {
  const trimmed = given?.trim();
  if (trimmed && trimmed.length <= 500) return trimmed.startsWith('<') ? trimmed : `<${trimmed}>`;
  return `<sha256.${createHash('sha256').update(raw).digest('hex')}@inbound>`;
}
