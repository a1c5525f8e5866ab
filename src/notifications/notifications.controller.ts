import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { Roles } from '../auth/roles.decorator';
import { StaffPrincipal } from '../auth/roles';
import { Page } from '../common/pagination.dto';
import { ListNotificationsQuery } from './dto/list-notifications-query.dto';
import { NotificationView } from './notification.view';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('cases/:id/notifications')
  @ApiOperation({ summary: "The messages to the case's citizen and where each stands (queued, sent, failed)" })
  forCase(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string): Promise<NotificationView[]> {
    return this.notifications.forCase(staff, id);
  }

  @Get('notifications')
  @Roles('admin')
  @ApiOperation({ summary: 'All messages to citizens, newest first; ?status=failed lists those that need a look' })
  list(@Query() query: ListNotificationsQuery): Promise<Page<NotificationView>> {
    return this.notifications.list(query);
  }

  @Post('notifications/:id/resend')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a failed message again' })
  resend(@Param('id', ParseIntPipe) id: number): Promise<NotificationView> {
    return this.notifications.resend(id);
  }
}
