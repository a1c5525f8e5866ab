import { CaseRecord } from '../cases/case-record';
import { isRunning, MEASURE_FIELDS, ScheduledCheck } from './case-target-clock';
import { CaseMeasure } from './service-target.types';

/**
 * Where one measure of a case stands: running (the clock goes), paused (the case waits), met
 * (done by the due time), missed (breached, or done after the due time), stopped (the case
 * ended without it, e.g. a duplicate) or none (no policy sets a target for it).
 */
export type MeasureState = 'running' | 'paused' | 'met' | 'missed' | 'stopped' | 'none';

export interface MeasureView {
  state: MeasureState;
  dueAt: Date | null;
  /** When the warning check is planned; null once warned, while paused or when not running. */
  warningAt: Date | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
  doneAt: Date | null;
}

export interface CaseTargetView {
  caseId: string;
  reference: string;
  status: string;
  departmentCode: string | null;
  planVersion: number;
  clockStartedAt: Date | null;
  pausedAt: Date | null;
  pausedWorkingMinutes: number;
  firstResponse: MeasureView;
  resolution: MeasureView;
}

export function toCaseTargetView(row: CaseRecord, checks: ScheduledCheck[]): CaseTargetView {
  const measure = (name: CaseMeasure): MeasureView => {
    const fields = MEASURE_FIELDS[name];
    const warning = checks.find((check) => check.measure === name && check.check === 'warning');
    return {
      state: stateOf(row, name),
      dueAt: row[fields.dueAt],
      warningAt: warning?.at ?? null,
      warnedAt: row[fields.warnedAt],
      breachedAt: row[fields.breachedAt],
      doneAt: row[fields.doneAt],
    };
  };
  return {
    caseId: row.id,
    reference: row.reference,
    status: row.status,
    departmentCode: row.departmentCode,
    planVersion: row.targetPlanVersion,
    clockStartedAt: row.targetClockStartedAt,
    pausedAt: row.targetPausedAt,
    pausedWorkingMinutes: row.targetPausedWorkingMinutes,
    firstResponse: measure('first_response'),
    resolution: measure('resolution'),
  };
}

function stateOf(row: CaseRecord, measure: CaseMeasure): MeasureState {
  const fields = MEASURE_FIELDS[measure];
  const dueAt = row[fields.dueAt];
  const doneAt = row[fields.doneAt];
  if (!dueAt) return 'none';
  if (row[fields.breachedAt] || (doneAt && doneAt > dueAt)) return 'missed';
  if (doneAt) return 'met';
  if (isRunning(row, measure)) return row.targetPausedAt ? 'paused' : 'running';
  return 'stopped';
}
