import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { NotificationsService } from '../notifications/notifications.service';
import { QueueStatusService } from '../queue/queue-status.service';
import { WebhookDeliveriesService } from '../webhooks/webhook-deliveries.service';
import { HealthResponse, toQueueHealthResponse } from './dto/health.response';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queueStatus: QueueStatusService,
    private readonly notifications: NotificationsService,
    private readonly webhookDeliveries: WebhookDeliveriesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * 200 when the database answers, 503 when it does not. A queue that is down makes the
   * status "degraded" but still 200: intake goes on (jobs wait in the outbox), so the
   * app must not be taken out of service for it. Messages and deliveries stuck in the queue
   * are counted, for an operator to look at; they do not change the status.
   */
  @Public()
  @Get('health')
  @HttpCode(200)
  @ApiOkResponse({
    type: HealthResponse,
    description: 'The database answers; the status is degraded if the queue is not up',
  })
  @ApiServiceUnavailableResponse({ type: HealthResponse, description: 'The database does not answer' })
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    const kind = this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
    const started = performance.now();
    try {
      await this.dataSource.query('SELECT 1');
    } catch (error) {
      response.status(503);
      return { status: 'degraded', database: { status: 'down', kind, error: (error as Error).message } };
    }
    const database = { status: 'up' as const, kind, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
    const queue = await this.queueStatus
      .snapshot()
      .then(toQueueHealthResponse, (error: Error) => ({ status: 'unknown', error: error.message }));
    const [notifications, webhookDeliveries] = await Promise.all([
      this.notifications.countStuck(),
      this.webhookDeliveries.countStuck(),
    ]);
    const stuck = { afterMinutes: this.config.reconciliation.stuckAfterMinutes, notifications, webhookDeliveries };
    return { status: queue.status === 'up' ? 'ok' : 'degraded', database, queue, stuck };
  }
}
