import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { CHANNELS, Channel } from '../../contacts/contact.types';
import { REPORT_FORMATS, ReportFormat } from './statistics-query.dto';
import { CsvOptionsQuery } from './statistics-query.dto';

export const BACKLOG_GROUP_BY = ['department', 'channel', 'catalog', 'status'] as const;
export type BacklogGroupBy = (typeof BACKLOG_GROUP_BY)[number];

/** The backlog is the open cases now, so it takes no period. */
export class BacklogQuery extends CsvOptionsQuery {
  @ApiProperty({ required: false, enum: BACKLOG_GROUP_BY })
  @IsOptional()
  @IsIn(BACKLOG_GROUP_BY)
  groupBy?: BacklogGroupBy;

  @ApiProperty({ required: false, enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;

  @ApiProperty({ required: false })
  @IsOptional()
  @Matches(/^[A-Z0-9_-]{1,32}$/, { message: 'departmentCode must be a department code' })
  departmentCode?: string;

  @ApiProperty({ required: false, enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;
}
