import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { StatisticsQuery } from './statistics-query.dto';

export class PhoneStatisticsQuery extends StatisticsQuery {
  @ApiProperty({
    required: false,
    default: 60,
    description: 'A call counts as answered within target when answered after at most this many seconds of waiting',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  answerTargetSeconds?: number;
}
