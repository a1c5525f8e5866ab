/**
 * The service-target clock of one case, as plain rules: which measures still run, where their
 * due times go when the case is planned, paused and resumed, and which warning and breach
 * checks must be scheduled. The planner applies these to the case row; the queue runs the checks.
 *
 * Rules:
 * - The clock starts at receipt (or at the last reopening, for the resolution).
 * - A measure runs while the case is open and the measure is neither done (first response
 *   given, case resolved) nor breached. A done or breached measure keeps its due time for good,
 *   so the statistics compare against the promise that was in force.
 * - While the case waits the clock stands still; on resuming, every running due time moves
 *   later by the working minutes the case waited.
 */
import { CaseStatus, isOpen } from '../cases/case-lifecycle';
import { BusinessCalendar } from '../calendar/business-calendar';
import { dueAtFor, shiftByWorkingMinutes, warnAtFor } from './due-time';
import { CASE_MEASURES, CaseMeasure, TargetTime } from './service-target.types';

/** The fields of a case that the clock reads and writes (the Case entity has them all). */
export interface CaseTargetClock {
  status: CaseStatus;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  firstResponseWarnedAt: Date | null;
  resolutionWarnedAt: Date | null;
  firstResponseBreachedAt: Date | null;
  resolutionBreachedAt: Date | null;
  targetClockStartedAt: Date | null;
  targetPausedAt: Date | null;
  targetPausedWorkingMinutes: number;
}

type InstantField =
  | 'firstResponseAt'
  | 'resolvedAt'
  | 'firstResponseDueAt'
  | 'resolutionDueAt'
  | 'firstResponseWarnedAt'
  | 'resolutionWarnedAt'
  | 'firstResponseBreachedAt'
  | 'resolutionBreachedAt';

/** Where each measure keeps its times on the case. */
export const MEASURE_FIELDS: Record<
  CaseMeasure,
  { doneAt: InstantField; dueAt: InstantField; warnedAt: InstantField; breachedAt: InstantField }
> = {
  first_response: {
    doneAt: 'firstResponseAt',
    dueAt: 'firstResponseDueAt',
    warnedAt: 'firstResponseWarnedAt',
    breachedAt: 'firstResponseBreachedAt',
  },
  resolution: {
    doneAt: 'resolvedAt',
    dueAt: 'resolutionDueAt',
    warnedAt: 'resolutionWarnedAt',
    breachedAt: 'resolutionBreachedAt',
  },
};

export type CaseDueTimes = Record<CaseMeasure, Date | null>;

export interface ScheduledCheck {
  measure: CaseMeasure;
  check: 'warning' | 'breach';
  /** When the check is to run (UTC). */
  at: Date;
  /** The due time the check is about, so a check that finds another due time knows it is stale. */
  dueAt: Date;
}

export function isRunning(clock: CaseTargetClock, measure: CaseMeasure): boolean {
  const fields = MEASURE_FIELDS[measure];
  return (
    isOpen(clock.status) &&
    clock.status !== 'duplicate' &&
    clock[fields.doneAt] === null &&
    clock[fields.breachedAt] === null
  );
}

/**
 * Due times of a fresh plan from the targets: from the clock's start, moved by the working
 * minutes already paused. Measures that no longer run keep theirs; a measure without a target
 * has no due time.
 */
export function plannedDueTimes(
  calendar: BusinessCalendar,
  clock: CaseTargetClock,
  targets: Record<CaseMeasure, TargetTime | null>,
): CaseDueTimes {
  const startedAt = clock.targetClockStartedAt;
  const planned = currentDueTimes(clock);
  if (!startedAt) return planned;
  for (const measure of CASE_MEASURES) {
    if (!isRunning(clock, measure)) continue;
    const target = targets[measure];
    planned[measure] = target
      ? shiftByWorkingMinutes(calendar, dueAtFor(calendar, startedAt, target), clock.targetPausedWorkingMinutes)
      : null;
  }
  return planned;
}

/** Due times after a pause of `pausedWorkingMinutes`: the running ones move later by exactly that. */
export function resumedDueTimes(
  calendar: BusinessCalendar,
  clock: CaseTargetClock,
  pausedWorkingMinutes: number,
): CaseDueTimes {
  const resumed = currentDueTimes(clock);
  for (const measure of CASE_MEASURES) {
    const dueAt = resumed[measure];
    if (dueAt && isRunning(clock, measure))
      resumed[measure] = shiftByWorkingMinutes(calendar, dueAt, pausedWorkingMinutes);
  }
  return resumed;
}

/** Running measures whose due time has passed: a change at `now` finds them breached already. */
export function overdueMeasures(clock: CaseTargetClock, now: Date): CaseMeasure[] {
  return CASE_MEASURES.filter((measure) => {
    const dueAt = clock[MEASURE_FIELDS[measure].dueAt];
    return isRunning(clock, measure) && dueAt !== null && dueAt.getTime() <= now.getTime();
  });
}

/** The warning and breach checks a running, unpaused clock needs; a measure warned already gets no second warning. */
export function checksToSchedule(
  calendar: BusinessCalendar,
  clock: CaseTargetClock,
  warningShare: number,
): ScheduledCheck[] {
  if (clock.targetPausedAt || !clock.targetClockStartedAt) return [];
  const checks: ScheduledCheck[] = [];
  for (const measure of CASE_MEASURES) {
    const fields = MEASURE_FIELDS[measure];
    const dueAt = clock[fields.dueAt];
    if (!dueAt || !isRunning(clock, measure)) continue;
    if (clock[fields.warnedAt] === null) {
      const warnAt = warnAtFor(
        calendar,
        clock.targetClockStartedAt,
        dueAt,
        clock.targetPausedWorkingMinutes,
        warningShare,
      );
      if (warnAt) checks.push({ measure, check: 'warning', at: warnAt, dueAt });
    }
    checks.push({ measure, check: 'breach', at: dueAt, dueAt });
  }
  return checks;
}

function currentDueTimes(clock: CaseTargetClock): CaseDueTimes {
  return { first_response: clock.firstResponseDueAt, resolution: clock.resolutionDueAt };
}
