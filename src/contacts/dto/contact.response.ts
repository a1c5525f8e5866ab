import { ApiProperty } from '@nestjs/swagger';
import { CitizenResponse, toCitizenResponse } from '../../citizens/dto/citizen.response';
import { GENDERS } from '../../citizens/citizen.types';
import { ApiInstant } from '../../common/api-instant.decorator';
import { PageResponse } from '../../common/page.response';
import { CHANNELS, CONTACT_OUTCOMES } from '../contact.types';
import { ContactView } from '../contacts.service';

/** One logged contact with a citizen: a call, a visit, an e-mail, and how it ended. */
export class ContactResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: CHANNELS })
  channel: string;

  @ApiProperty({ type: String, nullable: true, description: 'Where it happened', example: 'LIB-EKBACKEN' })
  servicePointCode: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The staff member who logged it' })
  agentId: string | null;

  @ApiInstant('When it began')
  startedAt: Date;

  @ApiInstant('When it ended')
  endedAt: Date;

  @ApiProperty({ description: 'endedAt - startedAt, whole seconds', example: 240 })
  durationSeconds: number;

  @ApiProperty({ example: 'Asked about the opening hours of the recycling centre' })
  summary: string;

  @ApiProperty({ type: String, nullable: true, description: 'The catalog type it was about', example: 'recycling' })
  catalogCode: string | null;

  @ApiProperty({ enum: CONTACT_OUTCOMES })
  outcome: string;

  @ApiProperty({ type: String, enum: GENDERS, nullable: true, description: 'For the gender-split statistics' })
  gender: string | null;

  @ApiProperty({ type: CitizenResponse, nullable: true })
  citizen: CitizenResponse | null;
}

export class ContactPageResponse extends PageResponse(ContactResponse) {}

export function toContactResponse(contact: ContactView): ContactResponse {
  return {
    id: contact.id,
    channel: contact.channel,
    servicePointCode: contact.servicePointCode,
    agentId: contact.agentId,
    startedAt: contact.startedAt,
    endedAt: contact.endedAt,
    durationSeconds: contact.durationSeconds,
    summary: contact.summary,
    catalogCode: contact.catalogCode,
    outcome: contact.outcome,
    gender: contact.gender,
    citizen: contact.citizen && toCitizenResponse(contact.citizen),
  };
}
