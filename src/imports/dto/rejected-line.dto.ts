import { ApiProperty } from '@nestjs/swagger';

/** A line of an uploaded file that was not accepted, with everything wrong with it. */
export class RejectedLineDto {
  @ApiProperty({ description: '1-based line number in the file (blank lines and a CSV header row count)', example: 7 })
  line: number;

  @ApiProperty({
    type: [String],
    example: [
      'receivedAt: must be an ISO 8601 date-time with a zone, such as 2024-03-05T08:15:00Z; got "2024-03-05 08:15"',
    ],
  })
  errors: string[];
}
