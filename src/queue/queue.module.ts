import { BeforeApplicationShutdown, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { BullMqQueueDriver } from './bullmq-queue.driver';
import { InProcessQueueDriver } from './in-process-queue.driver';
import { JobRegistry, QUEUE_CATALOG } from './job-registry.service';
import { MessageQueue } from './message-queue';
import { OutboxRelay } from './outbox-relay.service';
import { OutboxService } from './outbox.service';
import { QueueStatusService } from './queue-status.service';
import { Reconciliation } from './reconciliation.service';
import { QUEUES } from './queue-names';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxMessage } from './entities/outbox-message.entity';

/**
 * The queue, the outbox, the job registry and the reconciliation, for every area. REDIS_URL
 * picks BullMQ; without it the jobs run inside this process. The registry finds the `@OnJob`
 * handlers of every module the process loads and works each queue with them; the areas'
 * reconcilers offer again, from the database, what a queue may have lost.
 */
@Global()
@Module({
  imports: [DiscoveryModule, TypeOrmModule.forFeature([OutboxMessage])],
  providers: [
    {
      provide: MessageQueue,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): MessageQueue =>
        config.redisUrl
          ? new BullMqQueueDriver(config.redisUrl, config.queue.prefix, config.queue.runWorkers, config.queue.jobLockMs)
          : new InProcessQueueDriver(config.queue.runWorkers),
    },
    OutboxService,
    OutboxRelay,
    QueueStatusService,
    Reconciliation,
    { provide: QUEUE_CATALOG, useValue: QUEUES },
    JobRegistry,
  ],
  exports: [MessageQueue, OutboxService, OutboxRelay, QueueStatusService, JobRegistry, Reconciliation],
})
export class QueueModule implements BeforeApplicationShutdown {
  constructor(private readonly queue: MessageQueue) {}

  /** Nest runs this after the providers' hooks (the relay stops first) and before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
