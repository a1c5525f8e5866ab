import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service';
import { CaseRecordsService } from '../cases/case-records.service';
import { TransactionService } from '../database/transaction.service';
import { OutboxService } from '../queue/outbox.service';
import { ReconcileOccasion, Reconciler, Reconciliation } from '../queue/reconciliation.service';
import { routeCaseJob } from './route-case.job';

/** A triaged case this long untouched should have been routed; one untouched for a day needs a person instead. */
const STUCK_AFTER_MS = 5 * 60_000;
const LOOK_BACK_MS = 24 * 3600_000;
const AT_MOST = 200;

/**
 * The safety net behind the outbox. The outbox guarantees the routing job reaches the
 * queue; it cannot bring back a job the queue itself lost after taking it (the in-process
 * queue when the app restarts, a Redis that lost its data). So on every reconciliation
 * (Reconciliation: at start and every RECONCILE_EVERY_SECONDS), cases still triaged a while
 * after their last change are asked to be routed again, under their intake key: a job the
 * queue still holds (waiting, or failed for good and kept for people to look at) is not added
 * twice, and the processor routes a case only once. At start every triaged case of the last day
 * is asked for: the in-process queue starts empty, and waiting would only delay them.
 */
@Injectable()
export class RoutingSweeper implements Reconciler, OnModuleInit {
  readonly reconcilerName = 'routing jobs';
  private readonly logger = new Logger('RoutingSweeper');

  constructor(
    private readonly cases: CaseRecordsService,
    private readonly catalog: CatalogService,
    private readonly transactions: TransactionService,
    private readonly outbox: OutboxService,
    private readonly reconciliation: Reconciliation,
  ) {}

  onModuleInit(): void {
    this.reconciliation.register(this);
  }

  reconcile(occasion: ReconcileOccasion): Promise<number> {
    return this.sweep(occasion === 'start' ? Date.now() + STUCK_AFTER_MS : Date.now());
  }

  /** Queues routing again for stuck cases; returns how many. Real time, like the queue it watches. */
  async sweep(now = Date.now()): Promise<number> {
    const keptAtServiceCenter = (await this.catalog.list({ includeInactive: true }))
      .filter((entry) => entry.handledByServiceCenter)
      .map((entry) => entry.code);
    const stuck = await this.cases.triagedUntouched({
      before: new Date(now - STUCK_AFTER_MS),
      after: new Date(now - LOOK_BACK_MS),
      exceptCatalogCodes: keptAtServiceCenter,
      limit: AT_MOST,
    });
    if (stuck.length === 0) return 0;
    await this.transactions.run(async (manager) => {
      for (const id of stuck) await this.outbox.enqueue(manager, routeCaseJob(id));
    });
    this.logger.warn(`Asked again to route ${stuck.length} case(s) still triaged`);
    return stuck.length;
  }
}
