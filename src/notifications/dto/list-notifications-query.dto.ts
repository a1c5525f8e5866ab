import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PaginationQueryDto } from '../../common/pagination.dto';
import { NOTIFICATION_STATUSES, NotificationStatus } from '../entities/notification.entity';

export class ListNotificationsQuery extends PaginationQueryDto {
  @ApiProperty({
    required: false,
    enum: NOTIFICATION_STATUSES,
    description: 'e.g. failed: the messages an admin should look at',
  })
  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES)
  status?: NotificationStatus;

  @ApiProperty({
    required: false,
    description: 'true: only the stuck ones, still queued STUCK_AFTER_MINUTES (default 15) after they were queued',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  stuck?: boolean;
}
