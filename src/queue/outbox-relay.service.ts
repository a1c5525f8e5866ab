import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { OutboxMessage } from './entities/outbox-message.entity';
import { MessageQueue } from './message-queue';
import { OutboxCommitListener } from './outbox-commit-listener';
import { OutboxService } from './outbox.service';
import { QUEUE_NAMES, QueueName } from './queue-names';

const BATCH = 100;
const KEEP_DISPATCHED_MS = 7 * 24 * 3600_000;
const PURGE_EVERY_MS = 3600_000;

/**
 * Moves committed outbox rows into the queue: at once when a transaction that wrote one
 * commits, and every OUTBOX_POLL_MS in case a nudge was missed (another process wrote the
 * row, or the queue was down). Every process runs one; claiming keeps them from handing
 * over the same row twice, and the queue's jobId refuses a duplicate should it happen. A queue
 * that holds as much as it should (the in-process queue's limit) is handed nothing until it
 * has room again; its rows wait in the outbox.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private nudged = false;
  private stopped = false;
  private lastPurge = Date.now();
  private lastWarning = 0;

  constructor(
    private readonly outbox: OutboxService,
    private readonly queue: MessageQueue,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.dataSource.subscribers.push(new OutboxCommitListener(() => this.nudge()));
    this.schedule(0);
  }

  /** Stops before the queue and the database close; a hand-over in progress finishes first. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  nudge(): void {
    if (this.stopped) return;
    if (this.running) this.nudged = true;
    else this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), delayMs);
  }

  private tick(): void {
    if (this.stopped || this.running) return;
    this.nudged = false;
    this.running = this.relay()
      .catch((error: Error) => this.logger.error(`Outbox relay failed: ${error.message}`))
      .finally(() => {
        this.running = null;
        if (!this.stopped) this.schedule(this.nudged ? 0 : this.config.queue.outboxPollMs);
      });
  }

  private async relay(): Promise<void> {
    for (;;) {
      const claimed = await this.claim();
      if (claimed.length === 0) break;
      const queueTookAll = await this.dispatch(claimed);
      if (!queueTookAll || claimed.length < BATCH || this.stopped) break;
    }
    if (Date.now() - this.lastPurge > PURGE_EVERY_MS) {
      this.lastPurge = Date.now();
      await this.outbox.purgeDispatched(KEEP_DISPATCHED_MS);
    }
  }

  /**
   * The next rows to hand over: the oldest due rows of every queue; while a queue has no room
   * (MessageQueue.roomFor), the oldest of each queue that has, so that a queue that cannot keep
   * up neither fills this process's memory nor holds up the others.
   */
  private async claim(): Promise<OutboxMessage[]> {
    const rooms = QUEUE_NAMES.map((queue) => [queue, this.queue.roomFor(queue)] as const);
    if (rooms.every(([, room]) => room >= BATCH)) return this.outbox.claimDue(BATCH);
    const claimed: OutboxMessage[] = [];
    for (const [queue, room] of rooms) {
      if (room > 0) claimed.push(...(await this.outbox.claimDue(Math.min(BATCH, room), queue)));
    }
    return claimed;
  }

  private async dispatch(rows: OutboxMessage[]): Promise<boolean> {
    const now = Date.now();
    const results = await Promise.allSettled(
      rows.map((row) =>
        this.queue.add(row.queue as QueueName, row.jobName, row.payload, {
          jobId: row.jobKey,
          delayMs: row.runAfter ? Math.max(0, row.runAfter.getTime() - now) : 0,
          attempts: this.config.queue.jobAttempts,
          backoff: { type: 'exponential', delayMs: this.config.queue.jobBackoffMs },
        }),
      ),
    );
    const dispatched = rows.filter((_row, index) => results[index].status === 'fulfilled');
    const failed = rows.filter((_row, index) => results[index].status === 'rejected');
    await this.outbox.markDispatched(dispatched.map((row) => row.id));
    if (failed.length > 0) {
      const reason = (results.find((result) => result.status === 'rejected') as PromiseRejectedResult).reason as Error;
      await this.outbox.markFailed(failed, reason.message);
      // While Redis is down this happens on every poll; one line in ten seconds says enough.
      if (now - this.lastWarning > 10_000) {
        this.lastWarning = now;
        this.logger.warn(`The queue did not take ${failed.length} job(s); they stay in the outbox: ${reason.message}`);
      }
    }
    return failed.length === 0;
  }
}
