import { ApiProperty } from '@nestjs/swagger';
import { ApiInstant } from '../../common/api-instant.decorator';
import { CASE_ACTIONS, CASE_STATUSES } from '../case-lifecycle';
import { CaseEventRecord } from '../case-record';
import { CASE_EVENT_TYPES, NOTICE_TOPICS } from '../entities/case-event.entity';

/**
 * One event on a case's timeline, field for field as it is stored (CaseEvent; docs/cases.md,
 * "The timeline"): `created`; `status` (a lifecycle `action` from `fromStatus` to `toStatus`, by
 * a person or by the system); `note` and `reply`; `notice` (something the system remarks on,
 * named by `topic`). A reader who may not read a confidential case sees its events with reason,
 * body and data emptied.
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
    enum: CASE_ACTIONS,
    nullable: true,
    description: 'The lifecycle action of a `status` event; null for every other type',
  })
  action: string | null;

  @ApiProperty({
    type: String,
    enum: NOTICE_TOPICS,
    nullable: true,
    description: 'What a `notice` is about; null for every other type',
  })
  topic: string | null;

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
export function toCaseEventResponse(event: CaseEventRecord): CaseEventResponse {
  return {
    id: event.id,
    caseId: event.caseId,
    type: event.type,
    action: event.action,
    topic: event.topic,
    actorId: event.actorId,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    reason: event.reason,
    body: event.body,
    data: event.data,
    at: event.at,
  };
}
