import { Injectable, Logger } from '@nestjs/common';
import { AddressObject, ParsedMail, simpleParser } from 'mailparser';
import { DataSource, EntityManager } from 'typeorm';
import { CaseRecordsService } from '../cases/case-records.service';
import { CaseWorkflowService } from '../cases/case-workflow.service';
import { CitizensService } from '../citizens/citizens.service';
import { Clock } from '../common/clock';
import { ContactsService } from '../contacts/contacts.service';
import { TransactionService } from '../database/transaction.service';
import { IgnoredReason, InboundEmail } from './entities/inbound-email.entity';
import { automaticKind, caseIdInThread, readableReply, referenceInSubject } from './mail-reading';

/** A case description holds at most this many characters (as POST /api/v1/cases allows). */
const DESCRIPTION_MOST = 10_000;

/** What the handler reads of a message with neither subject nor text (its attachments may say it all). */
const EMPTY = '(tomt e-postmeddelande)';

/** Thrown inside a filing transaction when another run filed the message first: it rolls back. */
class AlreadyFiled extends Error {}

/**
 * Files a received e-mail (the `file-inbound-email` job), once:
 * - an automatic reply or a bounce (mail-reading.ts `automaticKind`), or a message with no sender
 *   address, makes nothing and is marked `ignored` with its reason;
 * - a message answering one of ours about a case (In-Reply-To/References carry our Message-ID,
 *   `<notify.<case id>.…>`), or whose subject names a case's reference and whose sender is that
 *   case's citizen, is added to the case's timeline as the citizen's message (channel `email`),
 *   and reopens the case when it was resolved (CaseWorkflowService.addCitizenMessage);
 * - anything else, and a message about a closed case, becomes a contact (channel `email`,
 *   started when the message arrived, outcome `case_created`) and a case through the same intake
 *   as any other (CaseWorkflowService.register: triage of subject and text, duplicates, routing,
 *   service targets, the receipt), the citizen registered from From: with the address.
 * What the handler reads is the citizen's own text (`readableReply`: quotes and signature cut);
 * the whole message stays in `inbound_emails`. The log gets ids only.
 */
@Injectable()
export class InboundEmailFiling {
  private readonly logger = new Logger('InboundEmailFiling');

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly workflow: CaseWorkflowService,
    private readonly cases: CaseRecordsService,
    private readonly citizens: CitizensService,
    private readonly contacts: ContactsService,
    private readonly clock: Clock,
  ) {}

  /** Files the message `inboundEmailId`; one already filed or ignored, or unknown, is left alone. */
  async file(inboundEmailId: string): Promise<void> {
    const row = await this.dataSource.manager.findOneBy(InboundEmail, { id: inboundEmailId });
    if (!row || row.status !== 'received') return;
    const mail = await simpleParser(row.raw, { skipImageLinks: true, skipTextLinks: true, skipTextToHtml: true });
    const sender = firstAddress(mail.from);
    const automatic = automaticKind(mail.headers, sender?.address ?? null);
    if (automatic) return this.ignore(row, automatic);
    if (!sender) return this.ignore(row, 'no_sender');

    const subject = (mail.subject ?? '').trim();
    const text = readableReply(mail.text ?? '');
    const about = { inboundEmailId: row.id, attachments: mail.attachments.length };
    try {
      const answered = await this.caseAnswered(mail, sender.address);
      if (answered) {
        await this.workflow.addCitizenMessage(answered, text || subject || EMPTY, 'email', {
          reopenResolved: true,
          data: about,
          receivedAt: row.receivedAt,
          alongside: (manager, caseId) => this.markFiled(manager, row.id, caseId),
        });
        this.logger.log(`E-mail ${row.id} added to case ${answered}`);
        return;
      }
      const contactId = row.contactId ?? (await this.logContact(row, subject, sender));
      const description = [subject, text].filter((part) => part !== '').join('\n\n') || EMPTY;
      const created = await this.workflow.register(
        null,
        { description: description.slice(0, DESCRIPTION_MOST), channel: 'email', contactId },
        (manager, caseId) => this.markFiled(manager, row.id, caseId),
      );
      this.logger.log(`E-mail ${row.id} registered as case ${created.id}`);
    } catch (error: unknown) {
      if (!(error instanceof AlreadyFiled)) throw error;
    }
  }

  /**
   * The open or resolved case the message is about: by the Message-ID of ours it answers, else by
   * a reference in the subject when the sender is that case's citizen (a reference is easy to
   * guess; the Message-ID is not). Null for a new matter, and for a closed case (a new case then).
   */
  private async caseAnswered(mail: ParsedMail, senderAddress: string): Promise<string | null> {
    const references = typeof mail.references === 'string' ? [mail.references] : (mail.references ?? []);
    const threadCaseId = caseIdInThread([...(mail.inReplyTo ? [mail.inReplyTo] : []), ...[...references].reverse()]);
    const byThread = threadCaseId ? await this.cases.find(threadCaseId) : null;
    if (byThread) return byThread.status === 'closed' ? null : byThread.id;
    const reference = referenceInSubject(mail.subject ?? '');
    const byReference = reference ? await this.cases.findByReference(reference) : null;
    if (!byReference || byReference.status === 'closed' || !byReference.citizenId) return null;
    const citizen = await this.citizens.find(byReference.citizenId);
    return citizen?.email?.toLowerCase() === senderAddress ? byReference.id : null;
  }

  /** The contact of a new message, logged once: kept on the row, so a retry after a crash reuses it. */
  private logContact(row: InboundEmail, subject: string, sender: { address: string; name: string | null }) {
    return this.transactions.run(async (manager) => {
      const citizen = await this.citizens.register(manager, {
        email: sender.address,
        ...(sender.name ? { name: sender.name.slice(0, 200) } : {}),
      });
      const contact = await this.contacts.logArrived(manager, {
        channel: 'email',
        startedAt: row.receivedAt,
        endedAt: row.receivedAt,
        summary: subject.slice(0, 300) || '(utan ämne)',
        outcome: 'case_created',
        citizenId: citizen?.id ?? null,
      });
      await manager.update(InboundEmail, { id: row.id }, { contactId: contact.id });
      return contact.id;
    });
  }

  private async markFiled(manager: EntityManager, id: string, caseId: string): Promise<void> {
    const result = await manager.update(
      InboundEmail,
      { id, status: 'received' },
      { status: 'filed', caseId, filedAt: this.clock.now() },
    );
    if (!result.affected) throw new AlreadyFiled();
  }

  private async ignore(row: InboundEmail, reason: IgnoredReason): Promise<void> {
    await this.dataSource.manager.update(
      InboundEmail,
      { id: row.id, status: 'received' },
      { status: 'ignored', ignoredReason: reason, filedAt: this.clock.now() },
    );
    this.logger.log(`E-mail ${row.id} ignored: ${reason}`);
  }
}

/** The first mailbox of a From: header, its address in lower case; null when it names none. */
function firstAddress(
  from: AddressObject | AddressObject[] | undefined,
): { address: string; name: string | null } | null {
  const first = (Array.isArray(from) ? from : from ? [from] : []).flatMap((header) => header.value)[0];
  const address = first?.address?.trim().toLowerCase();
  if (!address || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) return null;
  return { address, name: first?.name?.trim() || null };
}
