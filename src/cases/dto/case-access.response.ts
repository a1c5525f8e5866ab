import { ApiProperty } from '@nestjs/swagger';
import { ApiInstant } from '../../common/api-instant.decorator';
import { CaseAccess } from '../entities/case-access.entity';

/** One read of a confidential case: who, when, and how. */
export class CaseAccessResponse {
  @ApiProperty({ example: 7 })
  id: number;

  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ format: 'uuid', description: 'The staff member who read it' })
  userId: string;

  @ApiProperty({
    enum: ['read', 'timeline', 'list'],
    description: 'read: the case itself; timeline: its history; list: it came in a list with its content',
  })
  access: string;

  @ApiInstant('When it was read')
  at: Date;
}

export function toCaseAccessResponse(access: CaseAccess): CaseAccessResponse {
  return { id: access.id, caseId: access.caseId, userId: access.userId, access: access.access, at: access.at };
}
