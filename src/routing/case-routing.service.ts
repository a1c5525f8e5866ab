import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CatalogEntryView } from '../catalog/catalog-entry.view';
import { CatalogService } from '../catalog/catalog.service';
import { Priority, PRIORITIES } from '../catalog/catalog.types';
import { CaseRecord } from '../cases/case-record';
import { CaseRecordsService } from '../cases/case-records.service';
import { CaseWorkflowService } from '../cases/case-workflow.service';
import { NotFoundError } from '../common/domain-errors';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TransactionService } from '../database/transaction.service';
import { CaseTriager, TriageSuggestion } from './case-triager';
import { RoutingRulesService } from './routing-rules.service';
import { decideDepartment, RoutingDecision } from './routing-decision';

export type RoutingOutcome = 'routed' | 'left-for-agent' | 'kept-at-service-center' | 'nothing-to-do';

const RULE_NAMES: Record<RoutingDecision['rule'], string> = {
  catalog: "catalog type's department",
  area: 'area rule',
  override: 'routing override',
};

/**
 * Routing of one case, as the routing job does it: a case without a type is triaged by
 * the triager when it is sure enough, and a triaged case goes to its department. Every
 * step looks at the case as it is now, under a lock, so a job delivered twice, or after
 * an agent already acted, changes nothing. The case itself is changed by CaseWorkflowService.
 */
@Injectable()
export class CaseRoutingService {
  private readonly logger = new Logger('Routing');

  constructor(
    private readonly transactions: TransactionService,
    private readonly triager: CaseTriager,
    private readonly cases: CaseRecordsService,
    private readonly workflow: CaseWorkflowService,
    private readonly catalog: CatalogService,
    private readonly rules: RoutingRulesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Routes the case as it is now. A case with its type is read once, under its lock, in one
   * transaction. A case without one needs the triager's suggestion, which may take a while (or
   * call out), so it is asked between two transactions, and the second looks at the case again.
   */
  async route(caseId: string): Promise<RoutingOutcome> {
    try {
      const first = await this.transactions.run((manager) => this.routeLocked(manager, caseId, undefined));
      if (typeof first === 'string') return first;
      const suggestion = await this.triager.suggest(first.description);
      const second = await this.transactions.run((manager) => this.routeLocked(manager, caseId, suggestion));
      return typeof second === 'string' ? second : 'nothing-to-do';
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      this.logger.warn(`Routing job for case ${caseId}, which does not exist`);
      return 'nothing-to-do';
    }
  }

  /**
   * One routing step on the locked case. `suggestion` undefined: none asked yet, and a case in
   * `new` without a type answers its description, for the triager, having changed nothing.
   */
  private async routeLocked(
    manager: EntityManager,
    caseId: string,
    suggestion: TriageSuggestion | null | undefined,
  ): Promise<RoutingOutcome | { description: string }> {
    const target = await this.cases.lock(manager, caseId);
    if (target.status === 'new') {
      if (target.catalogCode) return 'nothing-to-do';
      if (suggestion === undefined) return { description: target.description };
      if (!(await this.triage(manager, target, suggestion))) return 'left-for-agent';
    }
    if (target.status !== 'triaged' || !target.catalogCode) return 'nothing-to-do';
    const entry = await this.catalog.findAny(target.catalogCode, manager);
    if (!entry) throw new Error(`Case ${target.id} has the unknown catalog type ${target.catalogCode}`);
    if (entry.handledByServiceCenter) {
      await this.keepAtServiceCenter(manager, target);
      return 'kept-at-service-center';
    }
    const decision = await this.decide(manager, target, entry);
    await this.workflow.routeBySystem(manager, target, {
      departmentCode: decision.departmentCode,
      reason: `Routed to ${decision.departmentCode} by the ${RULE_NAMES[decision.rule]}`,
      details: { rule: decision.rule, ruleId: decision.ruleId, catalogCode: target.catalogCode },
    });
    return 'routed';
  }

  /** Sets the type the triager proposes, or notes that an agent must triage; true when triaged. */
  private async triage(
    manager: EntityManager,
    target: CaseRecord,
    suggestion: TriageSuggestion | null,
  ): Promise<boolean> {
    const threshold = this.thresholdFor(suggestion);
    const entry = suggestion ? await this.catalog.findActive(suggestion.catalogCode, manager) : null;
    if (!suggestion || !entry || threshold === null || suggestion.confidence < threshold) {
      // A case leaves `new` only once, so one such notice per case is enough even if the job runs twice.
      if (await this.cases.latestEvent(manager, target.id, { type: 'notice', topic: 'triage' })) return false;
      await this.workflow.addNotice(
        manager,
        target.id,
        'triage',
        !suggestion
          ? 'Automatic triage had no suggestion; an agent triages the case'
          : threshold === null
            ? 'Automatic triage is off: on held-out history no confidence kept enough of its triages right; an agent triages the case'
            : `Automatic triage was not sure enough (confidence ${suggestion.confidence.toFixed(2)}, needs ${threshold}); an agent triages the case`,
        {
          outcome: 'left_for_agent',
          suggestedCatalogCode: suggestion?.catalogCode ?? null,
          confidence: suggestion?.confidence ?? null,
          source: suggestion?.source ?? null,
          threshold,
        },
      );
      return false;
    }
    await this.workflow.triageBySystem(manager, target, {
      catalogCode: entry.code,
      departmentCode: entry.departmentCode,
      priority: mostUrgent([target.priority, entry.priority, suggestion.priority]),
      confidential: entry.confidential,
      details: { confidence: suggestion.confidence, source: suggestion.source ?? 'triage', threshold },
    });
    return true;
  }

  /**
   * The confidence a suggestion needs: the triager's own threshold (calibrated on held-out
   * history), never below TRIAGE_MIN_CONFIDENCE; null when the triager wants none applied.
   */
  private thresholdFor(suggestion: TriageSuggestion | null): number | null {
    const configured = this.config.routing.triageMinConfidence;
    if (suggestion?.autoTriageThreshold === null) return null;
    return Math.max(configured, suggestion?.autoTriageThreshold ?? configured);
  }

  private async decide(manager: EntityManager, target: CaseRecord, entry: CatalogEntryView): Promise<RoutingDecision> {
    const { override, areaRules } = await this.rules.rulesFor(entry.code, manager);
    return decideDepartment(
      { catalogDepartmentCode: entry.departmentCode, postalCode: target.postalCode, address: target.address },
      areaRules,
      override,
    );
  }

  /** Types the service center finishes itself are not routed; the timeline says so once per triage. */
  private async keepAtServiceCenter(manager: EntityManager, target: CaseRecord): Promise<void> {
    const last = await this.cases.latestEvent(manager, target.id);
    if (last?.type === 'notice' && last.topic === 'routing') return;
    await this.workflow.addNotice(
      manager,
      target.id,
      'routing',
      'The service center handles this type itself; the case stays with the agents',
      {
        departmentCode: this.config.routing.serviceCenterDepartment,
        rule: 'service_center',
        routed: false,
        catalogCode: target.catalogCode,
      },
    );
  }
}

function mostUrgent(priorities: Array<Priority | undefined>): Priority {
  return priorities
    .filter((p): p is Priority => p !== undefined)
    .reduce((a, b) => (PRIORITIES.indexOf(b) > PRIORITIES.indexOf(a) ? b : a), 'low');
}
