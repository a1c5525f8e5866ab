import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../auth/access-policy';
import { StaffPrincipal } from '../auth/roles';
import { ForbiddenError } from '../common/domain-errors';
import { CaseAccessLog } from '../cases/case-access-log.service';
import { CaseRecord } from '../cases/case-record';
import { CasePersonalDataService, CaseWithTimeline } from '../cases/case-personal-data.service';
import { CatalogService } from '../catalog/catalog.service';
import { CitizensService, CitizenView } from '../citizens/citizens.service';
import { Clock } from '../common/clock';
import { ContactPersonalDataService } from '../contacts/contact-personal-data.service';
import { ContactView } from '../contacts/contacts.service';
import { CasePhotosService } from '../e-service/case-photos.service';
import { InboundEmailPersonalData } from '../inbound-email/inbound-email-personal-data.service';
import { TransactionService } from '../database/transaction.service';
import { NotificationView } from '../notifications/notification.view';
import { NotificationsService } from '../notifications/notifications.service';
import { Open311Service } from '../open311/open311.service';
import { RatingsService } from '../ratings/ratings.service';
import { PrivacyRequest } from './entities/privacy-request.entity';
import { LookupKind, PersonLookup } from './person-lookup';
import { PERSON_RIGHTS, PROCESSING_REGISTER, ProcessingDescription } from './processing-register';
import { noCounts } from './retention-counts';
import { RetentionPoliciesService } from './retention-policies.service';
import { policyForEntry } from './retention-policy';
import { RetentionService } from './retention.service';

/** One rating as the extract lists it: scores 1-5, null when not given. */
export interface ExtractRating {
  about: 'contact' | 'case';
  ratedAt: Date;
  ease: number | null;
  treatment: number | null;
  clarity: number | null;
  /** The survey's free comment, as the person wrote it; null when none. */
  comment: string | null;
}

/** One case in an extract: the case, its timeline, and until when its personal data is kept. */
export interface ExtractCase extends CaseWithTimeline {
  /** UTC: the day its personal data goes; null while the case is open (the count starts at closing). */
  keptUntil: Date | null;
}

/** A file held about a case the person is party to: a photo they sent, or an e-mail kept whole. UTC, bytes. */
export interface ExtractFile {
  caseReference: string;
  kind: 'photo' | 'email';
  receivedAt: Date;
  byteSize: number;
}

/** Everything held about a person (GDPR art. 15), before it is shaped as JSON or a document. */
export interface PersonExtract {
  generatedAt: Date;
  lookedUpBy: LookupKind;
  citizens: CitizenView[];
  contacts: ContactView[];
  cases: ExtractCase[];
  messages: NotificationView[];
  ratings: ExtractRating[];
  /** Photos and e-mails kept with the person's cases, oldest first (their content on request). */
  files: ExtractFile[];
  processing: readonly ProcessingDescription[];
  rights: string;
}

/** One thing an erasure or a correction dealt with, and why it was kept when it was. */
export interface PrivacyOutcomeItem {
  what: 'citizen' | 'contact' | 'case';
  /** The case reference, or the contact's or citizen record's id. */
  id: string;
  reason?: string;
}

export interface ErasureOutcome {
  erased: PrivacyOutcomeItem[];
  kept: PrivacyOutcomeItem[];
}

export interface CorrectionOutcome {
  /** The citizen records corrected, and the fields changed. */
  corrected: PrivacyOutcomeItem[];
  fields: string[];
  kept: PrivacyOutcomeItem[];
}

const KEPT_OPEN =
  'The case is still being handled: its record is needed to handle and answer it (GDPR art. 17(3)(b); förvaltningslagen 2017:900).';
const KEPT_DUPLICATE = 'A repeat of another case: it is kept as long as the case it repeats.';
const KEPT_REFERENCED = 'Needed by the cases kept: to answer the person and as part of their record.';
const CASE_TEXT_KEPT =
  'The texts of a registered case are kept as written: a public record (allmän handling) may not be altered. A handler may add a note of the correction.';

/**
 * The one access policy decides: the person's data is handed over or erased only by someone who
 * may read all of it, confidential cases and contacts included (the controller lets only admins in).
 * @throws ForbiddenError otherwise.
 */
function requireReadable(principal: StaffPrincipal, contacts: ContactView[], cases: CaseWithTimeline[]): void {
  const subjects = [...contacts, ...cases.map((found) => found.record)];
  if (!subjects.every((subject) => AccessPolicy.mayReadPersonalData(principal, subject)))
    throw new ForbiddenError('The person has confidential matters you may not read');
}

const KEPT_WITH_CASE = 'A case came of it: it is kept as long as the case.';

/** Why a case's personal data may not be erased yet; null when nothing prevents it. */
function keptBecause(record: CaseWithTimeline['record'], keptUntil: Date | null, now: Date): string | null {
  if (record.status === 'duplicate') return KEPT_DUPLICATE;
  if (record.status !== 'closed' || !keptUntil) return KEPT_OPEN;
  if (keptUntil > now)
    return `A public record (allmän handling) kept under the information-management plan until ${keptUntil.toISOString().slice(0, 10)} (arkivlagen 1990:782; GDPR art. 17(3)(b)).`;
  return null;
}

/**
 * The rights of the person (GDPR art. 15-17) exercised through an admin: a register extract of
 * everything held about the person, erasure where no retention obligation prevents it, and
 * correction of the person's details. The person is found by one identifier through the citizen
 * records; every request is logged (who, when, by which kind of identifier, counts), and reading a
 * confidential case for an extract is recorded in the case's access log.
 */
@Injectable()
export class PrivacyRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
    private readonly citizens: CitizensService,
    private readonly cases: CasePersonalDataService,
    private readonly contacts: ContactPersonalDataService,
    private readonly notifications: NotificationsService,
    private readonly ratings: RatingsService,
    private readonly accessLog: CaseAccessLog,
    private readonly policies: RetentionPoliciesService,
    private readonly catalog: CatalogService,
    private readonly retention: RetentionService,
    private readonly photos: CasePhotosService,
    private readonly open311: Open311Service,
    private readonly inboundEmails: InboundEmailPersonalData,
  ) {}

  /** The photos and e-mails kept with these cases, oldest first, by case reference. */
  private async filesHeld(cases: CaseRecord[]): Promise<ExtractFile[]> {
    const manager = this.dataSource.manager;
    const ids = cases.map((record) => record.id);
    const referenceOf = new Map(cases.map((record) => [record.id, record.reference]));
    const photos = [
      ...(await this.photos.heldForCases(manager, ids)),
      ...(await this.open311.photosHeldForCases(manager, ids)),
    ].map((photo) => ({
      caseId: photo.caseId,
      kind: 'photo' as const,
      receivedAt: photo.createdAt,
      byteSize: photo.byteSize,
    }));
    const emails = (await this.inboundEmails.heldForCases(manager, ids)).map((email) => ({
      ...email,
      kind: 'email' as const,
    }));
    return [...photos, ...emails]
      .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())
      .map(({ caseId, kind, receivedAt, byteSize }) => ({
        caseReference: referenceOf.get(caseId) as string,
        kind,
        receivedAt,
        byteSize,
      }));
  }

  /** Everything held about the person found by `lookup`; empty lists when nobody is found. */
  async extract(principal: StaffPrincipal, kind: LookupKind, lookup: PersonLookup): Promise<PersonExtract> {
    const citizenIds = await this.citizens.findIds(lookup, 10_000);
    const citizenViews = await this.citizens.views(this.dataSource.manager, citizenIds);
    const contacts = await this.contacts.ofCitizens(citizenIds);
    const cases = await this.cases.ofCitizens(citizenIds);
    requireReadable(principal, contacts, cases);
    const caseIds = cases.map((found) => found.record.id);
    const messages = (await this.notifications.forCases(caseIds)).filter((message) => message.kind !== 'on_call');
    const ratings = await this.ratings.forSubjects(
      this.dataSource.manager,
      contacts.map((contact) => contact.id),
      caseIds,
    );
    const files = await this.filesHeld(cases.map((found) => found.record));
    const rules = await this.rules();
    const extract: PersonExtract = {
      generatedAt: this.clock.now(),
      lookedUpBy: kind,
      citizens: citizenIds.map((id) => citizenViews.get(id)).filter((view): view is CitizenView => Boolean(view)),
      contacts,
      cases: cases.map((found) => ({ ...found, keptUntil: rules.keptUntil(found.record) })),
      messages,
      ratings: ratings.map((rating) => ({
        about: rating.caseId ? 'case' : 'contact',
        ratedAt: rating.ratedAt,
        ease: rating.ease,
        treatment: rating.treatment,
        clarity: rating.clarity,
        comment: rating.comment,
      })),
      files,
      processing: PROCESSING_REGISTER,
      rights: PERSON_RIGHTS,
    };
    await this.transactions.run(async (manager) => {
      await this.accessLog.record(
        principal,
        cases.map((found) => found.record),
        'read',
        manager,
      );
      await this.log(manager, principal, 'extract', kind, {
        citizens: extract.citizens.length,
        contacts: contacts.length,
        cases: cases.length,
        messages: messages.length,
        ratings: ratings.length,
        files: files.length,
      });
    });
    return extract;
  }

  /**
   * Erases the person's personal data where no retention obligation prevents it (GDPR art. 17):
   * contacts answered without a case, cases closed whose retention time is over, and the citizen
   * records nothing kept needs. Open cases, cases still within their retention time and what they
   * need are kept, each with its reason. Statistics are not changed (the anonymisation of retention).
   */
  async erase(principal: StaffPrincipal, kind: LookupKind, lookup: PersonLookup): Promise<ErasureOutcome> {
    const now = this.clock.now();
    const citizenIds = await this.citizens.findIds(lookup, 10_000);
    const contacts = await this.contacts.ofCitizens(citizenIds);
    const cases = await this.cases.ofCitizens(citizenIds);
    requireReadable(principal, contacts, cases);
    const rules = await this.rules();
    const outcome: ErasureOutcome = { erased: [], kept: [] };
    const counts = noCounts();
    await this.transactions.run(
      async (manager) => {
        const keptCaseIds = new Set<string>();
        for (const { record } of cases) {
          const reason = keptBecause(record, rules.keptUntil(record), now);
          if (reason) {
            keptCaseIds.add(record.id);
            outcome.kept.push({ what: 'case', id: record.reference, reason });
          } else {
            await this.retention.anonymiseCase(manager, record.id, now, counts);
            outcome.erased.push({ what: 'case', id: record.reference });
          }
        }
        const erasable: string[] = [];
        for (const contact of contacts) {
          if (contact.caseIds.some((caseId) => keptCaseIds.has(caseId)))
            outcome.kept.push({ what: 'contact', id: contact.id, reason: KEPT_WITH_CASE });
          else erasable.push(contact.id);
        }
        await this.retention.anonymiseContacts(manager, erasable, now, counts);
        outcome.erased.push(...erasable.map((id) => ({ what: 'contact' as const, id })));
        await this.retention.deleteUnreferencedCitizens(manager, citizenIds, counts);
        const remaining = await this.citizens.views(manager, citizenIds);
        for (const id of citizenIds)
          if (remaining.has(id)) outcome.kept.push({ what: 'citizen', id, reason: KEPT_REFERENCED });
          else outcome.erased.push({ what: 'citizen', id });
        await this.log(manager, principal, 'erasure', kind, {
          erased: outcome.erased.length,
          kept: outcome.kept.length,
          ...counts,
        });
      },
      { alone: true },
    );
    return outcome;
  }

  /**
   * Corrects the person's name, e-mail address or phone number on every citizen record found (GDPR
   * art. 16); a detail not given stays as it is. The texts of their cases are kept as written (a
   * public record), which the answer says.
   */
  async correct(
    principal: StaffPrincipal,
    kind: LookupKind,
    lookup: PersonLookup,
    fields: Partial<Pick<CitizenView, 'name' | 'email' | 'phone'>>,
  ): Promise<CorrectionOutcome> {
    const citizenIds = await this.citizens.findIds(lookup, 10_000);
    const cases = await this.cases.ofCitizens(citizenIds);
    requireReadable(principal, await this.contacts.ofCitizens(citizenIds), cases);
    return this.transactions.run(async (manager) => {
      await this.citizens.correct(manager, citizenIds, fields);
      const outcome: CorrectionOutcome = {
        corrected: citizenIds.map((id) => ({ what: 'citizen', id })),
        fields: Object.keys(fields),
        kept: cases.map(({ record }) => ({ what: 'case', id: record.reference, reason: CASE_TEXT_KEPT })),
      };
      await this.log(manager, principal, 'correction', kind, {
        corrected: outcome.corrected.length,
        kept: outcome.kept.length,
      });
      return outcome;
    });
  }

  private async rules(): Promise<{ keptUntil: (record: CaseWithTimeline['record']) => Date | null }> {
    const { policies } = await this.policies.inForce();
    const kinds = new Map(
      (await this.catalog.list({ includeInactive: true })).map((entry) => [entry.code, entry.kind]),
    );
    return {
      keptUntil: (record) =>
        record.status === 'closed' && record.closedAt
          ? new Date(
              record.closedAt.getTime() +
                policyForEntry(policies, kinds, record.catalogCode).caseRetentionDays * 86_400_000,
            )
          : null,
    };
  }

  private async log(
    manager: EntityManager,
    principal: StaffPrincipal,
    kind: PrivacyRequest['kind'],
    lookedUpBy: LookupKind,
    outcome: Record<string, number>,
  ): Promise<void> {
    await manager.insert(PrivacyRequest, {
      kind,
      lookedUpBy,
      requestedById: principal.id,
      at: this.clock.now(),
      outcome,
    });
  }
}
