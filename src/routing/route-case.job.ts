import { OutboxJob } from '../queue/outbox.service';

export const ROUTE_CASE_JOB = 'route-case';

export interface RouteCaseJobData {
  caseId: string;
}

/**
 * The routing job for a case. At intake it is keyed `route:<caseId>`, so the case is routed
 * once however often the job is delivered. A later triage by hand asks for routing again
 * under a key of its own (`route:<caseId>:<what happened>`): the intake job's key may still
 * be held by the queue as completed.
 */
export function routeCaseJob(caseId: string, after?: string): OutboxJob {
  const payload: RouteCaseJobData = { caseId };
  return {
    queue: 'routing',
    jobName: ROUTE_CASE_JOB,
    key: after ? `route:${caseId}:${after}` : `route:${caseId}`,
    payload,
  };
}
