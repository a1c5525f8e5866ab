import { Injectable } from '@nestjs/common';
import { MessageQueue, QueueCounts, QueueDriverName } from './message-queue';
import { QUEUE_NAMES } from './queue-names';
import { OutboxBacklog, OutboxService } from './outbox.service';

export interface QueueStatus {
  driver: QueueDriverName;
  status: 'up' | 'down';
  /** Per queue: jobs waiting, running, delayed and failed for good; absent while Redis is down. */
  queues: Record<string, Pick<QueueCounts, 'waiting' | 'active' | 'delayed' | 'failed'>>;
  /** Jobs written but not yet handed to the queue: they grow while Redis is down. */
  outbox: OutboxBacklog;
}

/** One look at the queue and the outbox, for the health check, the metrics and the dashboard. */
@Injectable()
export class QueueStatusService {
  constructor(
    private readonly queue: MessageQueue,
    private readonly outbox: OutboxService,
  ) {}

  async snapshot(): Promise<QueueStatus> {
    const [available, outbox] = await Promise.all([this.queue.isAvailable(), this.outbox.backlog()]);
    const queues: QueueStatus['queues'] = {};
    if (available) {
      const counts = await Promise.all(QUEUE_NAMES.map((name) => this.queue.counts(name).catch(() => null)));
      QUEUE_NAMES.forEach((name, index) => {
        const count = counts[index];
        if (count)
          queues[name] = { waiting: count.waiting, active: count.active, delayed: count.delayed, failed: count.failed };
      });
    }
    return { driver: this.queue.driver, status: available ? 'up' : 'down', queues, outbox };
  }
}
