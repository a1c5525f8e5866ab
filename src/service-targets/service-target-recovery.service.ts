import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseRecordsService } from '../cases/case-records.service';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TransactionService } from '../database/transaction.service';
import { MessageQueue } from '../queue/message-queue';
import { OutboxService } from '../queue/outbox.service';
import { checksToSchedule } from './case-target-clock';
import { caseCheckJob } from './case-target-check.job';
import { CalendarService } from '../calendar/calendar.service';

const BATCH = 200;

/**
 * The in-process queue keeps delayed jobs in memory only, and a warning or breach check may be
 * planned days ahead: after a restart they would be gone. So at start-up, with that queue, the
 * checks of every running plan are queued again under their own keys (a check that is still
 * held is not added twice, and a check that is late runs at once). BullMQ keeps its jobs in
 * Redis and needs none of this.
 */
@Injectable()
export class ServiceTargetRecovery implements OnApplicationBootstrap {
  private readonly logger = new Logger('ServiceTargets');

  constructor(
    private readonly queue: MessageQueue,
    private readonly dataSource: DataSource,
    private readonly cases: CaseRecordsService,
    private readonly transactions: TransactionService,
    private readonly calendars: CalendarService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.queue.driver !== 'in-process') return;
    const calendar = await this.calendars.current(this.dataSource.manager);
    let requeued = 0;
    for (let offset = 0; ; offset += BATCH) {
      const cases = await this.cases.runningTargetPlans(offset, BATCH);
      if (cases.length === 0) break;
      const now = this.clock.now();
      await this.transactions.run(async (manager) => {
        for (const row of cases) {
          for (const check of checksToSchedule(calendar, row, this.config.serviceTargets.warningShare)) {
            const data = {
              caseId: row.id,
              measure: check.measure,
              check: check.check,
              planVersion: row.targetPlanVersion,
              dueAt: check.dueAt.toISOString(),
              runAt: check.at.toISOString(),
            };
            await this.outbox.enqueue(manager, caseCheckJob(data, now));
            requeued++;
          }
        }
      });
      if (cases.length < BATCH) break;
    }
    if (requeued > 0) this.logger.log(`Queued ${requeued} service-target checks again after the start`);
  }
}
