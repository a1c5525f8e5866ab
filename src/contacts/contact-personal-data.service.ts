import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { CitizensService } from '../citizens/citizens.service';
import { redact } from '../register/redaction';
import { ContactsService, ContactView } from './contacts.service';
import { ContactCase } from './entities/contact-case.entity';
import { Contact } from './entities/contact.entity';

/** A contact answered with no case that may be due for retention. */
export interface ContactRetentionCandidate {
  id: string;
  catalogCode: string | null;
  /** UTC. */
  endedAt: Date;
}

/**
 * The contacts area's part of the personal-data lifecycle (docs/personal-data.md): contacts that
 * retention makes due, removing a contact's personal data, and a person's contacts for a register
 * extract. A contact keeps its channel, service point, times, outcome, type and gender: the
 * statistics count those, and none of them names the person.
 */
@Injectable()
export class ContactPersonalDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contacts: ContactsService,
    private readonly citizens: CitizensService,
  ) {}

  /**
   * Contacts that ended before `endedBefore` (UTC) with no case registered from them and their
   * personal data still there, by id after `afterId`, at most `limit`. A contact a case came of
   * is kept as long as the case and goes with it (`ofCases`).
   */
  async endedBefore(endedBefore: Date, afterId: string | null, limit: number): Promise<ContactRetentionCandidate[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(Contact, 'contact')
      .select(['contact.id', 'contact.catalogCode', 'contact.endedAt'])
      .where('contact.anonymisedAt IS NULL')
      .andWhere('contact.endedAt < :endedBefore', { endedBefore })
      .andWhere(`NOT EXISTS (SELECT 1 FROM contact_cases link WHERE link.contact_id = contact.id)`)
      .orderBy('contact.id', 'ASC')
      .limit(limit);
    if (afterId) query.andWhere('contact.id > :afterId', { afterId });
    const rows = await query.getMany();
    return rows.map((row) => ({ id: row.id, catalogCode: row.catalogCode, endedAt: row.endedAt }));
  }

  /** The contacts these cases were registered from. */
  async ofCases(manager: EntityManager, caseIds: string[]): Promise<string[]> {
    if (caseIds.length === 0) return [];
    const links = await manager.find(ContactCase, { where: { caseId: In(caseIds) } });
    return [...new Set(links.map((link) => link.contactId))];
  }

  /**
   * Removes the personal data of these contacts inside the caller's transaction: the citizen link,
   * and in the summary what the register redacts, with the citizen's name as a party. Answers how
   * many were anonymised (those done before are left alone), the citizen records they referred to,
   * and those citizens' names (for the caller to redact what else mentions them; never logged).
   */
  async anonymise(
    manager: EntityManager,
    contactIds: string[],
    now: Date,
  ): Promise<{ anonymised: number; citizenIds: string[]; names: string[] }> {
    if (contactIds.length === 0) return { anonymised: 0, citizenIds: [], names: [] };
    const contacts = await manager.find(Contact, { where: { id: In(contactIds), anonymisedAt: IsNull() } });
    const citizens = await this.citizens.views(
      manager,
      contacts.map((contact) => contact.citizenId).filter((id): id is string => id !== null),
    );
    for (const contact of contacts) {
      const name = contact.citizenId ? citizens.get(contact.citizenId)?.name : null;
      await manager.update(
        Contact,
        { id: contact.id },
        { summary: redact(contact.summary, { names: [name] }), citizenId: null, anonymisedAt: now },
      );
    }
    return {
      anonymised: contacts.length,
      names: [...citizens.values()].map((citizen) => citizen.name).filter((name): name is string => Boolean(name)),
      citizenIds: [...new Set(contacts.map((contact) => contact.citizenId).filter((id): id is string => id !== null))],
    };
  }

  /** The contacts of these citizen records, oldest first, whole (with the citizen), for a register extract. */
  async ofCitizens(citizenIds: string[]): Promise<ContactView[]> {
    if (citizenIds.length === 0) return [];
    const rows = await this.dataSource.manager.find(Contact, {
      select: { id: true },
      where: { citizenId: In(citizenIds) },
      order: { startedAt: 'ASC' },
    });
    const found = await this.contacts.findMany(rows.map((row) => row.id));
    return rows.map((row) => found.get(row.id)).filter((view): view is ContactView => view !== undefined);
  }

  /** Of these citizen records, those a contact not yet anonymised still refers to. */
  async citizensStillReferenced(manager: EntityManager, citizenIds: string[]): Promise<Set<string>> {
    if (citizenIds.length === 0) return new Set();
    const rows = await manager.find(Contact, {
      select: { citizenId: true },
      where: { citizenId: In(citizenIds), anonymisedAt: IsNull() },
    });
    return new Set(rows.map((row) => row.citizenId as string));
  }
}
