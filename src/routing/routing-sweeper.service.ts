import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service';
import { CaseRecordsService } from '../cases/case-records.service';
import { Reconciler, Reconciliation } from '../queue/reconciliation.service';
import { routeCaseJob } from './route-case.job';

/** A case triaged longer ago than this needs a person rather than another routing job. */
const LOOK_BACK_MS = 24 * 3600_000;
const AT_MOST = 200;

/**
 * The safety net behind the outbox. The outbox guarantees the routing job reaches the
 * queue; it cannot bring back a job the queue itself lost after taking it (the in-process
 * queue when the app restarts, a Redis that lost its data). So on every reconciliation
 * (Reconciliation: at start and every RECONCILE_EVERY_SECONDS), each case still triaged (and
 * triaged less than a day ago) whose routing job neither the outbox nor the queue holds under
 * its intake key is asked to be routed again under that key. A job still held (waiting,
 * retrying, or failed for good and kept for people to look at) is not added twice, and the
 * processor routes a case only once.
 */
@Injectable()
export class RoutingSweeper implements Reconciler, OnModuleInit {
  readonly reconcilerName = 'routing jobs';
  private readonly logger = new Logger('RoutingSweeper');

  constructor(
    private readonly cases: CaseRecordsService,
    private readonly catalog: CatalogService,
    private readonly reconciliation: Reconciliation,
  ) {}

  onModuleInit(): void {
    this.reconciliation.register(this);
  }

  reconcile(): Promise<number> {
    return this.sweep();
  }

  /**
   * Queues routing again for cases triaged before `now` whose job nothing holds; returns how
   * many. Real time, like the queue it watches.
   */
  async sweep(now = Date.now()): Promise<number> {
    const keptAtServiceCenter = (await this.catalog.list({ includeInactive: true }))
      .filter((entry) => entry.handledByServiceCenter)
      .map((entry) => entry.code);
    const stuck = await this.cases.triagedUntouched({
      before: new Date(now),
      after: new Date(now - LOOK_BACK_MS),
      exceptCatalogCodes: keptAtServiceCenter,
      limit: AT_MOST,
    });
    const lost = await this.reconciliation.offer(stuck.map((id) => routeCaseJob(id)));
    if (lost > 0)
      this.logger.warn(`Asked again to route ${lost} case(s) still triaged, whose routing job no queue held`);
    return lost;
  }
}
