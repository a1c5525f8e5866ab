import { FailedJob, JobBackoff, JobHandler, JobOptions, MessageQueue, QueueCounts, WorkOptions } from './message-queue';
import { MinHeap } from './min-heap';
import { QueueName } from './queue-names';

type JobState = 'waiting' | 'delayed' | 'active' | 'completed' | 'failed';

interface StoredJob {
  id: string;
  name: string;
  /** Kept as JSON text, as Redis would keep it: a producer cannot change a queued job afterwards. */
  payload: string;
  attempts: number;
  backoff: JobBackoff | undefined;
  state: JobState;
  attemptsMade: number;
  /** Not before this time (ms since the epoch); the order among ready jobs is by runAt, then by sequence. */
  runAt: number;
  sequence: number;
  finishedAt: number | null;
  failedReason: string | null;
}

interface QueueState {
  name: string;
  /** Every job kept, by its key: what refuses a second job with a key still held. */
  jobs: Map<string, StoredJob>;
  /** Waiting jobs, next first; and delayed jobs, due first. A job removed meanwhile is skipped when it comes up. */
  ready: MinHeap<StoredJob>;
  delayed: MinHeap<StoredJob>;
  /** Finished jobs in the order they finished, so the oldest are let go first without sorting. */
  completed: Map<string, StoredJob>;
  failed: Map<string, StoredJob>;
  handler: JobHandler<unknown> | null;
  concurrency: number;
  running: Set<Promise<void>>;
  timer: NodeJS.Timeout | null;
  pumpScheduled: boolean;
}

/** How long finished jobs are kept: their ids keep blocking duplicates, and failed jobs stay visible. */
const KEEP_COMPLETED_MS = 3600_000;
const KEEP_FAILED_MS = 7 * 24 * 3600_000;
const KEEP_AT_MOST = 1000;
/**
 * Jobs waiting to run that the relay fills a queue up to: beyond them, jobs wait in the outbox
 * table. Intake faster than a queue's jobs run (receipts sent slower than cases arrive)
 * then grows a table, not the heap.
 */
const HOLD_AT_MOST = 1000;
/** Node's longest timer (2^31 - 1 ms, about 24.8 days); a delay beyond it is waited out in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

const runsFirst = (a: StoredJob, b: StoredJob): boolean =>
  a.runAt < b.runAt || (a.runAt === b.runAt && a.sequence < b.sequence);

/**
 * Runs the jobs inside this process, for a machine with no Redis. Unlike a synchronous
 * driver it honours delays (escalations are delayed jobs), retries with backoff,
 * refuses a second job with a jobId it still keeps, and keeps failed jobs to look at.
 * Jobs live in memory only: what is queued when the process stops is gone. The outbox
 * keeps delayed jobs in the database until they are nearly due, and the reconcilers offer
 * again, at start and every few minutes, what the database says is still owed
 * (docs/queue-and-routing.md).
 *
 * What it holds is bounded, not growing with the app's lifetime: about 1000 jobs waiting per
 * queue (roomFor: the relay leaves the rest in the outbox), those retrying or due within
 * seconds (delayed jobs wait in the outbox until then), and at most 1000 finished jobs of each
 * kind per queue (completed for an hour, failed for a week). Adding or taking a job costs
 * O(log n), so a long-lived process does not slow down.
 *
 * Time here is the machine's real time, not the domain Clock: a test that freezes the
 * domain's "now" must not freeze the machinery that runs jobs.
 */
export class InProcessQueueDriver extends MessageQueue {
  readonly driver = 'in-process' as const;
  private readonly queues = new Map<string, QueueState>();
  private sequence = 0;
  private closed = false;

  /**
   * There is no other process that could run these jobs, so configuration does not let
   * this process stop running them; only a test holds them back (to drive a case by hand).
   */
  constructor(runsWorkers = true) {
    super(runsWorkers);
  }

  async add<T>(queue: QueueName, jobName: string, data: T, options: JobOptions = {}): Promise<void> {
    this.checkJobId(options.jobId);
    if (this.closed) throw new Error('The queue is closed');
    const state = this.state(queue);
    this.prune(state);
    const sequence = ++this.sequence;
    const id = options.jobId ?? String(sequence);
    if (state.jobs.has(id)) return;
    const delayMs = Math.max(0, options.delayMs ?? 0);
    const job: StoredJob = {
      id,
      name: jobName,
      payload: JSON.stringify(data ?? null),
      attempts: Math.max(1, options.attempts ?? 1),
      backoff: options.backoff,
      state: delayMs > 0 ? 'delayed' : 'waiting',
      attemptsMade: 0,
      runAt: Date.now() + delayMs,
      sequence,
      finishedAt: null,
      failedReason: null,
    };
    state.jobs.set(id, job);
    (job.state === 'delayed' ? state.delayed : state.ready).push(job);
    this.schedulePump(state);
  }

  async remove(queue: QueueName, jobId: string): Promise<boolean> {
    const state = this.state(queue);
    const job = state.jobs.get(jobId);
    if (!job || job.state === 'active') return false;
    // A waiting or delayed job stays in its heap until it comes up, and is skipped then.
    state.jobs.delete(jobId);
    state.completed.delete(jobId);
    state.failed.delete(jobId);
    return true;
  }

  override roomFor(queue: QueueName): number {
    const state = this.state(queue);
    // Waiting jobs only: a queue whose jobs are retrying after a long backoff must still take new ones.
    return Math.max(0, HOLD_AT_MOST - state.ready.size);
  }

  async holds(queue: QueueName, jobId: string): Promise<boolean> {
    const state = this.state(queue);
    this.prune(state);
    return state.jobs.has(jobId);
  }

  async counts(queue: QueueName): Promise<QueueCounts> {
    const state = this.state(queue);
    this.prune(state);
    const counts: QueueCounts = { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 };
    for (const job of state.jobs.values()) counts[job.state] += 1;
    return counts;
  }

  async failedJobs(queue: QueueName, limit = 50): Promise<FailedJob[]> {
    return [...this.state(queue).failed.values()]
      .reverse()
      .slice(0, limit)
      .map((job) => ({
        id: job.id,
        name: job.name,
        data: JSON.parse(job.payload) as unknown,
        attemptsMade: job.attemptsMade,
        failedReason: job.failedReason ?? '',
        failedAt: job.finishedAt === null ? null : new Date(job.finishedAt).toISOString(),
      }));
  }

  async isAvailable(): Promise<boolean> {
    return !this.closed;
  }

  /** Stops taking jobs and waits (a bounded time) for the running ones to finish. */
  async close(): Promise<void> {
    this.closed = true;
    const running: Promise<void>[] = [];
    for (const state of this.queues.values()) {
      if (state.timer) clearTimeout(state.timer);
      state.timer = null;
      running.push(...state.running);
    }
    await Promise.race([Promise.allSettled(running), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
  }

  protected startWorker<T>(queue: QueueName, handler: JobHandler<T>, options: Required<WorkOptions>): void {
    const state = this.state(queue);
    if (state.handler) throw new Error(`Queue "${queue}" already has a processor`);
    state.handler = handler as JobHandler<unknown>;
    state.concurrency = Math.max(1, options.concurrency);
    this.schedulePump(state);
  }

  private state(queue: string): QueueState {
    let state = this.queues.get(queue);
    if (!state) {
      state = {
        name: queue,
        jobs: new Map(),
        ready: new MinHeap(runsFirst),
        delayed: new MinHeap(runsFirst),
        completed: new Map(),
        failed: new Map(),
        handler: null,
        concurrency: 1,
        running: new Set(),
        timer: null,
        pumpScheduled: false,
      };
      this.queues.set(queue, state);
    }
    return state;
  }

  private schedulePump(state: QueueState): void {
    if (state.pumpScheduled) return;
    state.pumpScheduled = true;
    // A promise, not queueMicrotask: the job starts right after the caller's turn, never inside `add`.
    void Promise.resolve().then(() => {
      state.pumpScheduled = false;
      this.pump(state);
    });
  }

  /** Starts every job that is due, up to the concurrency, and sets a timer for the next delayed one. */
  private pump(state: QueueState): void {
    if (this.closed || !state.handler) return;
    const now = Date.now();
    for (let job = this.head(state, state.delayed, 'delayed'); job && job.runAt <= now;) {
      state.delayed.pop();
      job.state = 'waiting';
      state.ready.push(job);
      job = this.head(state, state.delayed, 'delayed');
    }
    while (state.running.size < state.concurrency) {
      const job = this.head(state, state.ready, 'waiting');
      if (!job) break;
      state.ready.pop();
      this.start(state, job);
    }
    this.armTimer(state);
  }

  /** The first job of a heap that is still there in that state; entries of removed jobs are dropped on the way. */
  private head(state: QueueState, heap: MinHeap<StoredJob>, expected: JobState): StoredJob | undefined {
    for (let job = heap.peek(); job; job = heap.peek()) {
      if (job.state === expected && state.jobs.get(job.id) === job) return job;
      heap.pop();
    }
    return undefined;
  }

  private armTimer(state: QueueState): void {
    if (state.timer) clearTimeout(state.timer);
    state.timer = null;
    const next = this.head(state, state.delayed, 'delayed');
    if (!next) return;
    // A timer longer than Node allows would fire at once, again and again; a shorter one that
    // finds nothing due simply arms the next.
    state.timer = setTimeout(() => this.pump(state), Math.min(Math.max(0, next.runAt - Date.now()), LONGEST_TIMER_MS));
    // A delayed job alone does not keep the process alive, as with Redis.
    state.timer.unref();
  }

  private start(state: QueueState, job: StoredJob): void {
    job.state = 'active';
    const handler = state.handler as JobHandler<unknown>;
    const run = (async () => {
      try {
        await handler({
          id: job.id,
          name: job.name,
          data: JSON.parse(job.payload) as unknown,
          attemptsMade: job.attemptsMade,
        });
        this.finish(state, job, null);
      } catch (error) {
        this.finish(state, job, error instanceof Error ? error.message : String(error));
      }
    })();
    state.running.add(run);
    void run.finally(() => {
      state.running.delete(run);
      this.schedulePump(state);
    });
  }

  private finish(state: QueueState, job: StoredJob, error: string | null): void {
    job.attemptsMade += 1;
    const base = { queue: state.name, jobId: job.id, jobName: job.name, attemptsMade: job.attemptsMade };
    if (error === null) {
      Object.assign(job, { state: 'completed', finishedAt: Date.now(), failedReason: null });
      state.completed.set(job.id, job);
      this.report({ ...base, result: 'completed' });
    } else if (job.attemptsMade < job.attempts) {
      Object.assign(job, {
        state: 'delayed',
        runAt: Date.now() + retryDelayMs(job.backoff, job.attemptsMade),
        failedReason: error,
      });
      state.delayed.push(job);
      this.report({ ...base, result: 'retrying', error });
    } else {
      Object.assign(job, { state: 'failed', finishedAt: Date.now(), failedReason: error });
      state.failed.set(job.id, job);
      this.report({ ...base, result: 'failed', error });
    }
    this.prune(state);
  }

  /** Lets go of the oldest finished jobs beyond the number or the age kept; each look costs what it lets go. */
  private prune(state: QueueState): void {
    const now = Date.now();
    for (const [finished, keepMs] of [
      [state.completed, KEEP_COMPLETED_MS],
      [state.failed, KEEP_FAILED_MS],
    ] as const) {
      for (const job of finished.values()) {
        if (finished.size <= KEEP_AT_MOST && now - (job.finishedAt ?? now) <= keepMs) break;
        finished.delete(job.id);
        if (state.jobs.get(job.id) === job) state.jobs.delete(job.id);
      }
    }
  }
}

/** The wait before retry number `retry` (1 for the first retry), the same arithmetic as BullMQ's. */
function retryDelayMs(backoff: JobBackoff | undefined, retry: number): number {
  if (!backoff) return 0;
  return backoff.type === 'fixed' ? backoff.delayMs : backoff.delayMs * 2 ** (retry - 1);
}
