import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { MessageQueue, QueueJob } from '../queue/message-queue';
import { CaseRoutingService } from './case-routing.service';
import { ROUTE_CASE_JOB, RouteCaseJobData } from './route-case.job';

/** Runs the routing jobs, in whichever process runs processors. */
@Injectable()
export class RoutingProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly queue: MessageQueue,
    private readonly routing: CaseRoutingService,
  ) {}

  onApplicationBootstrap(): void {
    this.queue.work<RouteCaseJobData>('routing', (job) => this.process(job), { concurrency: 4 });
  }

  private async process(job: QueueJob<RouteCaseJobData>): Promise<void> {
    if (job.name !== ROUTE_CASE_JOB) throw new Error(`The routing queue has no job "${job.name}"`);
    await this.routing.route(job.data.caseId);
  }
}
