import { ApiProperty } from '@nestjs/swagger';
import { ApiInstant } from '../../common/api-instant.decorator';
import { ComparisonReport } from '../reports/comparison-export.service';

/** One nationally comparable measure of the year, with what it is computed from. */
export class ComparisonRowResponse {
  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty({ description: 'A stable name of the measure', example: 'phone_answered' })
  measure: string;

  @ApiProperty({ description: 'The name as published in Swedish', example: 'Andel besvarade samtal' })
  label: string;

  @ApiProperty({ type: Number, nullable: true, description: 'The figure, in its unit; null without data' })
  value: number | null;

  @ApiProperty({ enum: ['percent', 'index', 'seconds', 'hours', 'count'] })
  unit: string;

  @ApiProperty({ type: Number, nullable: true, description: 'What the share counts; null where it has none' })
  numerator: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'What it is counted out of; null where it has none' })
  denominator: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'The target, where one is set', example: 95 })
  target: number | null;
}

/** GET /api/v1/statistics/comparison: one calendar year of the comparable measures, one row per measure. */
export class ComparisonResponse {
  @ApiProperty({ enum: ['comparison'] })
  report: 'comparison';

  @ApiProperty({ example: 2026 })
  year: number;

  @ApiInstant('Start of the year in the municipality time zone, inclusive')
  from: string;

  @ApiInstant('End of the year, exclusive')
  to: string;

  @ApiProperty({ example: 'Europe/Stockholm' })
  timeZone: string;

  @ApiProperty({ type: [ComparisonRowResponse] })
  rows: ComparisonRowResponse[];
}

export function toComparisonResponse(report: ComparisonReport): ComparisonResponse {
  return {
    report: report.report,
    year: report.year,
    from: report.from,
    to: report.to,
    timeZone: report.timeZone,
    rows: report.rows,
  };
}
