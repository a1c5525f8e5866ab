import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { toPageResponse } from '../common/page.response';
import { ListWebhookDeliveriesQuery } from './dto/list-webhook-deliveries-query.dto';
import {
  toWebhookDeliveryResponse,
  WebhookDeliveryPageResponse,
  WebhookDeliveryResponse,
} from './dto/webhook-delivery.response';
import { WebhookDeliveriesService } from './webhook-deliveries.service';

@ApiTags('webhooks')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller('api/v1/webhooks/deliveries')
@Roles('admin')
export class WebhookDeliveriesController {
  constructor(private readonly deliveries: WebhookDeliveriesService) {}

  @Get()
  @ApiOperation({
    summary:
      'The delivery log, newest first; ?status=failed lists what needs a resend, ?stuck=true what waits too long',
  })
  @ApiOkResponse({ type: WebhookDeliveryPageResponse })
  @ApiErrors(400)
  async list(@Query() query: ListWebhookDeliveriesQuery): Promise<WebhookDeliveryPageResponse> {
    return toPageResponse(await this.deliveries.list(query), toWebhookDeliveryResponse);
  }

  @Post(':id/resend')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a failed (or lost, or stuck) delivery again, with the same delivery id',
  })
  @ApiOkResponse({ type: WebhookDeliveryResponse, description: 'The delivery, queued again' })
  @ApiErrors(400, 404, 409)
  async resend(@Param('id', ParseUUIDPipe) id: string): Promise<WebhookDeliveryResponse> {
    return toWebhookDeliveryResponse(await this.deliveries.resend(id));
  }
}
