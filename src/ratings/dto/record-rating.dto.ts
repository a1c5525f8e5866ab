import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** One rating of exactly one contact or case; any of the three questions may be left unanswered. */
export class RecordRatingDto {
  @ApiProperty({ required: false, description: 'The contact rated (give this or caseId)' })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiProperty({ required: false, description: 'The case rated (give this or contactId)' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiProperty({
    required: false,
    minimum: 1,
    maximum: 5,
    description: 'Enkelhet: how easy it was, 1 (very hard) to 5 (very easy)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  ease?: number;

  @ApiProperty({
    required: false,
    minimum: 1,
    maximum: 5,
    description: 'Bemötande: how the citizen was treated, 1 to 5',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  treatment?: number;

  @ApiProperty({ required: false, minimum: 1, maximum: 5, description: 'Tydlighet: how clear the answer was, 1 to 5' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  clarity?: number;
}
