import { ApiProperty } from '@nestjs/swagger';
import { ApiInstant } from '../../common/api-instant.decorator';
import { CASE_STATUSES } from '../case-lifecycle';
import { CaseView, RedactedCaseView } from '../case.view';
import { CaseResponse, toCaseResponse } from './case.response';

/** What a reader outside the owning department sees of a confidential case: that it exists and where it stands. */
export class RedactedCaseResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2026-000123' })
  reference: string;

  @ApiProperty({ enum: CASE_STATUSES })
  status: string;

  @ApiProperty({ type: String, nullable: true, example: 'SOC' })
  departmentCode: string | null;

  @ApiProperty({ enum: [true] })
  confidential: true;

  @ApiProperty({ enum: [true], description: 'Always true: this is the redacted form of a case' })
  redacted: true;

  @ApiInstant('When the case was received')
  receivedAt: Date;

  @ApiInstant('When it was resolved', { nullable: true })
  resolvedAt: Date | null;

  @ApiInstant('When it was closed', { nullable: true })
  closedAt: Date | null;
}

export function toRedactedCaseResponse(view: RedactedCaseView): RedactedCaseResponse {
  return {
    id: view.id,
    reference: view.reference,
    status: view.status,
    departmentCode: view.departmentCode,
    confidential: view.confidential,
    redacted: view.redacted,
    receivedAt: view.receivedAt,
    resolvedAt: view.resolvedAt,
    closedAt: view.closedAt,
  };
}

/** A case as the reader may see it: whole, or redacted when it is confidential to another department. */
export function toReadableCaseResponse(view: CaseView | RedactedCaseView): CaseResponse | RedactedCaseResponse {
  return 'redacted' in view ? toRedactedCaseResponse(view) : toCaseResponse(view);
}
