import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/** When a reconciler runs: at the start of a process (the queue may hold nothing), or on the period. */
export type ReconcileOccasion = 'start' | 'period';

/**
 * One kind of background work an area reconciles from its own tables: it offers again, through
 * the outbox and under the job's own key, every job the database says is still owed. A job the
 * queue still holds under that key is not added twice, and every handler looks at the current
 * state, so offering too much does no harm; offering too little is what loses work.
 */
export interface Reconciler {
  /** What is reconciled, in the domain's words, for the log: "receipts and other messages". */
  readonly reconcilerName: string;
  /** Offers again what may have been lost; answers how many jobs it wrote to the outbox. */
  reconcile(occasion: ReconcileOccasion): Promise<number>;
}

/**
 * The database is the source of truth; a queue is not. The in-process queue forgets everything
 * when the process stops, and a Redis that restarts without its data forgets what it held. So
 * in every process that runs the jobs, each area's reconciler runs at start and then every
 * RECONCILE_EVERY_SECONDS (default 300), one after the other, never two runs at once.
 * Areas register their reconciler in `onModuleInit`.
 */
@Injectable()
export class Reconciliation implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Reconciliation');
  private readonly reconcilers: Reconciler[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<Record<string, number>> | null = null;
  private stopped = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  register(reconciler: Reconciler): void {
    this.reconcilers.push(reconciler);
  }

  onApplicationBootstrap(): void {
    // Where no jobs run, nothing can be lost from this process's queue, and another process reconciles.
    if (!this.config.queue.runWorkers) return;
    this.schedule(0, 'start');
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /**
   * Runs every reconciler once, in the order they registered; answers how many jobs each wrote.
   * A reconciler that fails is logged and the others still run. A run already under way is
   * waited for instead of starting a second one.
   */
  runOnce(occasion: ReconcileOccasion = 'period'): Promise<Record<string, number>> {
    this.running ??= this.runAll(occasion).finally(() => (this.running = null));
    return this.running;
  }

  private async runAll(occasion: ReconcileOccasion): Promise<Record<string, number>> {
    const written: Record<string, number> = {};
    for (const reconciler of this.reconcilers) {
      if (this.stopped) break;
      try {
        written[reconciler.reconcilerName] = await reconciler.reconcile(occasion);
      } catch (error) {
        this.logger.error(`Reconciling ${reconciler.reconcilerName} failed: ${(error as Error).message}`);
      }
    }
    const offered = Object.entries(written).filter(([, count]) => count > 0);
    if (offered.length > 0)
      this.logger.log(
        `Offered again to the queue from the database (${occasion}): ${offered.map(([name, count]) => `${count} ${name}`).join(', ')}`,
      );
    return written;
  }

  private schedule(delayMs: number, occasion: ReconcileOccasion): void {
    this.timer = setTimeout(() => {
      void this.runOnce(occasion).finally(() => {
        if (!this.stopped) this.schedule(this.config.reconciliation.everySeconds * 1000, 'period');
      });
    }, delayMs);
    // A pending reconciliation alone does not keep the process alive.
    this.timer.unref();
  }
}
