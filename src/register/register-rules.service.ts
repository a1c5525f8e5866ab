import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { StaffPrincipal } from '../auth/roles';
import { CatalogService } from '../catalog/catalog.service';
import { Clock } from '../common/clock';
import { NotFoundError } from '../common/domain-errors';
import { TransactionService } from '../database/transaction.service';
import { PublicationRuleDto, PublicationRuleResponse } from './dto/publication-rule.dto';
import { RegisterEntry } from './entities/register-entry.entity';
import { RegisterPublicationRule } from './entities/register-publication-rule.entity';
import { RegisterPlanner } from './register-planner.service';
import { DEFAULT_PUBLICATION_RULE, publishAfter } from './register-publication';

/** The publication rules per catalog type: read by staff, set by admins. */
@Injectable()
export class RegisterRulesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly catalog: CatalogService,
    private readonly planner: RegisterPlanner,
    private readonly clock: Clock,
  ) {}

  /** Every catalog type with the rule it is published by, its own or the default, by code. */
  async list(): Promise<PublicationRuleResponse[]> {
    const [entries, rules] = await Promise.all([
      this.catalog.list({ includeInactive: true }),
      this.dataSource.manager.find(RegisterPublicationRule),
    ]);
    const own = new Map(rules.map((rule) => [rule.catalogCode, rule]));
    return entries.map((entry) => {
      const rule = own.get(entry.code);
      return {
        catalogCode: entry.code,
        delayHours: rule?.delayHours ?? DEFAULT_PUBLICATION_RULE.delayHours,
        publishes: rule?.publishes ?? DEFAULT_PUBLICATION_RULE.publishes,
        isDefault: !rule,
      };
    });
  }

  /**
   * Sets the rule of a catalog type. Entries of the type not yet published are planned again by
   * the new delay; when what is published changes, published ones are worked out again too.
   *
   * @throws NotFoundError for an unknown catalog type.
   */
  set(principal: StaffPrincipal, catalogCode: string, input: PublicationRuleDto): Promise<PublicationRuleResponse> {
    return this.transactions.run(async (manager) => {
      if (!(await this.catalog.findAny(catalogCode, manager))) throw new NotFoundError('Catalog entry', catalogCode);
      const before = await this.planner.ruleFor(manager, catalogCode);
      const rule = { delayHours: input.delayHours, publishes: input.publishes };
      await manager.upsert(
        RegisterPublicationRule,
        { catalogCode, ...rule, updatedById: principal.id, updatedAt: this.clock.now() },
        ['catalogCode'],
      );
      const query = manager
        .createQueryBuilder(RegisterEntry, 'e')
        .where('e.catalogCode = :catalogCode', { catalogCode });
      if (before.publishes === rule.publishes) query.andWhere('e.publishedAt IS NULL');
      for (const entry of await query.getMany()) {
        const changes = entry.publishedAt === null ? { publishAfter: publishAfter(entry.receivedAt, rule) } : {};
        await this.planner.replan(manager, entry, changes);
      }
      return { catalogCode, ...rule, isDefault: false };
    });
  }
}
