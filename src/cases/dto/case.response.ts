import { ApiProperty } from '@nestjs/swagger';
import { PRIORITIES } from '../../catalog/catalog.types';
import { CitizenResponse, toCitizenResponse } from '../../citizens/dto/citizen.response';
import { ApiInstant } from '../../common/api-instant.decorator';
import { CHANNELS } from '../../contacts/contact.types';
import { CASE_ACTIONS, CASE_STATUSES } from '../case-lifecycle';
import { CaseView } from '../case.view';

class CaseLocationResponse {
  @ApiProperty({ type: String, nullable: true, example: 'Storgatan 12, 135 40 Tyresö' })
  address: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Swedish postal code, digits only', example: '13540' })
  postalCode: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Latitude, WGS 84 degrees', example: 59.244 })
  lat: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Longitude, WGS 84 degrees', example: 18.229 })
  lng: number | null;
}

/** A case as staff who may read it see it. */
export class CaseResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'The reference number given to the citizen: year and serial', example: '2026-000123' })
  reference: string;

  @ApiProperty({ enum: CASE_STATUSES, example: 'routed' })
  status: string;

  @ApiProperty({
    enum: CASE_ACTIONS,
    isArray: true,
    description: 'The lifecycle actions the status allows (the caller may still lack the right to some)',
    example: ['claim', 'wait', 'return', 'transfer', 'duplicate'],
  })
  allowedActions: string[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The catalog type; null until triaged',
    example: 'street_light',
  })
  catalogCode: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The department that owns the case', example: 'TEK' })
  departmentCode: string | null;

  @ApiProperty({ enum: PRIORITIES })
  priority: string;

  @ApiProperty({ enum: CHANNELS, description: 'How the citizen got in touch' })
  channel: string;

  @ApiProperty({ description: "The citizen's matter in their own words" })
  description: string;

  @ApiProperty({
    type: CitizenResponse,
    nullable: true,
    description: 'Null when there is none, or when the reader may not see personal data (then citizenWithheld)',
  })
  citizen: CitizenResponse | null;

  @ApiProperty({
    description:
      'The case has a citizen whose name, e-mail and phone the reader may not see: only the service center, the ' +
      "case's own department, managers and admins do",
  })
  citizenWithheld: boolean;

  @ApiProperty({ type: CaseLocationResponse, nullable: true, description: 'Where the matter is; null when not given' })
  location: CaseLocationResponse | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The contact the case came from' })
  contactId: string | null;

  @ApiProperty({ description: 'Readable only inside the owning department' })
  confidential: boolean;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The staff member handling it' })
  assigneeId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The case this one repeats' })
  duplicateOfId: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Flagged at intake as probably the same fault as this open case; a person confirms with duplicate',
  })
  likelyDuplicateOfId: string | null;

  @ApiInstant('When the case was received')
  receivedAt: Date;

  @ApiInstant('The first response that reached the citizen: a reply sent by e-mail or SMS, or the resolution', {
    nullable: true,
  })
  firstResponseAt: Date | null;

  @ApiInstant('When it was resolved', { nullable: true })
  resolvedAt: Date | null;

  @ApiInstant('When it was closed', { nullable: true })
  closedAt: Date | null;

  @ApiProperty({ description: 'How often it was reopened' })
  reopenCount: number;

  @ApiProperty({ description: 'How often a department sent it back to the service center' })
  returnCount: number;

  @ApiProperty({ enum: ['live', 'import'], description: 'Received here, or imported from an earlier system' })
  source: string;

  @ApiInstant('The last change')
  updatedAt: Date;
}

export function toCaseResponse(view: CaseView): CaseResponse {
  return {
    id: view.id,
    reference: view.reference,
    status: view.status,
    allowedActions: view.allowedActions,
    catalogCode: view.catalogCode,
    departmentCode: view.departmentCode,
    priority: view.priority,
    channel: view.channel,
    description: view.description,
    citizen: view.citizen && toCitizenResponse(view.citizen),
    citizenWithheld: view.citizenWithheld,
    location: view.location && {
      address: view.location.address,
      postalCode: view.location.postalCode,
      lat: view.location.lat,
      lng: view.location.lng,
    },
    contactId: view.contactId,
    confidential: view.confidential,
    assigneeId: view.assigneeId,
    duplicateOfId: view.duplicateOfId,
    likelyDuplicateOfId: view.likelyDuplicateOfId,
    receivedAt: view.receivedAt,
    firstResponseAt: view.firstResponseAt,
    resolvedAt: view.resolvedAt,
    closedAt: view.closedAt,
    reopenCount: view.reopenCount,
    returnCount: view.returnCount,
    source: view.source,
    updatedAt: view.updatedAt,
  };
}
