import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccessPolicy } from '../auth/access-policy';
import { StaffPrincipal } from '../auth/roles';
import { CatalogService } from '../catalog/catalog.service';
import { CitizensService, CitizenView } from '../citizens/citizens.service';
import { Clock } from '../common/clock';
import { InvalidInputError, NotFoundError } from '../common/domain-errors';
import { newId } from '../common/ids';
import { Page } from '../common/pagination.dto';
import { bulkInsertInBatches } from '../database/bulk-insert';
import { TransactionService } from '../database/transaction.service';
import { OrganisationService } from '../organisation/organisation.service';
import { CreateContactDto } from './dto/create-contact.dto';
import { ListContactsQuery } from './dto/list-contacts-query.dto';
import { ContactListener } from './contact-listener';
import { ContactCase } from './entities/contact-case.entity';
import { Contact } from './entities/contact.entity';
import { Channel, ContactOutcome } from './contact.types';
import { CalendarService } from '../calendar/calendar.service';

/**
 * The longest a contact may last, in hours, by channel. A call or a visit is live: it lasts
 * minutes, and a longer one is a wrong date or a time read in the wrong zone (a call logged the
 * next morning without its end would otherwise last a night). A written contact runs from when
 * it arrived to when it was answered (the e-mail answer statistics measure that), so days.
 */
const MAX_CONTACT_HOURS: Record<Channel, number> = {
  phone: 4,
  visit: 4,
  email: 366 * 24,
  web: 366 * 24,
  letter: 366 * 24,
  social: 366 * 24,
  app: 366 * 24,
};

export interface ContactView {
  id: string;
  channel: Channel;
  servicePointCode: string | null;
  agentId: string | null;
  startedAt: Date;
  endedAt: Date;
  durationSeconds: number;
  /** Null when redacted. */
  summary: string | null;
  /** Null when redacted. */
  catalogCode: string | null;
  outcome: ContactOutcome;
  gender: string | null;
  /** Null when redacted, or when the reader may not see the citizen's personal data. */
  citizen: CitizenView | null;
  /** About a confidential matter: readable only by `departmentCode`'s handlers, managers and admins. */
  confidential: boolean;
  departmentCode: string | null;
  /** True when the reader may not read this contact's content: summary, type and citizen are left out. */
  redacted: boolean;
  /** The cases registered from this contact. */
  caseIds: string[];
}

/** A contact as it is stored, for insertHistorical; `createdAt` is the time of writing. */
export type HistoricalContact = Omit<Contact, 'createdAt'>;

@Injectable()
export class ContactsService {
  private readonly listeners: ContactListener[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly citizens: CitizensService,
    private readonly clock: Clock,
    private readonly catalog: CatalogService,
    private readonly organisation: OrganisationService,
    private readonly calendar: CalendarService,
  ) {}

  /** Another area hears of each contact logged from now on (service targets plan owed callbacks). */
  subscribe(listener: ContactListener): void {
    this.listeners.push(listener);
  }

  /** Contacts by id; unknown ids are left out. */
  async findMany(ids: string[]): Promise<Map<string, ContactView>> {
    if (ids.length === 0) return new Map();
    const contacts = await this.dataSource.manager.findBy(Contact, { id: In(ids) });
    return new Map((await this.views(this.dataSource.manager, contacts)).map((view) => [view.id, view]));
  }

  /** Whether the contact exists; inside `manager`'s transaction when given. */
  exists(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(Contact, { id });
  }

  async log(agent: StaffPrincipal, input: CreateContactDto): Promise<ContactView> {
    const now = this.clock.now();
    const startedAt = (await this.calendar.optionalInstant('startedAt', input.startedAt)) ?? now;
    const endedAt =
      (await this.calendar.optionalInstant('endedAt', input.endedAt)) ??
      (input.startedAt && startedAt > now ? startedAt : now);
    const problems: string[] = [];
    if (endedAt < startedAt) problems.push('endedAt must not be before startedAt');
    const longest = MAX_CONTACT_HOURS[input.channel];
    if (endedAt.getTime() - startedAt.getTime() > longest * 3600_000) {
      problems.push(
        longest < 24
          ? `endedAt: a ${input.channel} contact lasts at most ${longest} hours; check the dates, and give endedAt when logging it later`
          : `endedAt: a ${input.channel} contact is answered within ${longest / 24} days; check the dates`,
      );
    }
    if (startedAt.getTime() > now.getTime() + 5 * 60_000) problems.push('startedAt must not be in the future');
    if (problems.length) throw new InvalidInputError(problems);

    return this.transactions.run(async (manager) => {
      const confidentialType = await this.requireReferences(manager, input);
      const citizen = input.citizen ? await this.citizens.register(manager, input.citizen) : null;
      const contact = manager.create(Contact, {
        id: newId(),
        channel: input.channel,
        servicePointCode: input.servicePointCode ?? null,
        agentId: agent.id,
        startedAt,
        endedAt,
        summary: input.summary,
        catalogCode: input.catalogCode ?? null,
        outcome: input.outcome,
        citizenId: citizen?.id ?? null,
        gender: input.gender ?? input.citizen?.gender ?? citizen?.gender ?? null,
        confidential: confidentialType !== null,
        departmentCode: confidentialType?.departmentCode ?? null,
      });
      return this.store(manager, contact);
    });
  }

  /**
   * Logs a contact that came in by itself, with no agent (an e-mail to the service center), in the
   * caller's transaction. `startedAt`/`endedAt` are UTC: an e-mail starts when it arrived, which the
   * KKiK answer-time figures measure from. The contact listeners hear it as they hear any contact.
   */
  async logArrived(
    manager: EntityManager,
    input: {
      channel: Channel;
      startedAt: Date;
      endedAt: Date;
      summary: string;
      outcome: ContactOutcome;
      citizenId: string | null;
    },
  ): Promise<ContactView> {
    const contact = manager.create(Contact, {
      id: newId(),
      channel: input.channel,
      servicePointCode: null,
      agentId: null,
      startedAt: input.startedAt,
      endedAt: input.endedAt,
      summary: input.summary,
      catalogCode: null,
      outcome: input.outcome,
      citizenId: input.citizenId,
      gender: null,
      confidential: false,
      departmentCode: null,
    });
    return this.store(manager, contact);
  }

  /** Saves a new contact and tells the contact listeners, in the caller's transaction. */
  private async store(manager: EntityManager, contact: Contact): Promise<ContactView> {
    await manager.save(contact);
    const logged = (await this.views(manager, [contact]))[0];
    for (const listener of this.listeners) await listener.contactLogged(manager, logged);
    return logged;
  }

  /**
   * A confidential case came of the contact: the contact follows the case's confidentiality and
   * its department from now on. Inside the case's transaction.
   */
  async followConfidentialCase(
    manager: EntityManager,
    contactId: string,
    departmentCode: string | null,
  ): Promise<void> {
    await manager.update(Contact, { id: contactId }, { confidential: true, departmentCode });
  }

  /**
   * Contacts from before this system (the demo history), written straight inside the caller's
   * transaction: finished business, so no listener runs (no callback target, no notification);
   * the caller plans what the listeners would have. Times are UTC.
   */
  async insertHistorical(manager: EntityManager, contacts: HistoricalContact[]): Promise<void> {
    await bulkInsertInBatches(manager, Contact, contacts);
  }

  /** Records the cases registered from historical contacts (the cases' `contactId` points back), in bulk. */
  async linkHistoricalCases(manager: EntityManager, links: ContactCase[]): Promise<void> {
    await bulkInsertInBatches(manager, ContactCase, links);
  }

  /** Records that a case was registered from the contact; inside the case's transaction. */
  async linkCase(manager: EntityManager, contactId: string, caseId: string): Promise<void> {
    await manager.insert(ContactCase, { contactId, caseId });
  }

  /** The contact whole, for other areas, which apply the access policy to what they show; or null. */
  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<ContactView | null> {
    const contact = await manager.findOneBy(Contact, { id });
    return contact ? (await this.views(manager, [contact]))[0] : null;
  }

  /**
   * The contact as `principal` may see it (see ContactView.redacted).
   *
   * @throws NotFoundError when there is no such contact.
   */
  async get(principal: StaffPrincipal, id: string): Promise<ContactView> {
    const contact = await this.dataSource.manager.findOneBy(Contact, { id });
    if (!contact) throw new NotFoundError('Contact', id);
    return this.asSeenBy(principal, (await this.views(this.dataSource.manager, [contact]))[0]);
  }

  /** Contacts started in [from, to) (UTC), newest first, each as `principal` may see it. */
  async list(principal: StaffPrincipal, query: ListContactsQuery): Promise<Page<ContactView>> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const builder = this.dataSource.manager.createQueryBuilder(Contact, 'contact');
    if (query.from)
      builder.andWhere('contact.startedAt >= :from', { from: await this.calendar.instant('from', query.from) });
    if (query.to) builder.andWhere('contact.startedAt < :to', { to: await this.calendar.instant('to', query.to) });
    if (query.channel) builder.andWhere('contact.channel = :channel', { channel: query.channel });
    if (query.servicePointCode)
      builder.andWhere('contact.servicePointCode = :servicePointCode', { servicePointCode: query.servicePointCode });
    if (query.outcome) builder.andWhere('contact.outcome = :outcome', { outcome: query.outcome });
    const [contacts, total] = await builder
      .orderBy('contact.startedAt', 'DESC')
      .addOrderBy('contact.id', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    const views = await this.views(this.dataSource.manager, contacts);
    return { items: views.map((view) => this.asSeenBy(principal, view)), total, limit, offset };
  }

  /**
   * The contacts of these citizens' registrations that `principal` may read, newest first: a
   * contact whose content the access policy hides is left out, not shown redacted, because a
   * look-up by person would otherwise tell that the person has a confidential matter.
   */
  async listOfCitizens(principal: StaffPrincipal, citizenIds: string[], limit = 50): Promise<ContactView[]> {
    if (citizenIds.length === 0) return [];
    const builder = this.dataSource.manager
      .createQueryBuilder(Contact, 'contact')
      .where('contact.citizenId IN (:...citizenIds)', { citizenIds });
    const readable = AccessPolicy.readableContentCondition(principal, {
      confidential: 'contact.confidential',
      departmentCode: 'contact.departmentCode',
    });
    if (readable) builder.andWhere(readable.sql, readable.parameters);
    const contacts = await builder
      .orderBy('contact.startedAt', 'DESC')
      .addOrderBy('contact.id', 'ASC')
      .take(limit)
      .getMany();
    return (await this.views(this.dataSource.manager, contacts)).map((view) => this.asSeenBy(principal, view));
  }

  /** What the access policy lets `principal` see of a contact. */
  asSeenBy(principal: StaffPrincipal, contact: ContactView): ContactView {
    if (!AccessPolicy.mayReadContent(principal, contact)) {
      return { ...contact, summary: null, catalogCode: null, citizen: null, redacted: true, caseIds: [] };
    }
    return AccessPolicy.mayReadPersonalData(principal, contact) ? contact : { ...contact, citizen: null };
  }

  /** Checks the references; answers the catalog type when it is confidential (the contact then is too). */
  private async requireReferences(
    manager: EntityManager,
    input: CreateContactDto,
  ): Promise<{ departmentCode: string } | null> {
    const problems: string[] = [];
    if (input.servicePointCode && !(await this.organisation.servicePointExists(input.servicePointCode, manager))) {
      problems.push(`servicePointCode: unknown service point "${input.servicePointCode}"`);
    }
    const entry = input.catalogCode ? await this.catalog.findAny(input.catalogCode, manager) : null;
    if (input.catalogCode && !entry) problems.push(`catalogCode: unknown catalog entry "${input.catalogCode}"`);
    if (problems.length) throw new InvalidInputError(problems);
    return entry?.confidential ? { departmentCode: entry.departmentCode } : null;
  }
  private async views(manager: EntityManager, contacts: Contact[]): Promise<ContactView[]> {
    const citizens = await this.citizens.views(
      manager,
      contacts.map((c) => c.citizenId).filter((id): id is string => id !== null),
    );
    const links = contacts.length
      ? await manager.find(ContactCase, { where: { contactId: In(contacts.map((c) => c.id)) } })
      : [];
    return contacts.map((contact) => ({
      id: contact.id,
      channel: contact.channel,
      servicePointCode: contact.servicePointCode,
      agentId: contact.agentId,
      startedAt: contact.startedAt,
      endedAt: contact.endedAt,
      durationSeconds: Math.round((contact.endedAt.getTime() - contact.startedAt.getTime()) / 1000),
      summary: contact.summary,
      catalogCode: contact.catalogCode,
      outcome: contact.outcome,
      gender: contact.gender,
      citizen: contact.citizenId ? (citizens.get(contact.citizenId) ?? null) : null,
      confidential: contact.confidential,
      departmentCode: contact.departmentCode,
      redacted: false,
      caseIds: links.filter((link) => link.contactId === contact.id).map((link) => link.caseId),
    }));
  }
}
