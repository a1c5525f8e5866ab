import { BeforeApplicationShutdown, Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { BullMqQueueDriver } from './bullmq-queue.driver';
import { InProcessQueueDriver } from './in-process-queue.driver';
import { MessageQueue } from './message-queue';
import { OutboxRelay } from './outbox-relay.service';
import { OutboxService } from './outbox.service';
import { QueueStatusService } from './queue-status.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxMessage } from './entities/outbox-message.entity';

/**
 * The queue and the outbox, for every area. REDIS_URL picks BullMQ; without it the jobs
 * run inside this process.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage])],
  providers: [
    {
      provide: MessageQueue,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): MessageQueue =>
        config.redisUrl
          ? new BullMqQueueDriver(config.redisUrl, config.queue.prefix, config.queue.runWorkers)
          : new InProcessQueueDriver(config.queue.runWorkers),
    },
    OutboxService,
    OutboxRelay,
    QueueStatusService,
  ],
  exports: [MessageQueue, OutboxService, OutboxRelay, QueueStatusService],
})
export class QueueModule implements BeforeApplicationShutdown {
  constructor(private readonly queue: MessageQueue) {}

  /** Nest runs this after the providers' hooks (the relay stops first) and before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
