import { InboundEmailPersonalData } from '../inbound-email/inbound-email-personal-data.service';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/roles';
import { CallbacksService } from '../callbacks/callbacks.service';
import { CasePersonalDataService } from '../cases/case-personal-data.service';
import { CatalogService } from '../catalog/catalog.service';
import { CaseKind } from '../catalog/catalog.types';
import { CitizensService } from '../citizens/citizens.service';
import { Clock } from '../common/clock';
import { ContactPersonalDataService } from '../contacts/contact-personal-data.service';
import { Page } from '../common/pagination.dto';
import { TransactionService } from '../database/transaction.service';
import { NotificationsService } from '../notifications/notifications.service';
import { OutboxJob, OutboxService } from '../queue/outbox.service';
import { CasePhotosService } from '../e-service/case-photos.service';
import { Open311Service } from '../open311/open311.service';
import { RatingsService } from '../ratings/ratings.service';
import { RetentionRun } from './entities/retention-run.entity';
import { addCounts, noCounts, RetentionCounts } from './retention-counts';
import { RetentionPoliciesService } from './retention-policies.service';
import { policyForEntry, RetentionPolicy, retentionCutoff } from './retention-policy';

const BATCH = 200;

/** What a retention run did: when, why, and what it removed as counts. */
export interface RetentionRunView extends RetentionCounts {
  id: number;
  trigger: 'schedule' | 'admin';
  /** UTC. */
  startedAt: Date;
  finishedAt: Date;
}

/**
 * Retention (gallring, docs/personal-data.md): removes the personal data of the cases and contacts
 * whose retention rule says their time is up, and leaves every figure the statistics count. Each
 * case or contact is anonymised in a transaction of its own, so a run stopped half-way keeps what
 * it did and the next run takes the rest. What was removed is logged and stored as counts only.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
    private readonly policies: RetentionPoliciesService,
    private readonly catalog: CatalogService,
    private readonly cases: CasePersonalDataService,
    private readonly contacts: ContactPersonalDataService,
    private readonly citizens: CitizensService,
    private readonly notifications: NotificationsService,
    private readonly callbacks: CallbacksService,
    private readonly outbox: OutboxService,
    private readonly photos: CasePhotosService,
    private readonly open311: Open311Service,
    private readonly ratings: RatingsService,
    private readonly inboundEmails: InboundEmailPersonalData,
  ) {}

  /**
   * Runs the rules in force at the clock's now. `scheduledFor`: the local date of a daily run
   * (its record is unique per date); `next`: the daily run after this one, written to the outbox
   * with the run's record.
   */
  async run(
    trigger: { by: 'admin'; principal: StaffPrincipal } | { by: 'schedule'; scheduledFor: string; next: OutboxJob },
  ): Promise<RetentionRunView> {
    const startedAt = this.clock.now();
    const { policies } = await this.policies.inForce();
    const kinds = new Map(
      (await this.catalog.list({ includeInactive: true })).map((entry) => [entry.code, entry.kind]),
    );
    const counts = noCounts();
    await this.anonymiseDueCases(policies, kinds, startedAt, counts);
    await this.anonymiseDueContacts(policies, kinds, startedAt, counts);
    const finishedAt = this.clock.now();
    const run = await this.transactions.run(async (manager) => {
      const saved = await manager.save(
        manager.create(RetentionRun, {
          trigger: trigger.by,
          scheduledFor: trigger.by === 'schedule' ? trigger.scheduledFor : null,
          requestedById: trigger.by === 'admin' ? trigger.principal.id : null,
          startedAt,
          finishedAt,
          counts,
        }),
      );
      if (trigger.by === 'schedule') await this.outbox.enqueue(manager, trigger.next);
      return saved;
    });
    this.logger.log(
      `Retention run ${run.id} (${trigger.by}): ${Object.entries(counts)
        .map(([what, count]) => `${what} ${count}`)
        .join(', ')}`,
    );
    return toRunView(run);
  }

  /** The runs done, newest first: when, why, and what each removed, as counts. */
  async runs(page: { limit: number; offset: number }): Promise<Page<RetentionRunView>> {
    const [rows, total] = await this.dataSource.manager.findAndCount(RetentionRun, {
      order: { id: 'DESC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items: rows.map(toRunView), total, ...page };
  }

  /** Whether the daily run for this local date has been done. */
  async ranFor(manager: EntityManager, scheduledFor: string): Promise<boolean> {
    return manager.existsBy(RetentionRun, { scheduledFor });
  }

  /**
   * Removes the personal data of one case and of what hangs on it (the contact it came from, the
   * messages about it, callback notes, the citizen's photos and e-mails, what their app sent, the
   * survey comment) inside `manager`'s transaction, and deletes the citizen
   * records nothing kept refers to any more. Used by retention and by erasure.
   */
  async anonymiseCase(manager: EntityManager, caseId: string, now: Date, counts: RetentionCounts): Promise<boolean> {
    const done = await this.cases.anonymise(manager, caseId, now);
    if (!done) return false;
    addCounts(counts, { casesAnonymised: 1, caseTextsRedacted: done.textsRedacted });
    const contactIds = [
      ...new Set([...(done.contactId ? [done.contactId] : []), ...(await this.contacts.ofCases(manager, [caseId]))]),
    ];
    const citizenIds = done.citizenId ? [done.citizenId] : [];
    citizenIds.push(...(await this.anonymiseContacts(manager, contactIds, now, counts)));
    addCounts(counts, {
      messagesAnonymised: await this.notifications.anonymiseForCases(manager, [caseId]),
      photosDeleted:
        (await this.photos.deleteForCases(manager, [caseId])) +
        (await this.open311.anonymiseForCases(manager, [caseId])),
      ratingCommentsRemoved: await this.ratings.removeCommentsForCases(manager, [caseId]),
      // The citizen's e-mails about the case, kept whole, go with the rest of its personal data.
      emailsDeleted: await this.inboundEmails.deleteForCases(manager, [caseId]),
    });
    await this.deleteUnreferencedCitizens(manager, citizenIds, counts);
    return true;
  }

  /** As anonymiseCase, for contacts with no case; answers the citizen records they referred to. */
  async anonymiseContacts(
    manager: EntityManager,
    contactIds: string[],
    now: Date,
    counts: RetentionCounts,
  ): Promise<string[]> {
    const done = await this.contacts.anonymise(manager, contactIds, now);
    addCounts(counts, {
      contactsAnonymised: done.anonymised,
      callbackNotesRedacted:
        done.anonymised > 0 ? await this.callbacks.redactNotes(manager, contactIds, done.names) : 0,
    });
    return done.citizenIds;
  }

  /** Deletes those of these citizen records that no case or contact still holding personal data refers to. */
  async deleteUnreferencedCitizens(
    manager: EntityManager,
    citizenIds: string[],
    counts: RetentionCounts,
  ): Promise<void> {
    if (citizenIds.length === 0) return;
    const kept = new Set([
      ...(await this.cases.citizensStillReferenced(manager, citizenIds)),
      ...(await this.contacts.citizensStillReferenced(manager, citizenIds)),
    ]);
    const unreferenced = citizenIds.filter((id) => !kept.has(id));
    addCounts(counts, { citizensDeleted: await this.citizens.erase(manager, unreferenced) });
  }

  private async anonymiseDueCases(
    policies: RetentionPolicy[],
    kinds: Map<string, CaseKind>,
    now: Date,
    counts: RetentionCounts,
  ): Promise<void> {
    const shortest = Math.min(...policies.map((policy) => policy.caseRetentionDays));
    for (let afterId: string | null = null; ;) {
      const candidates = await this.cases.closedBefore(retentionCutoff(now, shortest), afterId, BATCH);
      for (const candidate of candidates) {
        const rule = policyForEntry(policies, kinds, candidate.catalogCode);
        if (candidate.closedAt >= retentionCutoff(now, rule.caseRetentionDays)) continue;
        await this.transactions.run((manager) => this.anonymiseCase(manager, candidate.id, now, counts));
      }
      if (candidates.length < BATCH) break;
      afterId = candidates[candidates.length - 1].id;
    }
    // A confirmed duplicate is handled through the case it repeats: it goes when that case has gone.
    for (;;) {
      const duplicates = await this.cases.duplicatesOfAnonymised(BATCH);
      for (const caseId of duplicates)
        await this.transactions.run((manager) => this.anonymiseCase(manager, caseId, now, counts));
      if (duplicates.length < BATCH) break;
    }
  }

  private async anonymiseDueContacts(
    policies: RetentionPolicy[],
    kinds: Map<string, CaseKind>,
    now: Date,
    counts: RetentionCounts,
  ): Promise<void> {
    const shortest = Math.min(...policies.map((policy) => policy.contactRetentionDays));
    for (let afterId: string | null = null; ;) {
      const candidates = await this.contacts.endedBefore(retentionCutoff(now, shortest), afterId, BATCH);
      const due = candidates.filter((candidate) => {
        const rule = policyForEntry(policies, kinds, candidate.catalogCode);
        return candidate.endedAt < retentionCutoff(now, rule.contactRetentionDays);
      });
      for (const contact of due)
        await this.transactions.run(async (manager) => {
          const citizenIds = await this.anonymiseContacts(manager, [contact.id], now, counts);
          await this.deleteUnreferencedCitizens(manager, citizenIds, counts);
        });
      if (candidates.length < BATCH) break;
      afterId = candidates[candidates.length - 1].id;
    }
  }
}

function toRunView(run: RetentionRun): RetentionRunView {
  return {
    id: run.id,
    trigger: run.trigger,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    ...noCounts(),
    ...run.counts,
  };
}
