import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
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
}
