import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Express, Request, Response } from 'express';
import { AuthGuard } from '../../auth/auth.guard';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { BullMqQueueDriver } from '../bullmq-queue.driver';
import { MessageQueue } from '../message-queue';
import { QUEUE_NAMES } from '../queue-names';
import { QueueStatusService } from '../queue-status.service';
import { DASHBOARD_PATH, dashboardGate } from './dashboard-gate';

/**
 * The queue dashboard under /admin/queues: bull-board when BullMQ runs; with the
 * in-process queue, a JSON summary of the counts and the failed jobs. Not mounted in a
 * worker process, which has no HTTP server.
 */
@Module({})
export class QueueDashboardModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly queue: MessageQueue,
    private readonly status: QueueStatusService,
    private readonly auth: AuthGuard,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const httpAdapter = this.adapterHost.httpAdapter;
    if (!httpAdapter) return;
    const app = httpAdapter.getInstance<Express>();
    const gate = dashboardGate(this.auth, this.config.jwtExpiresInSeconds);
    if (this.queue instanceof BullMqQueueDriver) {
      const serverAdapter = new ExpressAdapter();
      serverAdapter.setBasePath(DASHBOARD_PATH);
      createBullBoard({ queues: this.queue.bullQueues().map((queue) => new BullMQAdapter(queue)), serverAdapter });
      app.use(DASHBOARD_PATH, gate, serverAdapter.getRouter() as Express);
    } else {
      app.use(DASHBOARD_PATH, gate, (_request: Request, response: Response) => {
        this.summary().then(
          (summary) => response.json(summary),
          (error: Error) =>
            response.status(500).json({ statusCode: 500, error: 'Internal Server Error', message: error.message }),
        );
      });
    }
  }

  private async summary(): Promise<Record<string, unknown>> {
    const snapshot = await this.status.snapshot();
    const failedJobs = Object.fromEntries(
      await Promise.all(QUEUE_NAMES.map(async (name) => [name, await this.queue.failedJobs(name, 50)] as const)),
    );
    return { ...snapshot, failedJobs };
  }
}
