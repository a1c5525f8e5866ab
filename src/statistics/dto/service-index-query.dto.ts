import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import { CallbackStatisticsQuery } from './callback-statistics-query.dto';

export class ServiceIndexQuery extends CallbackStatisticsQuery {
  @ApiProperty({
    required: false,
    default: 95,
    description: 'Target share of contacts given active service, percent (Høje-Taastrup: at least 95 for every center)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(100)
  targetPercent?: number;
}
