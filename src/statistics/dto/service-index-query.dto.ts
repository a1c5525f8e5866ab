import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import { CallbackStatisticsQuery } from './callback-statistics-query.dto';
import { QueryNumber } from '../../common/query-number.decorator';

export class ServiceIndexQuery extends CallbackStatisticsQuery {
  @ApiProperty({
    required: false,
    default: 95,
    description: 'Target share of contacts given active service, percent (Høje-Taastrup: at least 95 for every center)',
  })
  @IsOptional()
  @QueryNumber()
  @IsNumber()
  @Min(0)
  @Max(100)
  targetPercent?: number;
}
