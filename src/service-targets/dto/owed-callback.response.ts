import { CitizenResponse, toCitizenResponse } from '../../citizens/dto/citizen.response';
import { ApiProperty } from '@nestjs/swagger';
import { CHANNELS } from '../../contacts/contact.types';
import { ApiInstant } from '../../common/api-instant.decorator';
import { PageResponse } from '../../common/page.response';
import { OwedCallbackView } from '../callback-targets.service';
import { TARGET_UNITS } from '../service-target.types';

class CallbackTargetResponse {
  @ApiProperty({ description: 'How many units', example: 1 })
  value: number;

  @ApiProperty({ enum: TARGET_UNITS })
  unit: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The policy the target comes from' })
  policyId: string | null;
}

/** A callback the service center promised: when it is due, and whether and when it was made. */
export class OwedCallbackResponse {
  @ApiProperty({ format: 'uuid', description: 'The contact that promised it' })
  contactId: string;

  @ApiProperty({ type: String, enum: CHANNELS, nullable: true })
  channel: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The contact's summary" })
  summary: string | null;

  @ApiProperty({
    type: CitizenResponse,
    nullable: true,
    description: 'Whom to call: name, phone and e-mail of the citizen (null when not given or not for this reader)',
  })
  citizen: CitizenResponse | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who logged the contact' })
  agentId: string | null;

  @ApiInstant('When it was promised (the contact ended)')
  promisedAt: Date;

  @ApiInstant('When it is due')
  dueAt: Date;

  @ApiProperty({ type: CallbackTargetResponse, nullable: true, description: 'The target it was planned with' })
  target: CallbackTargetResponse | null;

  @ApiProperty({
    enum: ['open', 'overdue', 'made', 'made_late'],
    description:
      'open: not made, not yet due; overdue: not made, past due; made: in time; made_late: after the due time',
  })
  state: string;

  @ApiInstant('When managers were warned', { nullable: true })
  warnedAt: Date | null;

  @ApiInstant('When it was found breached', { nullable: true })
  breachedAt: Date | null;

  @ApiInstant('When the citizen was called back', { nullable: true })
  madeAt: Date | null;

  @ApiProperty({ type: Boolean, nullable: true, description: 'Whether the citizen answered; null until made' })
  reached: boolean | null;
}

export class OwedCallbackPageResponse extends PageResponse(OwedCallbackResponse) {}

export function toOwedCallbackResponse(view: OwedCallbackView): OwedCallbackResponse {
  return {
    contactId: view.contactId,
    channel: view.channel,
    summary: view.summary,
    citizen: view.citizen && toCitizenResponse(view.citizen),
    agentId: view.agentId,
    promisedAt: view.promisedAt,
    dueAt: view.dueAt,
    target: view.target && { value: view.target.value, unit: view.target.unit, policyId: view.target.policyId },
    state: view.state,
    warnedAt: view.warnedAt,
    breachedAt: view.breachedAt,
    madeAt: view.madeAt,
    reached: view.reached,
  };
}
