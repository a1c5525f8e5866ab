import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { REPORT_FORMATS, ReportFormat } from './statistics-query.dto';
import { CsvOptionsQuery } from './statistics-query.dto';
import { QueryInteger } from '../../common/query-number.decorator';

export class ComparisonQuery extends CsvOptionsQuery {
  @ApiProperty({ example: 2026, description: 'Calendar year in the municipality time zone' })
  @QueryInteger()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ required: false, enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}
