import { Injectable } from '@nestjs/common';
import { defineJob } from '../queue/job-definition';
import { QueueJob } from '../queue/message-queue';
import { OnJob } from '../queue/on-job.decorator';
import { OutboxJob } from '../queue/outbox.service';
import { CaseRoutingService } from './case-routing.service';

export interface RouteCaseJobData {
  caseId: string;
}

/** Routes a case to its department (or leaves it for an agent): `route-case` on the `routing` queue. */
export const ROUTE_CASE_JOB = defineJob<RouteCaseJobData>({ queue: 'routing', name: 'route-case' });

/**
 * The routing job for a case. At intake it is keyed `route:<caseId>`, so the case is routed
 * once however often the job is delivered. A later triage by hand asks for routing again
 * under a key of its own (`route:<caseId>:<what happened>`): the intake job's key may still
 * be held by the queue as completed.
 */
export function routeCaseJob(caseId: string, after?: string): OutboxJob {
  return ROUTE_CASE_JOB.outboxJob(after ? `route:${caseId}:${after}` : `route:${caseId}`, { caseId });
}

/** Runs the routing jobs, in whichever process runs the queues' workers. */
@Injectable()
export class RouteCaseJob {
  constructor(private readonly routing: CaseRoutingService) {}

  /** Looks at the case as it is now, so a duplicate or late delivery changes nothing. */
  @OnJob(ROUTE_CASE_JOB)
  async run(job: QueueJob<RouteCaseJobData>): Promise<void> {
    await this.routing.route(job.data.caseId);
  }
}
