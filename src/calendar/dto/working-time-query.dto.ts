import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsMunicipalTime } from '../is-municipal-time.decorator';
import { QueryInteger } from '../../common/query-number.decorator';

/** Exactly one of to, addWorkingDays and addWorkingMinutes says what to compute from `from`. */
export class WorkingTimeQuery {
  @ApiProperty({ description: 'ISO 8601 instant' })
  @IsMunicipalTime()
  from: string;

  @ApiProperty({ required: false, description: 'ISO 8601 instant: answers the working minutes between from and to' })
  @IsOptional()
  @IsMunicipalTime()
  to?: string;

  @ApiProperty({
    required: false,
    description: 'Answers the close of the N-th working day after from (the "within N working days" deadline)',
  })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(0)
  @Max(366)
  addWorkingDays?: number;

  @ApiProperty({
    required: false,
    description: 'Answers the instant at which this many open minutes have passed since from',
  })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  addWorkingMinutes?: number;
}
