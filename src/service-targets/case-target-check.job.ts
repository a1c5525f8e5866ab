import { Injectable } from '@nestjs/common';
import { defineJob } from '../queue/job-definition';
import { QueueJob } from '../queue/message-queue';
import { OnJob } from '../queue/on-job.decorator';
import { OutboxJob } from '../queue/outbox.service';
import { BusinessCalendar } from '../calendar/business-calendar';
import { CaseTargetClock, checksToSchedule } from './case-target-clock';
import { CaseTargetChecks } from './case-target-checks.service';
import { CaseMeasure } from './service-target.types';

/**
 * The delayed checks on the `service-targets` queue, for cases here and for callbacks in
 * `callback-target-check.job.ts`. A check is keyed by what it is about and, for a case, by
 * the plan version it belongs to: a re-plan writes checks under new keys and takes the old
 * ones back, and a check that still runs finds another version on the case and does nothing.
 */
export type TargetCheck = 'warning' | 'breach';
export const TARGET_CHECKS: readonly TargetCheck[] = ['warning', 'breach'];

export interface CaseTargetCheckData {
  caseId: string;
  measure: CaseMeasure;
  check: TargetCheck;
  planVersion: number;
  /** The due time the check is about (ISO), and when it is meant to run. */
  dueAt: string;
  runAt: string;
}

/** Warns of or records a breach of a case's due time: `case-target-check` on the `service-targets` queue. */
export const CASE_TARGET_CHECK_JOB = defineJob<CaseTargetCheckData>({
  queue: 'service-targets',
  name: 'case-target-check',
});

export function caseCheckKey(caseId: string, measure: CaseMeasure, check: TargetCheck, planVersion: number): string {
  return `sla-${check === 'warning' ? 'warn' : 'breach'}:${caseId}:${measure}:${planVersion}`;
}

export function caseCheckJob(data: CaseTargetCheckData, now: Date): OutboxJob {
  return CASE_TARGET_CHECK_JOB.outboxJob(
    caseCheckKey(data.caseId, data.measure, data.check, data.planVersion),
    data,
    delayUntil(data.runAt, now),
  );
}

/**
 * The check jobs a case's current plan needs (checksToSchedule), keyed by the plan version:
 * what the planner queues when it adopts a plan, and what the reconciler offers again.
 * `now` is the domain's clock, from which the delays are counted.
 */
export function caseCheckJobs(
  calendar: BusinessCalendar,
  target: CaseTargetClock & { id: string; targetPlanVersion: number },
  warningShare: number,
  now: Date,
): OutboxJob[] {
  return checksToSchedule(calendar, target, warningShare).map((check) =>
    caseCheckJob(
      {
        caseId: target.id,
        measure: check.measure,
        check: check.check,
        planVersion: target.targetPlanVersion,
        dueAt: check.dueAt.toISOString(),
        runAt: check.at.toISOString(),
      },
      now,
    ),
  );
}

/** The delay of a check meant to run at `runAt` (ISO), in milliseconds; a check whose time has passed runs at once. */
export function delayUntil(runAt: string, now: Date): number {
  return Math.max(0, Date.parse(runAt) - now.getTime());
}

/** Runs the case checks, in whichever process runs the queues' workers. */
@Injectable()
export class CaseTargetCheckJob {
  constructor(private readonly checks: CaseTargetChecks) {}

  @OnJob(CASE_TARGET_CHECK_JOB)
  async run(job: QueueJob<CaseTargetCheckData>): Promise<void> {
    await this.checks.run(job.data);
  }
}
