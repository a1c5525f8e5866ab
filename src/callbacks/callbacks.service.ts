import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { redact } from '../register/redaction';
import { StaffPrincipal } from '../auth/roles';
import { Clock } from '../common/clock';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { AccessPolicy } from '../auth/access-policy';
import { ContactsService } from '../contacts/contacts.service';
import { CallbackListener } from './callback-listener';
import { bulkInsertInBatches } from '../database/bulk-insert';
import { TransactionService } from '../database/transaction.service';
import { owesCallback } from './callback-owed';
import { ContactCallback } from './entities/contact-callback.entity';
import { CalendarService } from '../calendar/calendar.service';

const ALLOWED_CLOCK_SKEW_MS = 5 * 60_000;

/** Records that a promised callback was made, which the callback and service-index figures measure. */
@Injectable()
export class CallbacksService {
  private readonly listeners: CallbackListener[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
    private readonly contacts: ContactsService,
    private readonly calendar: CalendarService,
  ) {}

  /** Another area hears of each callback made from now on (service targets stop its checks). */
  subscribe(listener: CallbackListener): void {
    this.listeners.push(listener);
  }

  /** The callbacks made for these contacts, by contact id. */
  /**
   * Callbacks made before this system (the demo history), inside the caller's transaction and
   * without listeners: the caller records `madeAt` on the callback targets itself. UTC times.
   */
  async insertHistorical(manager: EntityManager, callbacks: Array<Omit<ContactCallback, 'createdAt'>>): Promise<void> {
    await bulkInsertInBatches(manager, ContactCallback, callbacks);
  }

  async madeFor(contactIds: string[]): Promise<Map<string, ContactCallback>> {
    if (contactIds.length === 0) return new Map();
    const made = await this.dataSource.manager.findBy(ContactCallback, { contactId: In(contactIds) });
    return new Map(made.map((callback) => [callback.contactId, callback]));
  }

  /**
   * Redacts the staff's notes on the callbacks made for these contacts inside the caller's
   * transaction (retention, erasure), as the register redacts, with the citizen's name as a party.
   * Answers how many notes changed.
   */
  async redactNotes(manager: EntityManager, contactIds: string[], names: Array<string | null>): Promise<number> {
    if (contactIds.length === 0) return 0;
    const made = await manager.findBy(ContactCallback, { contactId: In(contactIds), note: Not(IsNull()) });
    for (const callback of made)
      await manager.update(
        ContactCallback,
        { contactId: callback.contactId },
        { note: redact(callback.note as string, { names }) },
      );
    return made.length;
  }

  async recordMade(
    principal: StaffPrincipal,
    contactId: string,
    madeAtText: string | undefined,
    outcome: { reached?: boolean; note?: string } = {},
  ): Promise<ContactCallback> {
    const now = this.clock.now();
    const madeAt = (await this.calendar.optionalInstant('madeAt', madeAtText)) ?? now;
    return this.transactions.run(async (manager) => {
      const contact = await this.contacts.find(contactId, manager);
      if (!contact) throw new NotFoundError('Contact', contactId);
      // Recording the callback is a decision about what the contact said.
      if (!AccessPolicy.mayReadContent(principal, contact)) {
        throw new ForbiddenError('This contact is about a confidential case of another department');
      }
      if (!owesCallback(contact.outcome))
        throw new ConflictError(`Contact ${contactId} has outcome "${contact.outcome}" and owes no callback`);
      if (await manager.existsBy(ContactCallback, { contactId }))
        throw new ConflictError(`The callback for contact ${contactId} is already recorded`);
      const problems: string[] = [];
      if (madeAt < contact.startedAt) problems.push('madeAt: a callback cannot be made before the contact it answers');
      if (madeAt.getTime() > now.getTime() + ALLOWED_CLOCK_SKEW_MS) problems.push('madeAt: must not be in the future');
      if (problems.length > 0) throw new InvalidInputError(problems);
      const made = await manager.save(
        manager.create(ContactCallback, {
          contactId,
          madeAt,
          madeById: principal.id,
          reached: outcome.reached ?? true,
          note: outcome.note ?? null,
        }),
      );
      for (const listener of this.listeners) await listener.callbackMade(manager, { contactId, madeAt });
      return made;
    });
  }
}
