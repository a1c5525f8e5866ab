import { ApiProperty } from '@nestjs/swagger';
import { ApiInstant } from '../../common/api-instant.decorator';
import { CASE_STATUSES } from '../case-lifecycle';
import { CASE_EVENT_TYPES, CaseEvent } from '../entities/case-event.entity';

/**
 * One event on a case's timeline, field for field as it is stored (CaseEvent). Every change to a
 * case appends one: its creation, status changes, notes, replies to the citizen, triage and
 * routing decisions, notifications and service-target alarms. A reader who may not read a
 * confidential case sees its events with reason, body and data emptied.
 */
export class CaseEventResponse {
  @ApiProperty({ description: 'Increasing in the order the events happened', example: 42 })
  id: number;

  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ enum: CASE_EVENT_TYPES })
  type: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The staff member who acted; null when the system did (routing, a queue job)',
  })
  actorId: string | null;

  @ApiProperty({ type: String, enum: CASE_STATUSES, nullable: true, description: 'The status before a status change' })
  fromStatus: string | null;

  @ApiProperty({ type: String, enum: CASE_STATUSES, nullable: true, description: 'The status after it' })
  toStatus: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why, as the actor gave it' })
  reason: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The text of a note or of a reply to the citizen' })
  body: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      'Details that depend on the type, e.g. the catalog type and confidence of a triage, the LIX of a reply',
    example: { lix: 36.3 },
  })
  data: Record<string, unknown> | null;

  @ApiInstant('When it happened')
  at: Date;
}

/** The one place a timeline event becomes an answer. */
export function toCaseEventResponse(event: CaseEvent): CaseEventResponse {
  return {
    id: event.id,
    caseId: event.caseId,
    type: event.type,
    actorId: event.actorId,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    reason: event.reason,
    body: event.body,
    data: event.data,
    at: event.at,
  };
}
