import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { appendCaseEvent } from '../cases/case-timeline';
import { Case } from '../cases/entities/case.entity';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MEASURE_FIELDS } from './case-target-clock';
import { ManagerAlertsService } from './manager-alerts.service';
import { CaseMeasure } from './service-target.types';

const MEASURE_NAMES: Record<CaseMeasure, string> = { first_response: 'first response', resolution: 'resolution' };

/**
 * What a warning or a breach does to a case, inside the caller's transaction: marks the case,
 * alerts the managers of its department, and for a breach writes it on the case's timeline.
 */
@Injectable()
export class CaseTargetAlarms {
  constructor(
    private readonly alerts: ManagerAlertsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async warn(manager: EntityManager, target: Case, measure: CaseMeasure, now: Date): Promise<void> {
    const fields = MEASURE_FIELDS[measure];
    await this.mark(manager, target, { [fields.warnedAt]: now });
    await this.alert(manager, target, measure, 'warning', now);
  }

  async breach(manager: EntityManager, target: Case, measure: CaseMeasure, now: Date): Promise<void> {
    const fields = MEASURE_FIELDS[measure];
    const dueAt = target[fields.dueAt] as Date;
    await this.mark(manager, target, { [fields.breachedAt]: now });
    await appendCaseEvent(manager, {
      caseId: target.id,
      type: 'service_target',
      actorId: null,
      at: now,
      reason: `The ${MEASURE_NAMES[measure]} target was missed: it was due at ${dueAt.toISOString()}`,
      data: { check: 'breach', measure, dueAt: dueAt.toISOString(), planVersion: target.targetPlanVersion },
    });
    await this.alert(manager, target, measure, 'breach', now);
  }

  private async mark(manager: EntityManager, target: Case, patch: Partial<Case>): Promise<void> {
    await manager.update(Case, { id: target.id }, patch);
    Object.assign(target, patch);
  }

  private alert(
    manager: EntityManager,
    target: Case,
    measure: CaseMeasure,
    kind: 'warning' | 'breach',
    now: Date,
  ): Promise<void> {
    return this.alerts.raise(manager, {
      alertKey: `${kind}:case:${target.id}:${measure}:${target.targetPlanVersion}`,
      kind,
      measure,
      caseId: target.id,
      caseReference: target.reference,
      // A case without a department is still with the service center.
      departmentCode: target.departmentCode ?? this.config.routing.serviceCenterDepartment,
      dueAt: target[MEASURE_FIELDS[measure].dueAt] as Date,
      raisedAt: now,
    });
  }
}
