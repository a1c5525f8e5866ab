import type { CaseEvent } from './entities/case-event.entity';
import type { Case } from './entities/case.entity';

/**
 * A case as other areas read it: every field of the stored case, read-only. Other areas get
 * cases only as records (from CaseRecordsService, or in a CaseChangeEvent) and change them only
 * through CaseWorkflowService. Times are UTC instants.
 */
export type CaseRecord = Readonly<Case>;

/** One event of a case's timeline, read-only. */
export type CaseEventRecord = Readonly<CaseEvent>;

/**
 * The service-target bookkeeping kept on a case (src/service-targets plans it): due times,
 * warnings and breaches, and the clock's pauses. UTC instants; working minutes.
 */
export type ServiceTargetState = Pick<
  Case,
  | 'firstResponseDueAt'
  | 'resolutionDueAt'
  | 'firstResponseWarnedAt'
  | 'resolutionWarnedAt'
  | 'firstResponseBreachedAt'
  | 'resolutionBreachedAt'
  | 'targetClockStartedAt'
  | 'targetPausedAt'
  | 'targetPausedWorkingMinutes'
  | 'targetPlanVersion'
  | 'targetPlanBasis'
>;

/** The service-target state of a case not yet planned (version 0: no checks were ever queued). */
export const UNPLANNED: ServiceTargetState = {
  firstResponseDueAt: null,
  resolutionDueAt: null,
  firstResponseWarnedAt: null,
  resolutionWarnedAt: null,
  firstResponseBreachedAt: null,
  resolutionBreachedAt: null,
  targetClockStartedAt: null,
  targetPausedAt: null,
  targetPausedWorkingMinutes: 0,
  targetPlanVersion: 0,
  targetPlanBasis: null,
};
