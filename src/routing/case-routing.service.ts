import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogEntry } from '../catalog/entities/catalog-entry.entity';
import { Priority, PRIORITIES } from '../catalog/catalog.types';
import { CaseHooks } from '../cases/case-hooks';
import { appendCaseEvent, loadCaseForUpdate } from '../cases/case-timeline';
import { CaseEvent } from '../cases/entities/case-event.entity';
import { Case } from '../cases/entities/case.entity';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TransactionService } from '../database/transaction.service';
import { CaseTriager, TriageSuggestion } from './case-triager';
import { AreaRule } from './entities/area-rule.entity';
import { RoutingOverride } from './entities/routing-override.entity';
import { decideDepartment, RoutingDecision } from './routing-decision';

export type RoutingOutcome = 'routed' | 'left-for-agent' | 'kept-at-service-center' | 'nothing-to-do';

/**
 * Routing of one case, as the routing job does it: a case without a type is triaged by
 * the triager when it is sure enough, and a triaged case goes to its department. Every
 * step looks at the case as it is now, under a lock, so a job delivered twice, or after
 * an agent already acted, changes nothing.
 */
@Injectable()
export class CaseRoutingService {
  private readonly logger = new Logger('Routing');

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly triager: CaseTriager,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hooks: CaseHooks,
  ) {}

  async route(caseId: string): Promise<RoutingOutcome> {
    const before = await this.dataSource.manager.findOneBy(Case, { id: caseId });
    if (!before) {
      this.logger.warn(`Routing job for case ${caseId}, which does not exist`);
      return 'nothing-to-do';
    }
    // The triager may take a while (or call out); it is asked before the case is locked.
    const suggestion =
      before.status === 'new' && !before.catalogCode ? await this.triager.suggest(before.description) : undefined;

    return this.transactions.run(async (manager) => {
      const target = await loadCaseForUpdate(manager, caseId);
      const now = this.clock.now();
      if (target.status === 'new') {
        if (suggestion === undefined || target.catalogCode) return 'nothing-to-do';
        if (!(await this.triage(manager, target, suggestion, now))) return 'left-for-agent';
      }
      if (target.status !== 'triaged' || !target.catalogCode) return 'nothing-to-do';
      const entry = await manager.findOneBy(CatalogEntry, { code: target.catalogCode });
      if (!entry) throw new Error(`Case ${target.id} has the unknown catalog type ${target.catalogCode}`);
      if (entry.handledByServiceCenter) {
        await this.keepAtServiceCenter(manager, target, now);
        return 'kept-at-service-center';
      }
      const decision = await this.decide(manager, target, entry);
      await this.moveToDepartment(manager, target, decision, now);
      return 'routed';
    });
  }

  /** Sets the type the triager proposes, or records that an agent must triage; true when triaged. */
  private async triage(
    manager: EntityManager,
    target: Case,
    suggestion: TriageSuggestion | null,
    now: Date,
  ): Promise<boolean> {
    const threshold = this.config.routing.triageMinConfidence;
    const entry = suggestion
      ? await manager.findOneBy(CatalogEntry, { code: suggestion.catalogCode, active: true })
      : null;
    if (!suggestion || !entry || suggestion.confidence < threshold) {
      // A case leaves `new` only once, so one such note per case is enough even if the job runs twice.
      if (await manager.existsBy(CaseEvent, { caseId: target.id, type: 'triage' })) return false;
      await appendCaseEvent(manager, {
        caseId: target.id,
        type: 'triage',
        actorId: null,
        at: now,
        reason: suggestion
          ? `Automatic triage was not sure enough (confidence ${suggestion.confidence.toFixed(2)}, needs ${threshold}); an agent triages the case`
          : 'Automatic triage had no suggestion; an agent triages the case',
        data: {
          outcome: 'left_for_agent',
          suggestedCatalogCode: suggestion?.catalogCode ?? null,
          confidence: suggestion?.confidence ?? null,
          source: suggestion?.source ?? null,
          threshold,
        },
      });
      return false;
    }
    Object.assign(target, {
      catalogCode: entry.code,
      departmentCode: entry.departmentCode,
      priority: mostUrgent([target.priority, entry.priority, suggestion.priority]),
      confidential: target.confidential || entry.confidential,
      status: 'triaged',
    });
    await manager.save(target);
    await appendCaseEvent(manager, {
      caseId: target.id,
      type: 'triage',
      actorId: null,
      at: now,
      fromStatus: 'new',
      toStatus: 'triaged',
      data: {
        catalogCode: entry.code,
        catalogSetBy: 'system',
        confidence: suggestion.confidence,
        source: suggestion.source ?? 'triage',
        priority: target.priority,
      },
    });
    // Other areas hear of the new type (service targets re-plan, likely duplicates are looked for).
    await this.hooks.changed(manager, target, {
      action: 'triage',
      fromStatus: 'new',
      toStatus: 'triaged',
      actorId: null,
      at: now,
    });
    return true;
  }

  private async decide(manager: EntityManager, target: Case, entry: CatalogEntry): Promise<RoutingDecision> {
    const [override, areaRules] = await Promise.all([
      manager.findOneBy(RoutingOverride, { catalogCode: entry.code }),
      manager.findBy(AreaRule, { catalogCode: entry.code }),
    ]);
    return decideDepartment(
      { catalogDepartmentCode: entry.departmentCode, postalCode: target.postalCode, address: target.address },
      areaRules,
      override,
    );
  }

  private async moveToDepartment(
    manager: EntityManager,
    target: Case,
    decision: RoutingDecision,
    now: Date,
  ): Promise<void> {
    const previousDepartmentCode = target.departmentCode;
    Object.assign(target, { departmentCode: decision.departmentCode, assigneeId: null, status: 'routed' });
    await manager.save(target);
    await appendCaseEvent(manager, {
      caseId: target.id,
      type: 'routing',
      actorId: null,
      at: now,
      fromStatus: 'triaged',
      toStatus: 'routed',
      reason: `Routed to ${decision.departmentCode} by the ${decision.rule === 'catalog' ? "catalog type's department" : decision.rule === 'area' ? 'area rule' : 'routing override'}`,
      data: {
        departmentCode: decision.departmentCode,
        rule: decision.rule,
        ruleId: decision.ruleId,
        catalogCode: target.catalogCode,
        previousDepartmentCode,
      },
    });
    // Other areas hear of it as of a routing by hand (webhooks to the department's systems, service targets).
    await this.hooks.changed(manager, target, {
      action: 'route',
      fromStatus: 'triaged',
      toStatus: 'routed',
      actorId: null,
      at: now,
    });
  }

  /** Types the service center finishes itself are not routed; the timeline says so once per triage. */
  private async keepAtServiceCenter(manager: EntityManager, target: Case, now: Date): Promise<void> {
    const last = await manager.findOne(CaseEvent, { where: { caseId: target.id }, order: { id: 'DESC' } });
    if (last?.type === 'routing' && last.data?.rule === 'service_center') return;
    await appendCaseEvent(manager, {
      caseId: target.id,
      type: 'routing',
      actorId: null,
      at: now,
      reason: 'The service center handles this type itself; the case stays with the agents',
      data: {
        departmentCode: this.config.routing.serviceCenterDepartment,
        rule: 'service_center',
        routed: false,
        catalogCode: target.catalogCode,
      },
    });
  }
}

function mostUrgent(priorities: Array<Priority | undefined>): Priority {
  return priorities
    .filter((p): p is Priority => p !== undefined)
    .reduce((a, b) => (PRIORITIES.indexOf(b) > PRIORITIES.indexOf(a) ? b : a), 'low');
}
