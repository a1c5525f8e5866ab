import { Job, Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { FailedJob, JobHandler, JobOptions, MessageQueue, QueueCounts, WorkOptions } from './message-queue';
import { QUEUE_NAMES, QueueName } from './queue-names';
import { QueueUnavailableError } from './queue-unavailable.error';
import { redisConnectionOptions } from './redis-connection-options';
import { evictionPolicyWarning } from './redis-eviction-policy';

/** Completed jobs are kept an hour so that their ids still block duplicates; failed ones a week, to look at. */
const KEEP_COMPLETED = { age: 3600, count: 1000 };
const KEEP_FAILED = { age: 7 * 24 * 3600, count: 1000 };
/** A command to Redis that has not answered by then is treated as Redis being down. */
const COMMAND_TIMEOUT_MS = 5000;
/** How long a closing process waits for running jobs. */
const CLOSE_GRACE_MS = 10_000;

/**
 * BullMQ on Redis: jobs survive a restart of the app and any number of worker processes
 * can share them. The job key is BullMQ's jobId, so BullMQ itself refuses a duplicate.
 */
export class BullMqQueueDriver extends MessageQueue {
  readonly driver = 'bullmq' as const;
  /** One connection for producing and reading counts; it fails fast while Redis is down instead of buffering. */
  private readonly producer: IORedis;
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private lastConnectionWarning = 0;

  /** `lockMs`: how long a running job stays locked to a worker that gives no sign of life (BullMQ's lockDuration). */
  constructor(
    private readonly redisUrl: string,
    private readonly prefix: string,
    runsWorkers: boolean,
    private readonly lockMs = 30_000,
  ) {
    super(runsWorkers);
    this.producer = new IORedis({
      ...redisConnectionOptions(redisUrl),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    this.producer.on('error', (error: Error) => this.warnConnection(error));
    this.producer.once('ready', () => void this.checkEvictionPolicy());
  }

  async add<T>(queue: QueueName, jobName: string, data: T, options: JobOptions = {}): Promise<void> {
    this.checkJobId(options.jobId);
    this.requireConnection();
    await withTimeout(
      this.queue(queue).add(jobName, data, {
        jobId: options.jobId === undefined ? undefined : encodeJobId(options.jobId),
        delay: Math.max(0, options.delayMs ?? 0),
        attempts: Math.max(1, options.attempts ?? 1),
        backoff: options.backoff ? { type: options.backoff.type, delay: options.backoff.delayMs } : undefined,
        removeOnComplete: KEEP_COMPLETED,
        removeOnFail: KEEP_FAILED,
      }),
    );
  }

  async remove(queue: QueueName, jobId: string): Promise<boolean> {
    this.requireConnection();
    const state = await withTimeout(this.queue(queue).getJobState(encodeJobId(jobId)));
    // BullMQ answers 1 for a job it never had, and refuses a running one (locked).
    if (state === 'unknown' || state === 'active') return false;
    return (await withTimeout(this.queue(queue).remove(encodeJobId(jobId)))) === 1;
  }

  async holds(queue: QueueName, jobId: string): Promise<boolean> {
    this.requireConnection();
    return (await withTimeout(this.queue(queue).getJobState(encodeJobId(jobId)))) !== 'unknown';
  }

  async counts(queue: QueueName): Promise<QueueCounts> {
    this.requireConnection();
    const counts = await withTimeout(
      this.queue(queue).getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed'),
    );
    return {
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      failed: counts.failed ?? 0,
      completed: counts.completed ?? 0,
    };
  }

  async failedJobs(queue: QueueName, limit = 50): Promise<FailedJob[]> {
    this.requireConnection();
    const jobs = await withTimeout(this.queue(queue).getFailed(0, limit - 1));
    return jobs.map((job) => ({
      id: decodeJobId(String(job.id)),
      name: job.name,
      data: job.data as unknown,
      attemptsMade: job.attemptsMade,
      failedReason: job.failedReason ?? '',
      failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    }));
  }

  async isAvailable(): Promise<boolean> {
    if (this.producer.status !== 'ready') return false;
    try {
      return (await withTimeout(this.producer.ping(), 1000)) === 'PONG';
    } catch {
      return false;
    }
  }

  /** The BullMQ queues themselves, for the dashboard. */
  bullQueues(): Queue[] {
    return QUEUE_NAMES.map((name) => this.queue(name));
  }

  /**
   * Lets running jobs finish, but not for ever: with Redis down a worker cannot close
   * cleanly, and a process that is being stopped must stop. A job cut short is retried.
   */
  async close(): Promise<void> {
    // Without Redis a running job could not report its end anyway.
    const graceMs = this.producer.status === 'ready' ? CLOSE_GRACE_MS : 500;
    const graceful = await settlesWithin(Promise.allSettled(this.workers.map((worker) => worker.close())), graceMs);
    if (!graceful) await settlesWithin(Promise.allSettled(this.workers.map((worker) => worker.close(true))), 1000);
    await settlesWithin(Promise.allSettled([...this.queues.values()].map((queue) => queue.close())), 1000);
    this.producer.disconnect();
  }

  protected startWorker<T>(queue: QueueName, handler: JobHandler<T>, options: Required<WorkOptions>): void {
    const worker = new Worker(
      queue,
      async (job: Job) =>
        handler({
          id: decodeJobId(String(job.id)),
          name: job.name,
          data: job.data as T,
          attemptsMade: job.attemptsMade,
        }),
      {
        connection: redisConnectionOptions(this.redisUrl),
        prefix: this.prefix,
        concurrency: options.concurrency,
        // A dead worker's running jobs go back to waiting once their lock has run out, looked for as often.
        lockDuration: this.lockMs,
        stalledInterval: this.lockMs,
      },
    );
    worker.on('completed', (job: Job) =>
      this.report({
        queue,
        jobId: decodeJobId(String(job.id)),
        jobName: job.name,
        result: 'completed',
        attemptsMade: job.attemptsMade,
      }),
    );
    worker.on('failed', (job: Job | undefined, error: Error) => {
      if (!job) return;
      const final = job.attemptsMade >= (job.opts.attempts ?? 1);
      this.report({
        queue,
        jobId: decodeJobId(String(job.id)),
        jobName: job.name,
        result: final ? 'failed' : 'retrying',
        attemptsMade: job.attemptsMade,
        error: error.message,
      });
    });
    worker.on('error', (error: Error) => this.warnConnection(error));
    this.workers.push(worker);
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.producer, prefix: this.prefix });
      queue.on('error', (error: Error) => this.warnConnection(error));
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * Warns once, at the first connection, when Redis may drop queued jobs under memory pressure
   * (an eviction policy other than noeviction), or when it would not say (CONFIG refused).
   */
  private async checkEvictionPolicy(): Promise<void> {
    let warning: string | null;
    try {
      const answer = (await withTimeout(this.producer.config('GET', 'maxmemory-policy'))) as string[];
      warning = evictionPolicyWarning({ policy: answer[1] ?? null });
    } catch (error) {
      warning = evictionPolicyWarning({ refused: (error as Error).message });
    }
    if (warning) this.logger.warn(warning);
  }

  /** Before the first connection BullMQ would wait for Redis without end; the caller must hear "not now" at once. */
  private requireConnection(): void {
    if (this.producer.status !== 'ready')
      throw new QueueUnavailableError(`Redis is not connected (${this.producer.status})`);
  }

  /** While Redis is down every connection reports each try; one line every ten seconds is enough. */
  private warnConnection(error: Error): void {
    const now = Date.now();
    if (now - this.lastConnectionWarning < 10_000) return;
    this.lastConnectionWarning = now;
    this.logger.warn(`Redis connection problem: ${error.message}`);
  }
}

/** BullMQ reserves ":" in job ids for its own repeat jobs; our keys ("route:<caseId>") are stored escaped. */
function encodeJobId(jobId: string): string {
  return jobId.replace(/%/g, '%25').replace(/:/g, '%3A');
}

function decodeJobId(stored: string): string {
  return stored.replace(/%3A/g, ':').replace(/%25/g, '%');
}

async function settlesWithin(work: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([work.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function withTimeout<T>(work: Promise<T>, timeoutMs = COMMAND_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new QueueUnavailableError(`Redis did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
