import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { Clock } from '../common/clock';
import { Reconciler, Reconciliation } from '../queue/reconciliation.service';
import { RegisterEntry } from './entities/register-entry.entity';
import { publishRegisterEntryJob } from './publish-register-entry.job';

const AT_MOST = 500;

/**
 * The safety net behind the outbox for the register: on every reconciliation, each entry that
 * is due, not withheld and whose current plan is not yet published is offered its publication
 * job again under the plan's key. A job still held is left alone; the publisher publishes a plan once.
 */
@Injectable()
export class RegisterReconciler implements Reconciler, OnModuleInit {
  readonly reconcilerName = 'register publications';
  private readonly logger = new Logger('RegisterReconciler');

  constructor(
    private readonly dataSource: DataSource,
    private readonly reconciliation: Reconciliation,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.reconciliation.register(this);
  }

  async reconcile(): Promise<number> {
    const owed = await this.dataSource.manager
      .createQueryBuilder(RegisterEntry, 'e')
      .where('e.publishedVersion < e.planVersion')
      .andWhere('e.withheld = :withheld', { withheld: false })
      .andWhere({ publishAfter: LessThanOrEqual(this.clock.now()) })
      .orderBy('e.publishAfter', 'ASC')
      .take(AT_MOST)
      .getMany();
    const lost = await this.reconciliation.offer(
      owed.map((entry) => publishRegisterEntryJob(entry.caseId, entry.planVersion)),
    );
    if (lost > 0) this.logger.warn(`Asked again to publish ${lost} register entr(ies) whose job no queue held`);
    return lost;
  }
}
