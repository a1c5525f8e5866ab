import { ApiProperty } from '@nestjs/swagger';
import { ApiInstant } from '../../common/api-instant.decorator';
import { PageResponse } from '../../common/page.response';
import { CALL_OUTCOMES } from '../call-record.types';
import { CallRecord } from '../entities/call-record.entity';

/** One call to the service center's phone queue, as the telephony platform reported it; the caller's number is not kept. */
export class CallRecordResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: "The platform's own id of the call", example: 'c-100' })
  callId: string;

  @ApiInstant('When the call entered the queue')
  startedAt: Date;

  @ApiProperty({ example: 'main' })
  queue: string;

  @ApiProperty({ description: 'Time in the queue, seconds', example: 45 })
  waitSeconds: number;

  @ApiProperty({ enum: CALL_OUTCOMES })
  outcome: string;

  @ApiProperty({ description: 'Time talking, seconds', example: 180 })
  talkSeconds: number;

  @ApiProperty({ description: 'The caller asked to be called back' })
  callbackRequested: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'The agent who answered', example: 'agent@demo.local' })
  agentEmail: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'PHONE' })
  servicePointCode: string | null;

  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'The caller got a direct answer to a simple question; null when the agent did not say',
  })
  directAnswer: boolean | null;

  @ApiProperty({ enum: ['csv', 'webhook'], description: 'How the record reached us' })
  source: string;

  @ApiInstant('When it was stored')
  createdAt: Date;
}

export class CallRecordPageResponse extends PageResponse(CallRecordResponse) {}

export function toCallRecordResponse(call: CallRecord): CallRecordResponse {
  return {
    id: call.id,
    callId: call.callId,
    startedAt: call.startedAt,
    queue: call.queue,
    waitSeconds: call.waitSeconds,
    outcome: call.outcome,
    talkSeconds: call.talkSeconds,
    callbackRequested: call.callbackRequested,
    agentEmail: call.agentEmail,
    servicePointCode: call.servicePointCode,
    directAnswer: call.directAnswer,
    source: call.source,
    createdAt: call.createdAt,
  };
}
