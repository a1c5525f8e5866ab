import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { StatisticsQuery } from './statistics-query.dto';
import { QueryInteger } from '../../common/query-number.decorator';

export class PhoneStatisticsQuery extends StatisticsQuery {
  @ApiProperty({
    required: false,
    default: 60,
    description: 'A call counts as answered within target when answered after at most this many seconds of waiting',
  })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(3600)
  answerTargetSeconds?: number;
}
