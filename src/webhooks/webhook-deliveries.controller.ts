import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { Page } from '../common/pagination.dto';
import { ListWebhookDeliveriesQuery } from './dto/list-webhook-deliveries-query.dto';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookDeliveryView } from './webhook-delivery.view';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/v1/webhooks/deliveries')
@Roles('admin')
export class WebhookDeliveriesController {
  constructor(private readonly deliveries: WebhookDeliveriesService) {}

  @Get()
  @ApiOperation({ summary: 'The delivery log, newest first; ?status=failed lists what needs a resend' })
  list(@Query() query: ListWebhookDeliveriesQuery): Promise<Page<WebhookDeliveryView>> {
    return this.deliveries.list(query);
  }

  @Post(':id/resend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a failed (or lost) delivery again, with the same delivery id' })
  resend(@Param('id', ParseUUIDPipe) id: string): Promise<WebhookDeliveryView> {
    return this.deliveries.resend(id);
  }
}
