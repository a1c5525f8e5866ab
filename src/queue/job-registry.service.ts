import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleInit,
  Optional,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { JobRegistryError } from './job-registry.error';
import { MessageQueue, QueueJob } from './message-queue';
import { handledJob } from './on-job.decorator';
import { QueueCatalog, QueueName } from './queue-names';

/** How long a job that failed while the database did not answer waits for it before its failure counts. */
const DATABASE_WAIT_MS = 10 * 60_000;
const DATABASE_PROBE_EVERY_MS = 1000;
const DATABASE_PROBE_TIMEOUT_MS = 5000;

/** The queues and jobs the registry checks the handlers against; `QUEUES` in the app, a smaller table in tests. */
export const QUEUE_CATALOG = Symbol('QUEUE_CATALOG');

/** One job of the registry: its queue, that queue's concurrency, and the method that handles it. */
export interface RegisteredJob {
  queue: QueueName;
  concurrency: number;
  job: string;
  /** `Class.method` */
  handler: string;
}

interface FoundHandler {
  queue: QueueName;
  job: string;
  label: string;
  run: (job: QueueJob<object>) => Promise<void>;
}

/**
 * Collects the `@OnJob` handlers of every provider the process loads, checks them against
 * the defined jobs, and runs one worker per queue that hands each job to its handler.
 *
 * At start-up (onModuleInit) it refuses, with a `JobRegistryError` naming queue and job, a
 * defined job with no handler or with two, and a handler of a job its queue does not define:
 * a process that starts can run every job it may be given. The workers start at
 * onApplicationBootstrap, once every module is initialised; with RUN_WORKERS=false the queue
 * starts none (the worker processes run the jobs) but the check still holds.
 *
 * Every handler reads and writes the database. A job that fails while the database does not
 * answer (PostgreSQL restarting) would fail again on each retry and use up its attempts in
 * seconds; so it waits until the database answers again (at most ten minutes) before its
 * failure is counted and it is retried. A restart then costs each running job one try, and the
 * jobs behind them wait in the queue.
 */
@Injectable()
export class JobRegistry implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('JobRegistry');
  /** Per queue, in the catalog's order: job name -> handler. */
  private readonly handlers = new Map<QueueName, Map<string, FoundHandler>>();
  private stopping = false;
  private lastOutageWarning = 0;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly queue: MessageQueue,
    @Inject(QUEUE_CATALOG) private readonly catalog: QueueCatalog,
    @Optional() private readonly dataSource?: DataSource,
  ) {}

  onModuleInit(): void {
    const found = this.discover();
    const problems = [...this.undefinedJobs(found), ...this.unhandledOrTwiceHandledJobs(found)];
    if (problems.length > 0) throw new JobRegistryError(problems);
    for (const queue of this.queueNames()) {
      const jobs = new Map(found.filter((handler) => handler.queue === queue).map((handler) => [handler.job, handler]));
      if (jobs.size > 0) this.handlers.set(queue, jobs);
    }
  }

  onApplicationBootstrap(): void {
    for (const [queue, jobs] of this.handlers) {
      const concurrency = this.concurrency(queue);
      this.logger.log(`Queue "${queue}": ${[...jobs.keys()].join(', ')} (concurrency ${concurrency})`);
      this.queue.work<object>(queue, (job) => this.dispatch(queue, jobs, job), { concurrency });
    }
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  /** Every job with its handler, queue by queue in the catalog's order. */
  registered(): RegisteredJob[] {
    return [...this.handlers].flatMap(([queue, jobs]) =>
      [...jobs.values()].map((handler) => ({
        queue,
        concurrency: this.concurrency(queue),
        job: handler.job,
        handler: handler.label,
      })),
    );
  }

  private async dispatch(queue: QueueName, jobs: Map<string, FoundHandler>, job: QueueJob<object>): Promise<void> {
    const handler = jobs.get(job.name);
    // A job queued under a name no longer handled (an older version's) fails and stays visible.
    if (!handler) throw new Error(`The ${queue} queue has no job "${job.name}"`);
    try {
      await handler.run(job);
    } catch (error) {
      await this.untilDatabaseAnswers();
      throw error;
    }
  }

  /** Returns at once while the database answers; else when it answers again, the wait is over, or the process stops. */
  private async untilDatabaseAnswers(): Promise<void> {
    if (!this.dataSource) return;
    const deadline = Date.now() + DATABASE_WAIT_MS;
    while (!this.stopping && Date.now() < deadline && !(await this.databaseAnswers())) {
      if (Date.now() - this.lastOutageWarning > 10_000) {
        this.lastOutageWarning = Date.now();
        this.logger.warn('The database does not answer; failed jobs wait for it before they are tried again');
      }
      await new Promise((resolve) => setTimeout(resolve, DATABASE_PROBE_EVERY_MS));
    }
  }

  private async databaseAnswers(): Promise<boolean> {
    const dataSource = this.dataSource as DataSource;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('no answer')), DATABASE_PROBE_TIMEOUT_MS);
    });
    try {
      await Promise.race([dataSource.query('SELECT 1'), timeout]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Every `@OnJob` method of every provider instance, each instance once (an alias shares its target's). */
  private discover(): FoundHandler[] {
    const seen = new Set<object>();
    const found: FoundHandler[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (wrapper.isAlias || !wrapper.isDependencyTreeStatic()) continue;
      if (typeof instance !== 'object' || instance === null || seen.has(instance)) continue;
      seen.add(instance);
      const methods = instance as Record<string, (job: QueueJob<object>) => Promise<void>>;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object)) {
        const definition = handledJob(methods[method]);
        if (!definition) continue;
        found.push({
          queue: definition.queue,
          job: definition.name,
          label: `${instance.constructor.name}.${method}`,
          run: (job) => methods[method](job),
        });
      }
    }
    return found;
  }

  private undefinedJobs(found: FoundHandler[]): string[] {
    return found.flatMap((handler) => {
      const jobs = this.catalog[handler.queue]?.jobs;
      if (jobs?.includes(handler.job)) return [];
      const why = jobs
        ? `the queue carries ${jobs.length > 0 ? jobs.map((job) => `"${job}"`).join(', ') : 'no jobs'}`
        : 'there is no such queue';
      return [
        `${handler.label} handles job "${handler.job}" on queue "${handler.queue}", which is not defined (${why})`,
      ];
    });
  }

  private unhandledOrTwiceHandledJobs(found: FoundHandler[]): string[] {
    return this.queueNames().flatMap((queue) =>
      (this.catalog[queue]?.jobs ?? []).flatMap((job) => {
        const handlers = found.filter((handler) => handler.queue === queue && handler.job === job);
        if (handlers.length === 0)
          return [
            `job "${job}" on queue "${queue}" has no handler: mark one method with @OnJob(<its definition>) ` +
              'in a provider of a module this process loads',
          ];
        if (handlers.length > 1)
          return [
            `job "${job}" on queue "${queue}" has ${handlers.length} handlers ` +
              `(${handlers.map((handler) => handler.label).join(', ')}); a job has exactly one`,
          ];
        return [];
      }),
    );
  }

  private queueNames(): QueueName[] {
    return Object.keys(this.catalog) as QueueName[];
  }

  private concurrency(queue: QueueName): number {
    return this.catalog[queue]?.concurrency ?? 1;
  }
}
