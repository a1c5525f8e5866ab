import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Reconciler, Reconciliation } from '../../queue/reconciliation.service';
import { CaseDayFiguresService } from './case-day-figures.service';

/**
 * Keeps the daily figures of the cases report built: with the reconcilers, at the start of each
 * process that runs jobs and every RECONCILE_EVERY_SECONDS after, it builds the days whose cases
 * changed since and the days that have newly ended three days ago. It offers no job.
 */
@Injectable()
export class CaseDayFiguresReconciler implements Reconciler, OnModuleInit {
  readonly reconcilerName = 'daily figures of the cases report';
  private readonly logger = new Logger('CaseDayFigures');

  constructor(
    private readonly dayFigures: CaseDayFiguresService,
    private readonly reconciliation: Reconciliation,
  ) {}

  onModuleInit(): void {
    this.reconciliation.register(this);
  }

  async reconcile(): Promise<number> {
    const { built, fresh, skipped } = await this.dayFigures.refresh(() => this.reconciliation.stopping);
    if (built > 0 || skipped > 0)
      this.logger.log(`Daily figures: ${built} day(s) built, ${fresh} fresh, ${skipped} left for next time`);
    return 0;
  }
}
