import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CHANNELS, Channel } from '../../contacts/contact.types';
import { CSV_DIALECTS, CsvDialect } from '../csv-writer';
import { GROUP_BY_OPTIONS, GroupBy } from '../report-grouping';

export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_LANGUAGES = ['sv', 'en', 'da'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** How a report is written as CSV: for which language's Excel, or in which dialect. */
export class CsvOptionsQuery {
  @ApiProperty({
    required: false,
    enum: REPORT_LANGUAGES,
    default: 'sv',
    description: 'CSV for Excel in this language: sv and da write semicolons and a decimal comma; en plain CSV',
  })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES)
  lang?: ReportLanguage;

  @ApiProperty({
    required: false,
    enum: CSV_DIALECTS,
    description: 'excel: semicolons, decimal comma, UTF-8 with BOM; rfc4180: plain CSV. By default as lang says',
  })
  @IsOptional()
  @IsIn(CSV_DIALECTS)
  dialect?: CsvDialect;
}

/** What every period report takes: the period [from, to), a grouping, a format and filters. */
export class StatisticsQuery extends CsvOptionsQuery {
  @ApiProperty({
    example: '2026-01-01',
    description: 'Start, inclusive: a local date (midnight in the municipality time zone) or an ISO 8601 instant',
  })
  @IsString()
  @MaxLength(40)
  from: string;

  @ApiProperty({ example: '2027-01-01', description: 'End, exclusive: a local date or an ISO 8601 instant' })
  @IsString()
  @MaxLength(40)
  to: string;

  @ApiProperty({
    required: false,
    enum: GROUP_BY_OPTIONS,
    description:
      'Periods are calendar periods of the municipality time zone (ISO weeks); without groupBy one row "all"',
  })
  @IsOptional()
  @IsIn(GROUP_BY_OPTIONS)
  groupBy?: GroupBy;

  @ApiProperty({ required: false, enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;

  @ApiProperty({ required: false, description: 'Only this department (handlers and agents: one of their own)' })
  @IsOptional()
  @Matches(/^[A-Z0-9_-]{1,32}$/, { message: 'departmentCode must be a department code' })
  departmentCode?: string;

  @ApiProperty({ required: false, enum: CHANNELS, description: 'Only this channel' })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;
}
