import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseRecord } from '../cases/case-record';
import { Clock } from '../common/clock';
import { bulkInsertInBatches } from '../database/bulk-insert';
import { OutboxService } from '../queue/outbox.service';
import { RegisterEntry } from './entities/register-entry.entity';
import { RegisterPublicationRule } from './entities/register-publication-rule.entity';
import { publishRegisterEntryJob } from './publish-register-entry.job';
import {
  DEFAULT_PUBLICATION_RULE,
  publicStatus,
  PublicationRule,
  publishAfter,
  publicationText,
  searchTextOf,
} from './register-publication';
import { selectRow } from '../database/select-rows';

/**
 * Plans the publication of register entries: the rule of a case's type, and, whenever what is
 * published must be worked out again, a new plan version with its publication job written to the
 * outbox in the caller's transaction (so a change is never stored without its job).
 */
@Injectable()
export class RegisterPlanner {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /** The case's entry, locked until the caller's transaction ends (PostgreSQL; SQLite runs one writer at a time), or null. */
  entryForUpdate(manager: EntityManager, caseId: string): Promise<RegisterEntry | null> {
    const builder = manager.createQueryBuilder(RegisterEntry, 'e').where('e.caseId = :caseId', { caseId });
    if (manager.connection.options.type === 'postgres') builder.setLock('pessimistic_write');
    return builder.getOne();
  }

  /** The publication rule of a catalog type; DEFAULT_PUBLICATION_RULE for a type without one, or no type yet. */
  async ruleFor(manager: EntityManager, catalogCode: string | null): Promise<PublicationRule> {
    if (catalogCode === null) return DEFAULT_PUBLICATION_RULE;
    const rule = await selectRow(manager, RegisterPublicationRule, { catalogCode });
    return rule ? { delayHours: rule.delayHours, publishes: rule.publishes } : DEFAULT_PUBLICATION_RULE;
  }

  /** The entry of a case just registered: plan 1, nothing published yet, due after its type's delay. */
  newEntry(record: CaseRecord, rule: PublicationRule): RegisterEntry {
    return Object.assign(new RegisterEntry(), {
      caseId: record.id,
      reference: record.reference,
      receivedAt: record.receivedAt,
      departmentCode: record.departmentCode,
      catalogCode: record.catalogCode,
      status: publicStatus(record.status),
      confidential: record.confidential,
      summary: null,
      searchText: null,
      editedSummary: null,
      editedById: null,
      editedAt: null,
      withheld: false,
      publishAfter: publishAfter(record.receivedAt, rule),
      planVersion: 1,
      publishedVersion: 0,
      publishedAt: null,
    });
  }

  /**
   * Enters cases brought in from history (an import, the demo history) in the register, inside
   * the caller's transaction: they raise no case events, so no listener sees them. An entry already
   * due is published here and now, its text redacted as the publisher redacts it (the imported
   * case holds no citizen; its address is a party); one not yet due gets its publication job.
   */
  async enterHistory(manager: EntityManager, records: CaseRecord[]): Promise<void> {
    const rules = new Map<string | null, PublicationRule>();
    const now = this.clock.now();
    const entries: RegisterEntry[] = [];
    for (const record of records) {
      if (!rules.has(record.catalogCode))
        rules.set(record.catalogCode, await this.ruleFor(manager, record.catalogCode));
      const rule = rules.get(record.catalogCode) as PublicationRule;
      const entry = this.newEntry(record, rule);
      if (entry.publishAfter.getTime() <= now.getTime()) {
        const summary = publicationText(record.description, record.confidential, rule, {
          names: [],
          addresses: [record.address],
        });
        Object.assign(entry, { summary, searchText: searchTextOf(summary), publishedVersion: 1, publishedAt: now });
      }
      entries.push(entry);
    }
    await bulkInsertInBatches(manager, RegisterEntry, entries);
    for (const entry of entries) if (entry.publishedVersion < entry.planVersion) await this.queue(manager, entry);
  }

  /**
   * Stores `changes` to the entry with the next plan version and, unless the entry is withheld,
   * queues its publication for `publishAfter` (at once when that has passed). Answers the entry as stored.
   */
  async replan(
    manager: EntityManager,
    entry: RegisterEntry,
    changes: Partial<RegisterEntry> = {},
  ): Promise<RegisterEntry> {
    const planned = Object.assign(entry, changes, { planVersion: entry.planVersion + 1 });
    await manager.update(RegisterEntry, { caseId: entry.caseId }, { ...changes, planVersion: planned.planVersion });
    await this.queue(manager, planned);
    return planned;
  }

  /** Queues the publication of the entry's current plan, unless it is withheld. */
  async queue(manager: EntityManager, entry: RegisterEntry): Promise<void> {
    if (entry.withheld) return;
    const delayMs = Math.max(0, entry.publishAfter.getTime() - this.clock.now().getTime());
    await this.outbox.enqueue(manager, publishRegisterEntryJob(entry.caseId, entry.planVersion, delayMs));
  }
}
