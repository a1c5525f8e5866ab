import { ApiProperty } from '@nestjs/swagger';
import { RejectedLineDto } from '../../imports/dto/rejected-line.dto';

/** The answer to a delivery of call records. Nothing is stored when any record is rejected. */
export class CallImportResultDto {
  @ApiProperty({ description: 'Call records stored now; 0 when any record was rejected', example: 412 })
  stored: number;

  @ApiProperty({
    description: 'Records left out because their callId was stored before or came twice in this delivery',
    example: 3,
  })
  duplicates: number;

  @ApiProperty({
    type: [RejectedLineDto],
    description:
      'The first 1000 rejected records: the CSV line, or the position in a JSON array (1 for a single object)',
  })
  rejected: RejectedLineDto[];

  @ApiProperty({ example: 0 })
  rejectedCount: number;
}
