import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { Roles } from '../auth/roles.decorator';
import { StaffPrincipal } from '../auth/roles';
import { ApiErrors } from '../common/api-errors.decorator';
import { toPageResponse } from '../common/page.response';
import { ListNotificationsQuery } from './dto/list-notifications-query.dto';
import { NotificationPageResponse, NotificationResponse, toNotificationResponse } from './dto/notification.response';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/v1')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('cases/:id/notifications')
  @ApiOperation({ summary: "The messages to the case's citizen and where each stands (queued, sent, failed)" })
  @ApiOkResponse({ type: [NotificationResponse] })
  @ApiErrors(403, 404)
  async forCase(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string): Promise<NotificationResponse[]> {
    return (await this.notifications.forCase(staff, id)).map(toNotificationResponse);
  }

  @Get('notifications')
  @Roles('admin')
  @ApiOperation({
    summary:
      'All messages to citizens, newest first; ?status=failed lists those that need a look, ?stuck=true those queued too long',
  })
  @ApiOkResponse({ type: NotificationPageResponse })
  @ApiErrors(400, 403)
  async list(@Query() query: ListNotificationsQuery): Promise<NotificationPageResponse> {
    return toPageResponse(await this.notifications.list(query), toNotificationResponse);
  }

  @Post('notifications/:id/resend')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a failed message again, or one stuck in the queue (queued longer than STUCK_AFTER_MINUTES)',
  })
  @ApiOkResponse({
    type: NotificationResponse,
    description: 'The message, queued again; 409 when it is sent, or queued only a short while',
  })
  @ApiErrors(400, 403, 404, 409)
  async resend(@Param('id', ParseIntPipe) id: number): Promise<NotificationResponse> {
    return toNotificationResponse(await this.notifications.resend(id));
  }
}
