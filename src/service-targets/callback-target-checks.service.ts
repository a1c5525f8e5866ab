import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TransactionService } from '../database/transaction.service';
import { ManagerAlertsService } from './manager-alerts.service';
import { CallbackTargetCheckData } from './callback-target-check.job';
import { CallbackTarget } from './entities/callback-target.entity';

/**
 * Runs a callback's warning or breach check: if the callback is still not made, it marks the
 * promise and alerts the managers of the service center, which made the promise. A check for a
 * callback made, or run twice, does nothing.
 */
@Injectable()
export class CallbackTargetChecks {
  constructor(
    private readonly transactions: TransactionService,
    private readonly alerts: ManagerAlertsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  run(data: CallbackTargetCheckData): Promise<void> {
    return this.transactions.run(async (manager) => {
      const promised = await manager.findOneBy(CallbackTarget, { contactId: data.contactId });
      if (!promised || promised.dueAt.toISOString() !== data.dueAt) return;
      if (promised.madeAt) return;
      const done = data.check === 'warning' ? (promised.warnedAt ?? promised.breachedAt) : promised.breachedAt;
      if (done) return;
      const now = this.clock.now();
      if (now.getTime() < Date.parse(data.runAt))
        throw new Error(`Check ${data.check} of the callback for contact ${data.contactId} ran before ${data.runAt}`);
      await manager.update(
        CallbackTarget,
        { contactId: data.contactId },
        data.check === 'warning' ? { warnedAt: now } : { breachedAt: now },
      );
      await this.alerts.raise(manager, {
        alertKey: `${data.check}:callback:${data.contactId}`,
        kind: data.check,
        measure: 'callback',
        contactId: data.contactId,
        departmentCode: this.config.routing.serviceCenterDepartment,
        dueAt: promised.dueAt,
        raisedAt: now,
      });
    });
  }
}
