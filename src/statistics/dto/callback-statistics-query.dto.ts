import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { StatisticsQuery } from './statistics-query.dto';
import { QueryInteger } from '../../common/query-number.decorator';

export class CallbackStatisticsQuery extends StatisticsQuery {
  @ApiProperty({
    required: false,
    default: 1,
    description: 'A callback is kept when made by the close of the N-th working day after the contact',
  })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(0)
  @Max(30)
  callbackTargetWorkingDays?: number;
}
