import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PaginationQueryDto } from '../../common/pagination.dto';
import { IsMunicipalTime } from '../../calendar/is-municipal-time.decorator';

export class ListCallsQuery extends PaginationQueryDto {
  @ApiProperty({ required: false, description: 'Calls that entered the queue at or after (ISO 8601)' })
  @IsOptional()
  @IsMunicipalTime()
  from?: string;

  @ApiProperty({ required: false, description: 'Calls that entered the queue before (ISO 8601)' })
  @IsOptional()
  @IsMunicipalTime()
  to?: string;

  @ApiProperty({ required: false, example: 'main' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9_.-]{0,31}$/, { message: 'queue must be a queue name' })
  queue?: string;
}
