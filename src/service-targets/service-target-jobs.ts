import { OutboxJob } from '../queue/outbox.service';
import { CaseMeasure } from './service-target.types';

/**
 * The delayed checks on the `service-targets` queue. A check is keyed by what it is about and,
 * for a case, by the plan version it belongs to: a re-plan writes checks under new keys and
 * takes the old ones back, and a check that still runs finds another version on the case and
 * does nothing.
 */
export const CASE_TARGET_CHECK_JOB = 'case-target-check';
export const CALLBACK_TARGET_CHECK_JOB = 'callback-target-check';

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

export interface CallbackTargetCheckData {
  contactId: string;
  check: TargetCheck;
  dueAt: string;
  runAt: string;
}

export function caseCheckKey(caseId: string, measure: CaseMeasure, check: TargetCheck, planVersion: number): string {
  return `sla-${check === 'warning' ? 'warn' : 'breach'}:${caseId}:${measure}:${planVersion}`;
}

/** A callback's due time is set once, so its checks need no version. */
export function callbackCheckKey(contactId: string, check: TargetCheck): string {
  return `callback-${check === 'warning' ? 'warn' : 'breach'}:${contactId}`;
}

export function caseCheckJob(data: CaseTargetCheckData, now: Date): OutboxJob {
  return {
    queue: 'service-targets',
    jobName: CASE_TARGET_CHECK_JOB,
    key: caseCheckKey(data.caseId, data.measure, data.check, data.planVersion),
    payload: data,
    delayMs: delayUntil(data.runAt, now),
  };
}

export function callbackCheckJob(data: CallbackTargetCheckData, now: Date): OutboxJob {
  return {
    queue: 'service-targets',
    jobName: CALLBACK_TARGET_CHECK_JOB,
    key: callbackCheckKey(data.contactId, data.check),
    payload: data,
    delayMs: delayUntil(data.runAt, now),
  };
}

/** A check whose time has passed runs at once. */
function delayUntil(runAt: string, now: Date): number {
  return Math.max(0, Date.parse(runAt) - now.getTime());
}
