import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/roles';
import { Clock } from '../common/clock';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/domain-errors';
import { Page } from '../common/pagination.dto';
import { TransactionService } from '../database/transaction.service';
import { AccessPolicy } from '../auth/access-policy';
import { AlertsQuery } from './dto/alerts-query.dto';
import { AlertKind, ManagerAlert } from './entities/manager-alert.entity';
import { TargetMeasure } from './service-target.types';

export interface NewManagerAlert {
  alertKey: string;
  kind: AlertKind;
  measure: TargetMeasure;
  caseId?: string;
  caseReference?: string;
  contactId?: string;
  departmentCode: string | null;
  dueAt: Date;
  raisedAt: Date;
}

/**
 * Alerts to the managers: written in the transaction of the warning or breach they report,
 * read in the managers' list. E-mail to the managers can follow from these rows through the
 * notifications area; the rows are the record.
 */
@Injectable()
export class ManagerAlertsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
  ) {}

  /** Raises an alert once per key: a check that runs twice does not alert twice. */
  async raise(manager: EntityManager, alert: NewManagerAlert): Promise<void> {
    if (await manager.existsBy(ManagerAlert, { alertKey: alert.alertKey })) return;
    await manager.insert(ManagerAlert, {
      caseId: null,
      caseReference: null,
      contactId: null,
      acknowledgedAt: null,
      acknowledgedById: null,
      ...alert,
    });
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
    return { items, total, limit, offset };
  }

  acknowledge(principal: StaffPrincipal, id: number): Promise<ManagerAlert> {
    return this.transactions.run(async (manager) => {
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
  }
}
