import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { MessageQueue, QueueJob } from '../queue/message-queue';
import { CaseTargetChecks } from './case-target-checks.service';
import { CASE_TARGET_CHECK_JOB, CaseTargetCheckData } from './service-target-jobs';

type CheckHandler = (data: never) => Promise<void>;

/**
 * The processor of the `service-targets` queue. A queue has one processor, so the callbacks
 * area registers its checks here (by job name) instead of working the queue itself.
 */
@Injectable()
export class ServiceTargetProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly handlers = new Map<string, CheckHandler>();

  constructor(
    private readonly queue: MessageQueue,
    private readonly caseChecks: CaseTargetChecks,
  ) {}

  onModuleInit(): void {
    this.register<CaseTargetCheckData>(CASE_TARGET_CHECK_JOB, (data) => this.caseChecks.run(data));
  }

  /** After every module's onModuleInit, so every handler is registered before the first job. */
  onApplicationBootstrap(): void {
    this.queue.work<unknown>('service-targets', (job) => this.process(job), { concurrency: 4 });
  }

  register<T>(jobName: string, handler: (data: T) => Promise<void>): void {
    this.handlers.set(jobName, handler);
  }

  private async process(job: QueueJob<unknown>): Promise<void> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`The service-targets queue has no job "${job.name}"`);
    await handler(job.data as never);
  }
}
