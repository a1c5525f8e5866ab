import { ApiProperty } from '@nestjs/swagger';
import { PRIORITIES } from '../../catalog/catalog.types';
import { CASE_STATUSES } from '../../cases/case-lifecycle';
import { ApiInstant } from '../../common/api-instant.decorator';
import { PageResponse } from '../../common/page.response';
import { DUE_STATES } from '../due-state';
import { InboxItem } from '../inbox-item.view';

/** One line of a department inbox: enough to choose a case; the whole case is at GET /api/v1/cases/{id}. */
export class InboxItemResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2026-000123' })
  reference: string;

  @ApiProperty({ enum: CASE_STATUSES })
  status: string;

  @ApiProperty({ enum: PRIORITIES })
  priority: string;

  @ApiProperty({ type: String, nullable: true, example: 'street_light' })
  catalogCode: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'TEK' })
  departmentCode: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Null for a confidential case the reader may not read' })
  description: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Null when not given or not readable' })
  address: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Null when not given or not readable', example: '13540' })
  postalCode: string | null;

  @ApiProperty()
  confidential: boolean;

  @ApiProperty({ description: 'true: description and address are held back from this reader' })
  redacted: boolean;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  assigneeId: string | null;

  @ApiInstant('When the case was received')
  receivedAt: Date;

  @ApiInstant('When the case is due under its service target; null until due times exist', { nullable: true })
  dueAt: Date | null;

  @ApiProperty({
    type: String,
    enum: DUE_STATES,
    nullable: true,
    description:
      'Where the case stands against dueAt: ok, warning (the warning check found most of the time used), breached (past due); null without a due time',
  })
  dueState: string | null;

  @ApiProperty({ description: 'How often a department sent it back to the service center' })
  returnCount: number;

  @ApiProperty({ description: 'How often it was reopened' })
  reopenCount: number;
}

export class InboxPageResponse extends PageResponse(InboxItemResponse) {}

export function toInboxItemResponse(item: InboxItem): InboxItemResponse {
  return {
    id: item.id,
    reference: item.reference,
    status: item.status,
    priority: item.priority,
    catalogCode: item.catalogCode,
    departmentCode: item.departmentCode,
    description: item.description,
    address: item.address,
    postalCode: item.postalCode,
    confidential: item.confidential,
    redacted: item.redacted,
    assigneeId: item.assigneeId,
    receivedAt: item.receivedAt,
    dueAt: item.dueAt,
    dueState: item.dueState,
    returnCount: item.returnCount,
    reopenCount: item.reopenCount,
  };
}
