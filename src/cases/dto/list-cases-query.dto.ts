import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PaginationQueryDto } from '../../common/pagination.dto';
import { CASE_STATUSES, CaseStatus } from '../case-lifecycle';
import { IsMunicipalTime } from '../../calendar/is-municipal-time.decorator';

export class ListCasesQuery extends PaginationQueryDto {
  @ApiProperty({ required: false, enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiProperty({ required: false })
  @IsOptional()
  @Matches(/^[A-Z0-9_-]{1,32}$/, { message: 'departmentCode must be a department code' })
  departmentCode?: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @Matches(/^[a-z0-9_]{1,64}$/, { message: 'catalogCode must be a catalog code' })
  catalogCode?: string;

  @ApiProperty({
    required: false,
    description: '`me` for the caller\'s own cases ("my cases"), or a staff member\'s id',
    example: 'me',
  })
  @IsOptional()
  @Matches(/^(?:me|[0-9a-f-]{36})$/, { message: 'assignee must be "me" or a staff member\'s id' })
  assignee?: string;

  @ApiProperty({ required: false, description: 'true: open cases only (not resolved, closed or duplicate)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  open?: 'true' | 'false';

  @ApiProperty({ required: false, description: 'Words in the description or the reference' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  text?: string;

  @ApiProperty({ required: false, description: 'Received at or after (ISO 8601)' })
  @IsOptional()
  @IsMunicipalTime()
  from?: string;

  @ApiProperty({ required: false, description: 'Received before (ISO 8601)' })
  @IsOptional()
  @IsMunicipalTime()
  to?: string;
}
