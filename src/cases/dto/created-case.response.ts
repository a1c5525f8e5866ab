import { ApiProperty } from '@nestjs/swagger';
import { CASE_STATUSES } from '../case-lifecycle';
import { CreatedCaseDto } from './create-case.dto';

/** The answer to a new case: what the citizen is told, and the id to follow it up by. */
export class CreatedCaseResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'The reference number for the citizen: year and serial', example: '2026-000123' })
  reference: string;

  @ApiProperty({
    enum: CASE_STATUSES,
    description: 'new, triaged when the catalog type is known, or resolved when finished on the spot',
    example: 'triaged',
  })
  status: string;
}

export function toCreatedCaseResponse(created: CreatedCaseDto): CreatedCaseResponse {
  return { id: created.id, reference: created.reference, status: created.status };
}
