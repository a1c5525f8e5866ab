import { ApiProperty } from '@nestjs/swagger';
import { ApiInstant } from '../../common/api-instant.decorator';
import { PageResponse } from '../../common/page.response';
import { ALERT_KINDS, ManagerAlert } from '../entities/manager-alert.entity';
import { TARGET_MEASURES } from '../service-target.types';

/**
 * An alert to the managers of a department: a service target of a case or of a promised
 * callback is about to run out (warning) or has run out (breach), or an urgent case came in
 * while the service center was closed and the on-call staff were alerted (on_call).
 */
export class ManagerAlertResponse {
  @ApiProperty({ example: 17 })
  id: number;

  @ApiProperty({
    description: 'What the alert is about; unique, so a check run twice alerts once',
    example: 'breach:case:0b6f5c1e-8f0a-4e7e-9a51-2f4d1f0f3c2a:resolution:3',
  })
  alertKey: string;

  @ApiProperty({ enum: ALERT_KINDS })
  kind: string;

  @ApiProperty({ enum: TARGET_MEASURES, nullable: true, description: 'The target; null for an on-call alert' })
  measure: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The case, for a case target' })
  caseId: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-000123' })
  caseReference: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The contact, for a callback target' })
  contactId: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "The department whose managers are alerted; the service center's for callbacks",
    example: 'TEK',
  })
  departmentCode: string | null;

  @ApiInstant('When the target runs or ran out; null for an on-call alert', { nullable: true })
  dueAt: Date | null;

  @ApiInstant('When the alert was raised')
  raisedAt: Date;

  @ApiInstant('When a manager acknowledged it; null: not yet', { nullable: true })
  acknowledgedAt: Date | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who acknowledged it' })
  acknowledgedById: string | null;
}

export class ManagerAlertPageResponse extends PageResponse(ManagerAlertResponse) {}

export function toManagerAlertResponse(alert: ManagerAlert): ManagerAlertResponse {
  return {
    id: alert.id,
    alertKey: alert.alertKey,
    kind: alert.kind,
    measure: alert.measure,
    caseId: alert.caseId,
    caseReference: alert.caseReference,
    contactId: alert.contactId,
    departmentCode: alert.departmentCode,
    dueAt: alert.dueAt,
    raisedAt: alert.raisedAt,
    acknowledgedAt: alert.acknowledgedAt,
    acknowledgedById: alert.acknowledgedById,
  };
}
