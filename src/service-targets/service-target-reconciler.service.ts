import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { CaseRecordsService } from '../cases/case-records.service';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Reconciler, Reconciliation } from '../queue/reconciliation.service';
import { CallbackTargetPlanner } from './callback-target-planner.service';
import { caseCheckJobs } from './case-target-check.job';
import { CallbackTarget } from './entities/callback-target.entity';

const BATCH = 200;

/**
 * The warning and breach checks every running plan still needs, offered again from the
 * database: those of each open case's current plan (keyed by its plan version) and those of
 * each callback still owed. A check waiting in the outbox for its time, or held by the queue
 * under its key, is not added twice; one a queue lost (it was handed over when nearly due, and
 * the in-process queue restarted or Redis lost its data) runs, late rather than never; and
 * every check looks at the case or the callback as it is now, so it warns or breaches once.
 */
@Injectable()
export class ServiceTargetReconciler implements Reconciler, OnModuleInit {
  readonly reconcilerName = 'service-target checks';

  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRecordsService,
    private readonly calendars: CalendarService,
    private readonly callbacks: CallbackTargetPlanner,
    private readonly clock: Clock,
    private readonly reconciliation: Reconciliation,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.reconciliation.register(this);
  }

  async reconcile(): Promise<number> {
    return (await this.reconcileCases()) + (await this.reconcileCallbacks());
  }

  private async reconcileCases(): Promise<number> {
    const calendar = await this.calendars.current(this.dataSource.manager);
    let written = 0;
    for (let afterId: string | null = null; ;) {
      const cases = await this.cases.runningTargetPlans(afterId, BATCH);
      if (cases.length === 0) break;
      const now = this.clock.now();
      const jobs = cases.flatMap((row) => caseCheckJobs(calendar, row, this.config.serviceTargets.warningShare, now));
      written += await this.reconciliation.offer(jobs);
      if (cases.length < BATCH) break;
      afterId = cases[cases.length - 1].id;
    }
    return written;
  }

  private async reconcileCallbacks(): Promise<number> {
    const calendar = await this.calendars.current(this.dataSource.manager);
    let written = 0;
    for (let afterId = ''; ;) {
      const owed = await this.dataSource.manager.find(CallbackTarget, {
        where: { breachedAt: IsNull(), madeAt: IsNull(), contactId: MoreThan(afterId) },
        order: { contactId: 'ASC' },
        take: BATCH,
      });
      if (owed.length === 0) break;
      const jobs = owed.flatMap((promised) => this.callbacks.checkJobs(calendar, promised));
      written += await this.reconciliation.offer(jobs);
      if (owed.length < BATCH) break;
      afterId = owed[owed.length - 1].contactId;
    }
    return written;
  }
}
