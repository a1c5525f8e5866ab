import { ApiProperty } from '@nestjs/swagger';
import { PRIORITIES } from '../../catalog/catalog.types';
import { CASE_STATUSES } from '../../cases/case-lifecycle';
import { ApiInstant } from '../../common/api-instant.decorator';
import { PageResponse } from '../../common/page.response';
import { BreachedCaseView } from '../case-targets.service';

/** A case that missed a service target: which one, and when it was due. */
export class BreachedCaseResponse {
  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ example: '2026-000123' })
  reference: string;

  @ApiProperty({ enum: CASE_STATUSES })
  status: string;

  @ApiProperty({ type: String, nullable: true, example: 'TEK' })
  departmentCode: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Null for a confidential case the reader may not read' })
  catalogCode: string | null;

  @ApiProperty({ enum: PRIORITIES })
  priority: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  assigneeId: string | null;

  @ApiInstant('When the case was received')
  receivedAt: Date;

  @ApiInstant('When the first response was due', { nullable: true })
  firstResponseDueAt: Date | null;

  @ApiInstant('When the first-response target was found breached; null: not breached', { nullable: true })
  firstResponseBreachedAt: Date | null;

  @ApiInstant('When the resolution was due', { nullable: true })
  resolutionDueAt: Date | null;

  @ApiInstant('When the resolution target was found breached; null: not breached', { nullable: true })
  resolutionBreachedAt: Date | null;
}

export class BreachedCasePageResponse extends PageResponse(BreachedCaseResponse) {}

export function toBreachedCaseResponse(view: BreachedCaseView): BreachedCaseResponse {
  return {
    caseId: view.caseId,
    reference: view.reference,
    status: view.status,
    departmentCode: view.departmentCode,
    catalogCode: view.catalogCode,
    priority: view.priority,
    assigneeId: view.assigneeId,
    receivedAt: view.receivedAt,
    firstResponseDueAt: view.firstResponseDueAt,
    firstResponseBreachedAt: view.firstResponseBreachedAt,
    resolutionDueAt: view.resolutionDueAt,
    resolutionBreachedAt: view.resolutionBreachedAt,
  };
}
