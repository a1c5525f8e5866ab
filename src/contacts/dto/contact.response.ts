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

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Null when redacted (a confidential contact the reader may not read)',
    example: 'Asked about the opening hours of the recycling centre',
  })
  summary: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The catalog type it was about', example: 'recycling' })
  catalogCode: string | null;

  @ApiProperty({ enum: CONTACT_OUTCOMES })
  outcome: string;

  @ApiProperty({ type: String, enum: GENDERS, nullable: true, description: 'For the gender-split statistics' })
  gender: string | null;

  @ApiProperty({
    type: CitizenResponse,
    nullable: true,
    description: 'Null when there is none, when redacted, or when the reader may not see personal data',
  })
  citizen: CitizenResponse | null;

  @ApiProperty({
    description: 'About a confidential matter: it follows the confidentiality of its case or catalog type',
  })
  confidential: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'The department a confidential contact belongs to' })
  departmentCode: string | null;

  @ApiProperty({ description: 'True when the reader may not read it: summary, catalogCode and citizen are null' })
  redacted: boolean;

  @ApiProperty({ type: [String], description: 'The cases registered from this contact (each links back by contactId)' })
  caseIds: string[];
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
    confidential: contact.confidential,
    departmentCode: contact.departmentCode,
    redacted: contact.redacted,
    caseIds: contact.caseIds,
  };
}
