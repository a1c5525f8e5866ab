import { ApiProperty } from '@nestjs/swagger';
import { RejectedLineDto } from './rejected-line.dto';

/** The answer to a case import. Nothing is imported when any line is rejected. */
export class CaseImportResultDto {
  @ApiProperty({ description: 'Cases imported; 0 when any line was rejected', example: 1250 })
  imported: number;

  @ApiProperty({ type: [RejectedLineDto], description: 'The first 1000 rejected lines, in line order' })
  rejected: RejectedLineDto[];

  @ApiProperty({ description: 'All rejected lines, also those beyond the first 1000', example: 0 })
  rejectedCount: number;
}
