import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { OutboxService } from '../queue/outbox.service';
import { RegisterEntry } from './entities/register-entry.entity';
import { RegisterPublicationRule } from './entities/register-publication-rule.entity';
import { publishRegisterEntryJob } from './publish-register-entry.job';
import { DEFAULT_PUBLICATION_RULE, PublicationRule } from './register-publication';

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
    const rule = await manager.findOneBy(RegisterPublicationRule, { catalogCode });
    return rule ? { delayHours: rule.delayHours, publishes: rule.publishes } : DEFAULT_PUBLICATION_RULE;
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
