import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/roles';
import { CatalogService } from '../catalog/catalog.service';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { newId } from '../common/ids';
import { TransactionService } from '../database/transaction.service';
import { OrganisationService } from '../organisation/organisation.service';
import { CreateAreaRuleDto } from './dto/area-rule.dto';
import { CreateRoutingOverrideDto } from './dto/routing-override.dto';
import { AreaRule } from './entities/area-rule.entity';
import { RoutingOverride } from './entities/routing-override.entity';
import { selectRow, selectRows } from '../database/select-rows';

/** The admin-kept routing rules: area rules and overrides. They apply to cases routed after the change. */
@Injectable()
export class RoutingRulesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly catalog: CatalogService,
    private readonly organisation: OrganisationService,
  ) {}

  /** The override and the area rules of a catalog type, as the routing of a case reads them inside its transaction. */
  async rulesFor(
    catalogCode: string,
    manager: EntityManager,
  ): Promise<{ override: RoutingOverride | null; areaRules: AreaRule[] }> {
    const [override, areaRules] = await Promise.all([
      selectRow(manager, RoutingOverride, { catalogCode }),
      selectRows(manager, AreaRule, { catalogCode }),
    ]);
    return { override, areaRules };
  }

  listAreaRules(catalogCode?: string): Promise<AreaRule[]> {
    return this.dataSource.manager.find(AreaRule, {
      where: catalogCode ? { catalogCode } : {},
      order: { catalogCode: 'ASC', priority: 'DESC', createdAt: 'ASC' },
    });
  }

  createAreaRule(author: StaffPrincipal, input: CreateAreaRuleDto): Promise<AreaRule> {
    if (Boolean(input.postalCodePrefix) === Boolean(input.district)) {
      throw new InvalidInputError([
        'postalCodePrefix: give either a postal-code prefix or a district, not both and not neither',
      ]);
    }
    return this.transactions.run(async (manager) => {
      await this.requireReferences(manager, input.catalogCode, input.departmentCode);
      const rule = manager.create(AreaRule, {
        id: newId(),
        catalogCode: input.catalogCode,
        postalCodePrefix: input.postalCodePrefix ?? null,
        district: input.district?.trim() ?? null,
        departmentCode: input.departmentCode,
        priority: input.priority ?? 0,
        note: input.note ?? null,
        createdById: author.id,
      });
      return manager.save(rule);
    });
  }

  deleteAreaRule(id: string): Promise<void> {
    return this.transactions.run(async (manager) => {
      const result = await manager.delete(AreaRule, { id });
      if (!result.affected) throw new NotFoundError('Area rule', id);
    });
  }

  listOverrides(): Promise<RoutingOverride[]> {
    return this.dataSource.manager.find(RoutingOverride, { order: { catalogCode: 'ASC' } });
  }

  createOverride(author: StaffPrincipal, input: CreateRoutingOverrideDto): Promise<RoutingOverride> {
    return this.transactions.run(async (manager) => {
      await this.requireReferences(manager, input.catalogCode, input.departmentCode);
      if (await manager.existsBy(RoutingOverride, { catalogCode: input.catalogCode })) {
        throw new ConflictError(`Catalog type ${input.catalogCode} already has a routing override; delete it first`);
      }
      return manager.save(manager.create(RoutingOverride, { id: newId(), ...input, createdById: author.id }));
    });
  }

  deleteOverride(id: string): Promise<void> {
    return this.transactions.run(async (manager) => {
      const result = await manager.delete(RoutingOverride, { id });
      if (!result.affected) throw new NotFoundError('Routing override', id);
    });
  }

  private async requireReferences(manager: EntityManager, catalogCode: string, departmentCode: string): Promise<void> {
    const problems: string[] = [];
    if (!(await this.catalog.findAny(catalogCode, manager)))
      problems.push(`catalogCode: unknown catalog entry "${catalogCode}"`);
    if (!(await this.organisation.departmentExists(departmentCode, manager)))
      problems.push(`departmentCode: unknown department "${departmentCode}"`);
    if (problems.length) throw new InvalidInputError(problems);
  }
}
