import { ApiProperty } from '@nestjs/swagger';
import { CASE_STATUSES } from '../../cases/case-lifecycle';
import { ApiInstant } from '../../common/api-instant.decorator';
import { CaseTargetView, MeasureView } from '../case-target.view';

class MeasurePlanResponse {
  @ApiProperty({
    enum: ['running', 'paused', 'met', 'missed', 'stopped', 'none'],
    description:
      'running: the clock goes; paused: the case waits; met: done by the due time; missed: breached or done late; ' +
      'stopped: the case ended without it (e.g. a duplicate); none: no policy sets a target',
  })
  state: string;

  @ApiInstant('When it is due', { nullable: true })
  dueAt: Date | null;

  @ApiInstant('When the warning check is planned; null once warned, while paused or when not running', {
    nullable: true,
  })
  warningAt: Date | null;

  @ApiInstant('When managers were warned', { nullable: true })
  warnedAt: Date | null;

  @ApiInstant('When it was found breached', { nullable: true })
  breachedAt: Date | null;

  @ApiInstant('When it was done: the first response, or the resolution', { nullable: true })
  doneAt: Date | null;
}

/** Where the service targets of one case stand: due times, warnings and breaches. */
export class CaseTargetPlanResponse {
  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ example: '2026-000123' })
  reference: string;

  @ApiProperty({ enum: CASE_STATUSES })
  status: string;

  @ApiProperty({ type: String, nullable: true, example: 'TEK' })
  departmentCode: string | null;

  @ApiProperty({ description: 'Bumped on every re-plan', example: 1 })
  planVersion: number;

  @ApiInstant('When the clock started: receipt, or the last reopening', { nullable: true })
  clockStartedAt: Date | null;

  @ApiInstant('Set while the case waits and the clock is stopped', { nullable: true })
  pausedAt: Date | null;

  @ApiProperty({ description: 'Working minutes spent waiting; the due times are moved by them', example: 0 })
  pausedWorkingMinutes: number;

  @ApiProperty({ type: MeasurePlanResponse })
  firstResponse: MeasurePlanResponse;

  @ApiProperty({ type: MeasurePlanResponse })
  resolution: MeasurePlanResponse;
}

function toMeasurePlanResponse(measure: MeasureView): MeasurePlanResponse {
  return {
    state: measure.state,
    dueAt: measure.dueAt,
    warningAt: measure.warningAt,
    warnedAt: measure.warnedAt,
    breachedAt: measure.breachedAt,
    doneAt: measure.doneAt,
  };
}

export function toCaseTargetPlanResponse(plan: CaseTargetView): CaseTargetPlanResponse {
  return {
    caseId: plan.caseId,
    reference: plan.reference,
    status: plan.status,
    departmentCode: plan.departmentCode,
    planVersion: plan.planVersion,
    clockStartedAt: plan.clockStartedAt,
    pausedAt: plan.pausedAt,
    pausedWorkingMinutes: plan.pausedWorkingMinutes,
    firstResponse: toMeasurePlanResponse(plan.firstResponse),
    resolution: toMeasurePlanResponse(plan.resolution),
  };
}
