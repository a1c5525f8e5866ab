import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/roles';
import { Clock } from '../common/clock';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/domain-errors';
import { Page } from '../common/pagination.dto';
import { TransactionService } from '../database/transaction.service';
import { AccessPolicy } from '../auth/access-policy';
import { CaseRecordsService } from '../cases/case-records.service';
import { AlertsQuery } from './dto/alerts-query.dto';
import { AlertKind, ManagerAlert } from './entities/manager-alert.entity';
import { TargetMeasure } from './service-target.types';

export interface NewManagerAlert {
  alertKey: string;
  kind: AlertKind;
  /** The target a warning or breach is about; null for an on-call alert. */
  measure: TargetMeasure | null;
  caseId?: string;
  caseReference?: string;
  contactId?: string;
  departmentCode: string | null;
  /** UTC; null for an on-call alert. */
  dueAt: Date | null;
  raisedAt: Date;
}

/**
 * Alerts to the managers: written in the transaction of the warning, breach or out-of-hours
 * urgent case they report, read in the managers' list. The on-call alert also goes by e-mail
 * through the notifications area (ON_CALL_EMAIL); the rows are the record.
 */
@Injectable()
export class ManagerAlertsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
    private readonly cases: CaseRecordsService,
  ) {}

  /** Raises an alert once per key: a check that runs twice does not alert twice. True when raised now. */
  async raise(manager: EntityManager, alert: NewManagerAlert): Promise<boolean> {
    if (await manager.existsBy(ManagerAlert, { alertKey: alert.alertKey })) return false;
    await manager.insert(ManagerAlert, {
      caseId: null,
      caseReference: null,
      contactId: null,
      acknowledgedAt: null,
      acknowledgedById: null,
      ...alert,
    });
    return true;
  }

  /** Newest first. */
  async list(principal: StaffPrincipal, query: AlertsQuery): Promise<Page<ManagerAlert>> {
    const departments = AccessPolicy.departmentsInView(principal, query.departmentCode);
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const builder = this.dataSource.manager.createQueryBuilder(ManagerAlert, 'a');
    if (departments) builder.andWhere('a.departmentCode IN (:...departments)', { departments });
    if (query.kind) builder.andWhere('a.kind = :kind', { kind: query.kind });
    if (query.unacknowledged === true) builder.andWhere('a.acknowledgedAt IS NULL');
    const [items, total] = await builder
      .orderBy('a.raisedAt', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { items: await this.withReferences(items), total, limit, offset };
  }

  async acknowledge(principal: StaffPrincipal, id: number): Promise<ManagerAlert> {
    const acknowledged = await this.transactions.run(async (manager) => {
      const alert = await manager.findOneBy(ManagerAlert, { id });
      if (!alert) throw new NotFoundError('Alert', String(id));
      const departments = AccessPolicy.departmentsInView(principal);
      if (departments && !departments.includes(alert.departmentCode ?? ''))
        throw new ForbiddenError('This alert belongs to another department');
      if (alert.acknowledgedAt)
        throw new ConflictError(`Alert ${id} was acknowledged at ${alert.acknowledgedAt.toISOString()}`);
      Object.assign(alert, { acknowledgedAt: this.clock.now(), acknowledgedById: principal.id });
      return manager.save(alert);
    });
    return (await this.withReferences([acknowledged]))[0];
  }

  /** An alert raised while its case was being registered has no reference number stored: it is looked up. */
  private async withReferences(alerts: ManagerAlert[]): Promise<ManagerAlert[]> {
    const missing = alerts.filter((alert) => alert.caseId && !alert.caseReference).map((alert) => alert.caseId!);
    if (missing.length === 0) return alerts;
    const references = await this.cases.references(missing);
    return alerts.map((alert) =>
      alert.caseId && !alert.caseReference ? { ...alert, caseReference: references.get(alert.caseId) ?? null } : alert,
    );
  }
}
