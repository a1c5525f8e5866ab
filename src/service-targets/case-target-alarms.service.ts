import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseRecord } from '../cases/case-record';
import { CaseWorkflowService } from '../cases/case-workflow.service';
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
    private readonly workflow: CaseWorkflowService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async warn(manager: EntityManager, target: CaseRecord, measure: CaseMeasure, now: Date): Promise<void> {
    const fields = MEASURE_FIELDS[measure];
    await this.workflow.recordServiceTargets(manager, target, { [fields.warnedAt]: now });
    await this.alert(manager, target, measure, 'warning', now);
  }

  async breach(manager: EntityManager, target: CaseRecord, measure: CaseMeasure, now: Date): Promise<void> {
    const fields = MEASURE_FIELDS[measure];
    const dueAt = target[fields.dueAt] as Date;
    await this.workflow.recordServiceTargets(manager, target, { [fields.breachedAt]: now });
    await this.workflow.addNotice(
      manager,
      target.id,
      'service_target',
      `The ${MEASURE_NAMES[measure]} target was missed: it was due at ${dueAt.toISOString()}`,
      { check: 'breach', measure, dueAt: dueAt.toISOString(), planVersion: target.targetPlanVersion },
      now,
    );
    await this.alert(manager, target, measure, 'breach', now);
  }

  private async alert(
    manager: EntityManager,
    target: CaseRecord,
    measure: CaseMeasure,
    kind: 'warning' | 'breach',
    now: Date,
  ): Promise<void> {
    await this.alerts.raise(manager, {
      alertKey: `${kind}:case:${target.id}:${measure}:${target.targetPlanVersion}`,
      kind,
      measure,
      caseId: target.id,
      caseReference: target.reference,
      // A case without a department is still with the service center.
      departmentCode: target.departmentCode ?? this.config.routing.serviceCenterDepartment,
      dueAt: target[MEASURE_FIELDS[measure].dueAt],
      raisedAt: now,
    });
  }
}
