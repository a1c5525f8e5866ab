import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { QueryInteger } from './query-number.decorator';

/** The largest offset taken: past it a page is empty anyway, and beyond it the databases' OFFSET overflows. */
export const MAX_OFFSET = 2_147_483_647;

/** `limit` (1-500, default 50) and `offset` (0-2147483647, default 0) of a paged list. */
export class PaginationQueryDto {
  @ApiProperty({ required: false, default: 50, maximum: 500 })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiProperty({ required: false, default: 0, maximum: MAX_OFFSET })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
