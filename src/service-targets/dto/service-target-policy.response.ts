import { ApiProperty } from '@nestjs/swagger';
import { CASE_KINDS, PRIORITIES } from '../../catalog/catalog.types';
import { ApiInstant } from '../../common/api-instant.decorator';
import { CHANNELS } from '../../contacts/contact.types';
import { ServiceTargetPolicyView } from '../service-target-policy.view';
import { TargetTimeResponse, toTargetTimeResponse } from './target-time.response';

/**
 * A service-target policy: the targets it sets for the cases and contacts in its scope. A null
 * scope field matches anything; a null target leaves that measure to a less specific policy.
 */
export class ServiceTargetPolicyResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true, description: 'Only this catalog type; null: any', example: 'pothole' })
  catalogCode: string | null;

  @ApiProperty({ type: String, enum: CASE_KINDS, nullable: true, description: 'Only this kind; null: any' })
  kind: string | null;

  @ApiProperty({ type: String, enum: PRIORITIES, nullable: true, description: 'Only this priority; null: any' })
  priority: string | null;

  @ApiProperty({ type: String, enum: CHANNELS, nullable: true, description: 'Only this channel; null: any' })
  channel: string | null;

  @ApiProperty({
    minimum: 0,
    maximum: 15,
    description: 'How specific the scope is; the matching policy with the highest specificity wins, per measure',
    example: 8,
  })
  specificity: number;

  @ApiProperty({
    type: TargetTimeResponse,
    nullable: true,
    description: 'Time to the first response to the citizen (a reply or the resolution)',
  })
  firstResponse: TargetTimeResponse | null;

  @ApiProperty({ type: TargetTimeResponse, nullable: true, description: 'Time to the resolution of the case' })
  resolution: TargetTimeResponse | null;

  @ApiProperty({
    type: TargetTimeResponse,
    nullable: true,
    description: 'Time to make a callback the service center promised on a contact',
  })
  callback: TargetTimeResponse | null;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiInstant('When it was added')
  createdAt: Date;

  @ApiInstant('The last change')
  updatedAt: Date;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who changed it last' })
  updatedById: string | null;
}

export function toServiceTargetPolicyResponse(policy: ServiceTargetPolicyView): ServiceTargetPolicyResponse {
  return {
    id: policy.id,
    catalogCode: policy.catalogCode,
    kind: policy.kind,
    priority: policy.priority,
    channel: policy.channel,
    specificity: policy.specificity,
    firstResponse: toTargetTimeResponse(policy.firstResponse),
    resolution: toTargetTimeResponse(policy.resolution),
    callback: toTargetTimeResponse(policy.callback),
    note: policy.note,
    createdAt: policy.createdAt,
    updatedAt: policy.updatedAt,
    updatedById: policy.updatedById,
  };
}
