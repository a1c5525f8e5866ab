import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PaginationQueryDto } from '../../common/pagination.dto';

export const CALLBACK_LIST_STATES = ['open', 'overdue', 'made', 'all'] as const;
export type CallbackListState = (typeof CALLBACK_LIST_STATES)[number];

export class OwedCallbacksQuery extends PaginationQueryDto {
  @ApiProperty({
    required: false,
    enum: CALLBACK_LIST_STATES,
    default: 'open',
    description: 'open: not made yet; overdue: not made and past due; made: made',
  })
  @IsOptional()
  @IsIn(CALLBACK_LIST_STATES)
  state?: CallbackListState;
}
