import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TransactionService } from '../database/transaction.service';
import { MessageQueue } from './message-queue';
import { OutboxJob, OutboxService } from './outbox.service';

/** When the reconcilers run: at the start of a process (its queue may hold nothing), or on the period. */
export type ReconcileOccasion = 'at start' | 'periodic';

/**
 * One kind of background work an area reconciles from its own tables: it hands `offer` every
 * job the database says is still owed, under the job's own key. A job waiting in the outbox or
 * held by the queue under that key is left alone, and every handler looks at the current state,
 * so offering too much does no harm; offering too little is what loses work.
 */
export interface Reconciler {
  /** What is reconciled, in the domain's words, for the log: "messages to citizens". */
  readonly reconcilerName: string;
  /** Offers again what may have been lost; answers how many jobs were found lost and written to the outbox. */
  reconcile(): Promise<number>;
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

  constructor(
    private readonly queue: MessageQueue,
    private readonly outbox: OutboxService,
    private readonly transactions: TransactionService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** True once the process is shutting down: a long reconciler stops at its next step. */
  get stopping(): boolean {
    return this.stopped;
  }

  register(reconciler: Reconciler): void {
    this.reconcilers.push(reconciler);
  }

  /**
   * Offers owed jobs again: of `jobs`, those neither waiting in the outbox nor held by the queue
   * under their key are lost, and are written to the outbox for the relay to hand over. Answers
   * how many. While the queue cannot be asked (Redis down) it counts as holding nothing: the
   * queue refuses, once it is back, a job it still holds.
   */
  async offer(jobs: OutboxJob[]): Promise<number> {
    if (jobs.length === 0) return 0;
    const waiting = await this.outbox.waitingKeys(this.dataSource.manager, jobs);
    const candidates = jobs.filter((job) => !waiting.has(job.key));
    const held = await Promise.all(candidates.map((job) => this.queue.holds(job.queue, job.key).catch(() => false)));
    const lost = candidates.filter((_job, index) => !held[index]);
    if (lost.length === 0) return 0;
    return this.transactions.run((manager) => this.outbox.enqueueMissing(manager, lost));
  }

  onApplicationBootstrap(): void {
    // Where no jobs run, nothing can be lost from this process's queue, and another process reconciles.
    if (!this.config.queue.runWorkers) return;
    this.schedule(0, 'at start');
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
  runOnce(occasion: ReconcileOccasion = 'periodic'): Promise<Record<string, number>> {
    this.running ??= this.runAll(occasion).finally(() => (this.running = null));
    return this.running;
  }

  private async runAll(occasion: ReconcileOccasion): Promise<Record<string, number>> {
    const written: Record<string, number> = {};
    for (const reconciler of this.reconcilers) {
      if (this.stopped) break;
      try {
        written[reconciler.reconcilerName] = await reconciler.reconcile();
      } catch (error) {
        this.logger.error(`Reconciling ${reconciler.reconcilerName} failed: ${(error as Error).message}`);
      }
    }
    const offered = Object.entries(written).filter(([, count]) => count > 0);
    if (offered.length > 0)
      this.logger.log(
        `Offered again from the database what no queue held (${occasion}): ${offered.map(([name, count]) => `${count} ${name}`).join(', ')}`,
      );
    return written;
  }

  private schedule(delayMs: number, occasion: ReconcileOccasion): void {
    this.timer = setTimeout(() => {
      void this.runOnce(occasion).finally(() => {
        if (!this.stopped) this.schedule(this.config.reconciliation.everySeconds * 1000, 'periodic');
      });
    }, delayMs);
    // A pending reconciliation alone does not keep the process alive.
    this.timer.unref();
  }
}
