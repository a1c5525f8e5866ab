import { Injectable, Logger } from '@nestjs/common';
import { CaseRecordsService } from '../cases/case-records.service';
import { Clock } from '../common/clock';
import { NotFoundError } from '../common/domain-errors';
import { TransactionService } from '../database/transaction.service';
import { CaseTargetAlarms } from './case-target-alarms.service';
import { isRunning, MEASURE_FIELDS } from './case-target-clock';
import { CaseTargetCheckData } from './case-target-check.job';

/**
 * Runs one warning or breach check on a case. The check looks at the case as it is now,
 * under a lock, and acts only if it still belongs to the case's current plan: same plan
 * version, same due time, the measure still running and the clock not stopped. Anything
 * else means a re-plan superseded it, so it does nothing; run twice, it alerts once.
 */
@Injectable()
export class CaseTargetChecks {
  private readonly logger = new Logger('ServiceTargets');

  constructor(
    private readonly transactions: TransactionService,
    private readonly cases: CaseRecordsService,
    private readonly alarms: CaseTargetAlarms,
    private readonly clock: Clock,
  ) {}

  run(data: CaseTargetCheckData): Promise<void> {
    return this.transactions.run(async (manager) => {
      const target = await this.cases.lock(manager, data.caseId).catch((error: unknown) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      });
      if (!target) return this.logger.warn(`Service-target check for case ${data.caseId}, which does not exist`);
      const fields = MEASURE_FIELDS[data.measure];
      const dueAt = target[fields.dueAt];
      const current =
        target.targetPlanVersion === data.planVersion &&
        !target.targetPausedAt &&
        isRunning(target, data.measure) &&
        dueAt?.toISOString() === data.dueAt;
      if (!current) return;
      const now = this.clock.now();
      // Queue timers and the clock of the machine that planned the check may differ a little;
      // throwing lets the queue try again a moment later rather than warn or breach early.
      if (now.getTime() < Date.parse(data.runAt))
        throw new Error(`Check ${data.check} of case ${data.caseId} ran before ${data.runAt}`);
      if (data.check === 'breach') await this.alarms.breach(manager, target, data.measure, now);
      else if (target[fields.warnedAt] === null) await this.alarms.warn(manager, target, data.measure, now);
    });
  }
}
