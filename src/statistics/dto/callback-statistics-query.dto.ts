import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { StatisticsQuery } from './statistics-query.dto';

export class CallbackStatisticsQuery extends StatisticsQuery {
  @ApiProperty({
    required: false,
    default: 1,
    description: 'A callback is kept when made by the close of the N-th working day after the contact',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(30)
  callbackTargetWorkingDays?: number;
}
