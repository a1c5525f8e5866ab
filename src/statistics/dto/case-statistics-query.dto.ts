import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { StatisticsQuery } from './statistics-query.dto';
import { QueryInteger } from '../../common/query-number.decorator';

/**
 * A target given here is applied to every case (a what-if against that target). Without it, each
 * case is held to the due time service targets stored on it, and a case without one to the default.
 */
export class CaseStatisticsQuery extends StatisticsQuery {
  @ApiProperty({
    required: false,
    default: 2,
    description: 'First response within N working days, for every case; default: the stored due time, else 2',
  })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(0)
  @Max(60)
  firstResponseTargetWorkingDays?: number;

  @ApiProperty({
    required: false,
    default: 10,
    description: 'Resolution within N working days, for every case; default: the stored due time, else 10',
  })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(0)
  @Max(250)
  resolutionTargetWorkingDays?: number;
}
