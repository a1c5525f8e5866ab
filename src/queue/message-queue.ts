import { Logger } from '@nestjs/common';
import { QueueName } from './queue-names';

/**
 * The queue every area uses for work that can wait (routing, notifications, webhooks,
 * escalations). Two drivers stand behind it, chosen by configuration: BullMQ on Redis
 * when REDIS_URL is set, and an in-process driver when it is not. Producers and
 * processors only see this class; neither knows which driver runs.
 *
 * Producers normally do not call `add` themselves: they write an outbox row in their
 * own transaction (OutboxService) and the relay calls `add` once the row is committed.
 * Areas do not call `work` either: they declare handlers with `@OnJob` (JobRegistry).
 */
export abstract class MessageQueue {
  abstract readonly driver: QueueDriverName;
  protected readonly logger = new Logger('Queue');
  private readonly outcomeListeners: Array<(outcome: JobOutcome) => void> = [];

  constructor(private readonly runsWorkers: boolean) {}

  /**
   * Adds a job. With a jobId (the idempotency key, e.g. `route:<caseId>`) a job whose id is
   * already waiting, delayed, active, recently completed or failed is not added again.
   */
  abstract add<T>(queue: QueueName, jobName: string, data: T, options?: JobOptions): Promise<void>;

  /**
   * Removes a job that is not running (to plan it anew: its key is free again afterwards);
   * false when there is no such job or it is running.
   */
  abstract remove(queue: QueueName, jobId: string): Promise<boolean>;

  /**
   * Whether the queue keeps a job under this key: waiting, delayed, running, or finished and
   * still kept. The reconcilers ask before offering a job again. @throws while Redis is down.
   */
  abstract holds(queue: QueueName, jobId: string): Promise<boolean>;

  abstract counts(queue: QueueName): Promise<QueueCounts>;

  /**
   * How many more jobs the queue should be handed now. The outbox relay hands a queue with no
   * room nothing, so jobs that cannot run yet wait in the database and not in this process's
   * memory. Unbounded here: Redis keeps BullMQ's waiting jobs.
   */
  roomFor(_queue: QueueName): number {
    return Number.POSITIVE_INFINITY;
  }

  /** The jobs that used up their attempts, newest first. */
  abstract failedJobs(queue: QueueName, limit?: number): Promise<FailedJob[]>;

  /** Whether the queue can take jobs right now (Redis answers). */
  abstract isAvailable(): Promise<boolean>;

  abstract close(): Promise<void>;

  protected abstract startWorker<T>(queue: QueueName, handler: JobHandler<T>, options: Required<WorkOptions>): void;

  /**
   * Starts the one worker of a queue; the job registry calls it for each queue, with a
   * handler that passes every job to the `@OnJob` method of its name. A handler that throws
   * is retried with backoff until the job's attempts are used up; then the job is kept as
   * failed. In an API process started with RUN_WORKERS=false this does nothing: the worker
   * processes run the jobs.
   */
  work<T>(queue: QueueName, handler: JobHandler<T>, options: WorkOptions = {}): void {
    if (!this.runsWorkers) {
      this.logger.log(`Not processing queue "${queue}" in this process (RUN_WORKERS=false)`);
      return;
    }
    this.startWorker(queue, handler, { concurrency: options.concurrency ?? 1 });
  }

  /** Called for every finished attempt; metrics count failures and completions from here. */
  onOutcome(listener: (outcome: JobOutcome) => void): void {
    this.outcomeListeners.push(listener);
  }

  protected report(outcome: JobOutcome): void {
    if (outcome.result === 'retrying')
      this.logger.warn(`Job ${outcome.queue}/${outcome.jobId} failed, retrying: ${outcome.error}`);
    if (outcome.result === 'failed')
      this.logger.error(
        `Job ${outcome.queue}/${outcome.jobId} failed for good after ${outcome.attemptsMade} attempts: ${outcome.error}`,
      );
    for (const listener of this.outcomeListeners) listener(outcome);
  }

  /** A key names what a job is about ("route:<caseId>"); a bare number would clash with generated ids. */
  protected checkJobId(jobId: string | undefined): void {
    if (jobId !== undefined && (jobId === '' || /^\d+$/.test(jobId)))
      throw new Error(`A job key says what the job is about, e.g. "route:<caseId>"; got "${jobId}"`);
  }
}

export type QueueDriverName = 'bullmq' | 'in-process';

export interface JobOptions {
  /** Idempotency key: the same key is not queued twice while a job with it is kept. */
  jobId?: string;
  delayMs?: number;
  /** Total tries including the first; default 1. */
  attempts?: number;
  backoff?: JobBackoff;
}

export interface JobBackoff {
  type: 'exponential' | 'fixed';
  /** Wait before the first retry; exponential doubles it for each further retry. */
  delayMs: number;
}

export interface WorkOptions {
  concurrency?: number;
}

export interface QueueJob<T> {
  id: string;
  name: string;
  data: T;
  /** Attempts made before this one (0 on the first try). */
  attemptsMade: number;
}

export type JobHandler<T> = (job: QueueJob<T>) => Promise<void>;

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

export interface FailedJob {
  id: string;
  name: string;
  data: unknown;
  attemptsMade: number;
  failedReason: string;
  failedAt: string | null;
}

export interface JobOutcome {
  queue: string;
  jobId: string;
  jobName: string;
  result: 'completed' | 'retrying' | 'failed';
  attemptsMade: number;
  error?: string;
}
