import { Injectable, LoggerService, Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test, TestingModule } from '@nestjs/testing';
import { InProcessQueueDriver } from './in-process-queue.driver';
import { defineJob } from './job-definition';
import { JobRegistryError } from './job-registry.error';
import { JobRegistry, QUEUE_CATALOG } from './job-registry.service';
import { MessageQueue, QueueJob } from './message-queue';
import { OnJob } from './on-job.decorator';
import { QueueCatalog } from './queue-names';

// Jobs under the application's queue and job names; each test's catalog says which of them are defined.
const ROUTE = defineJob<{ caseId: string }>({ queue: 'routing', name: 'route-case' });
const CASE_CHECK = defineJob<{ caseId: string }>({ queue: 'service-targets', name: 'case-target-check' });
const CALLBACK_CHECK = defineJob<{ contactId: string }>({ queue: 'service-targets', name: 'callback-target-check' });

/** The queue logs failed jobs, which one test causes on purpose. */
const SILENT: LoggerService = { log: () => undefined, error: () => undefined, warn: () => undefined };

const CATALOG: QueueCatalog = {
  routing: { concurrency: 2, jobs: ['route-case'] },
  'service-targets': { concurrency: 3, jobs: ['case-target-check', 'callback-target-check'] },
};

@Injectable()
class Router {
  readonly routed: string[] = [];

  @OnJob(ROUTE)
  async run(job: QueueJob<{ caseId: string }>): Promise<void> {
    this.routed.push(job.data.caseId);
  }
}

@Injectable()
class SecondRouter {
  @OnJob(ROUTE)
  async route(): Promise<void> {}
}

@Injectable()
class TargetChecks {
  readonly checked: string[] = [];

  @OnJob(CASE_CHECK)
  async checkCase(job: QueueJob<{ caseId: string }>): Promise<void> {
    this.checked.push(`case ${job.data.caseId}`);
  }

  @OnJob(CALLBACK_CHECK)
  async checkCallback(job: QueueJob<{ contactId: string }>): Promise<void> {
    this.checked.push(`callback ${job.data.contactId}`);
  }

  /** Not a handler: the registry leaves it alone. */
  async plan(): Promise<void> {}
}

describe('JobRegistry', () => {
  let queue: InProcessQueueDriver;
  let moduleRef: TestingModule | undefined;

  beforeEach(() => {
    queue = new InProcessQueueDriver();
    moduleRef = undefined;
  });
  afterEach(async () => {
    await moduleRef?.close();
    await queue.close();
  });

  /** Starts a module with the registry; one that failed to start has nothing to close (and close() would rethrow). */
  async function start(catalog: QueueCatalog, providers: Array<Type | object>): Promise<TestingModule> {
    const compiled = await Test.createTestingModule({
      imports: [DiscoveryModule],
      providers: [
        JobRegistry,
        { provide: MessageQueue, useValue: queue },
        { provide: QUEUE_CATALOG, useValue: catalog },
        ...(providers as Type[]),
      ],
    })
      .setLogger(SILENT)
      .compile();
    await compiled.init();
    moduleRef = compiled;
    return compiled;
  }

  async function startupError(catalog: QueueCatalog, providers: Array<Type | object>): Promise<JobRegistryError> {
    const error = await start(catalog, providers).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(JobRegistryError);
    return error as JobRegistryError;
  }

  it('runs each job with the handler that declares it, on one worker per queue with its concurrency', async () => {
    const work = jest.spyOn(queue, 'work');
    const app = await start(CATALOG, [Router, TargetChecks]);
    expect(work.mock.calls.map(([name, , options]) => [name, options])).toEqual([
      ['routing', { concurrency: 2 }],
      ['service-targets', { concurrency: 3 }],
    ]);
    expect(app.get(JobRegistry).registered()).toEqual([
      { queue: 'routing', concurrency: 2, job: 'route-case', handler: 'Router.run' },
      { queue: 'service-targets', concurrency: 3, job: 'case-target-check', handler: 'TargetChecks.checkCase' },
      { queue: 'service-targets', concurrency: 3, job: 'callback-target-check', handler: 'TargetChecks.checkCallback' },
    ]);

    await queue.add('routing', 'route-case', { caseId: 'c1' }, { jobId: 'route:c1' });
    await queue.add('service-targets', 'callback-target-check', { contactId: 'k1' }, { jobId: 'callback-warn:k1' });
    await queue.add('service-targets', 'case-target-check', { caseId: 'c2' }, { jobId: 'sla-warn:c2:resolution:1' });
    await drained(queue);
    expect(app.get(Router).routed).toEqual(['c1']);
    expect(app.get(TargetChecks).checked).toEqual(['callback k1', 'case c2']);
  });

  it('counts a provider reached under a second token (useExisting) as one handler', async () => {
    const app = await start(CATALOG, [Router, TargetChecks, { provide: 'RouterAlias', useExisting: Router }]);
    expect(
      app
        .get(JobRegistry)
        .registered()
        .filter((job) => job.job === 'route-case'),
    ).toHaveLength(1);
  });

  it('fails a job whose name its queue does not know, and keeps it with the reason', async () => {
    await start(CATALOG, [Router, TargetChecks]);
    await queue.add('routing', 'archive-case', { caseId: 'c1' }, { jobId: 'archive:c1' });
    await drained(queue);
    expect((await queue.failedJobs('routing')).map((job) => job.failedReason)).toEqual([
      'The routing queue has no job "archive-case"',
    ]);
  });

  it('refuses to start when a defined job has no handler', async () => {
    const error = await startupError(CATALOG, [Router]);
    expect(error.message).toBe(
      [
        'The jobs and their handlers do not match:',
        '  - job "case-target-check" on queue "service-targets" has no handler: mark one method with ' +
          '@OnJob(<its definition>) in a provider of a module this process loads',
        '  - job "callback-target-check" on queue "service-targets" has no handler: mark one method with ' +
          '@OnJob(<its definition>) in a provider of a module this process loads',
      ].join('\n'),
    );
  });

  it('refuses to start when a job has two handlers, naming both', async () => {
    const error = await startupError(CATALOG, [Router, SecondRouter, TargetChecks]);
    expect(error.problems).toEqual([
      'job "route-case" on queue "routing" has 2 handlers (Router.run, SecondRouter.route); a job has exactly one',
    ]);
  });

  it('refuses to start when a handler names a job its queue does not define', async () => {
    const error = await startupError(
      { ...CATALOG, 'service-targets': { concurrency: 3, jobs: ['case-target-check'] } },
      [Router, TargetChecks],
    );
    expect(error.problems).toEqual([
      'TargetChecks.checkCallback handles job "callback-target-check" on queue "service-targets", which is not ' +
        'defined (the queue carries "case-target-check")',
    ]);
  });

  it('refuses to start when a handler names a queue that is not defined', async () => {
    const error = await startupError({ routing: CATALOG.routing }, [Router, TargetChecks]);
    expect(error.problems).toEqual([
      'TargetChecks.checkCase handles job "case-target-check" on queue "service-targets", which is not defined ' +
        '(there is no such queue)',
      'TargetChecks.checkCallback handles job "callback-target-check" on queue "service-targets", which is not ' +
        'defined (there is no such queue)',
    ]);
  });

  it('checks the handlers in a process that runs no workers (RUN_WORKERS=false) too, and starts none', async () => {
    queue = new InProcessQueueDriver(false);
    await startupError(CATALOG, [Router]);
    const startWorker = jest.spyOn(queue as unknown as { startWorker: () => void }, 'startWorker');
    await start(CATALOG, [Router, TargetChecks]);
    expect(startWorker).not.toHaveBeenCalled();
  });
});

/** Waits until no job of the in-process queue is waiting or running. */
async function drained(queue: InProcessQueueDriver): Promise<void> {
  for (let turn = 0; turn < 100; turn += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    const counts = await Promise.all([queue.counts('routing'), queue.counts('service-targets')]);
    if (counts.every((count) => count.waiting + count.active === 0)) return;
  }
  throw new Error('The queue did not drain');
}
