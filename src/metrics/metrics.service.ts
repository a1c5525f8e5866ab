import { Injectable, OnModuleInit } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { NotificationsService } from '../notifications/notifications.service';
import { MessageQueue } from '../queue/message-queue';
import { QueueStatusService } from '../queue/queue-status.service';
import { WebhookDeliveriesService } from '../webhooks/webhook-deliveries.service';

/**
 * The Prometheus metrics of this process. Queue depth, the outbox backlog and the stuck
 * messages and deliveries are read at scrape time, so they are the same whichever process is
 * scraped; job outcomes are counted by the process that ran the job.
 */
@Injectable()
export class MetricsService implements OnModuleInit {
  /** A registry per app, not prom-client's global one: tests start several apps in one process. */
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: 'onewayin_http_requests_total',
    help: 'HTTP requests answered',
    labelNames: ['method', 'route', 'status'],
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'onewayin_http_request_duration_seconds',
    help: 'Time to answer an HTTP request',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly jobOutcomes = new Counter({
    name: 'onewayin_queue_job_outcomes_total',
    help: 'Finished job attempts by outcome: completed, retrying (failed, will be tried again) or failed (attempts used up)',
    labelNames: ['queue', 'outcome'],
    registers: [this.registry],
  });

  constructor(
    private readonly queue: MessageQueue,
    status: QueueStatusService,
    notifications: NotificationsService,
    webhookDeliveries: WebhookDeliveriesService,
  ) {
    // One snapshot per scrape serves all the gauges below.
    let pending: ReturnType<QueueStatusService['snapshot']> | null = null;
    const snapshot = () => (pending ??= status.snapshot().finally(() => setTimeout(() => (pending = null), 0)));
    new Gauge({
      name: 'onewayin_queue_up',
      help: '1 when the queue takes jobs (Redis answers), else 0',
      labelNames: ['driver'],
      registers: [this.registry],
      async collect() {
        const now = await snapshot();
        this.reset();
        this.set({ driver: now.driver }, now.status === 'up' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'onewayin_queue_jobs',
      help: 'Jobs in the queue by state (failed = kept after using up their attempts)',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        const now = await snapshot();
        this.reset();
        for (const [queue, counts] of Object.entries(now.queues))
          for (const [state, value] of Object.entries(counts)) this.set({ queue, state }, value);
      },
    });
    new Gauge({
      name: 'onewayin_outbox_pending',
      help: 'Jobs written to the outbox and not yet handed to the queue',
      registers: [this.registry],
      async collect() {
        this.set((await snapshot()).outbox.pending);
      },
    });
    new Gauge({
      name: 'onewayin_outbox_oldest_pending_seconds',
      help: 'How long the oldest undispatched outbox job has waited (0 when none)',
      registers: [this.registry],
      async collect() {
        this.set((await snapshot()).outbox.oldestPendingSeconds ?? 0);
      },
    });
    new Gauge({
      name: 'onewayin_outbox_scheduled',
      help: 'Delayed jobs waiting in the outbox for their time (handed to the queue when nearly due)',
      registers: [this.registry],
      async collect() {
        this.set((await snapshot()).outbox.scheduled);
      },
    });
    new Gauge({
      name: 'onewayin_stuck',
      help: 'Messages to citizens (notification) and webhook deliveries (webhook_delivery) still waiting STUCK_AFTER_MINUTES after they were queued',
      labelNames: ['kind'],
      registers: [this.registry],
      async collect() {
        const [notification, webhookDelivery] = await Promise.all([
          notifications.countStuck(),
          webhookDeliveries.countStuck(),
        ]);
        this.set({ kind: 'notification' }, notification);
        this.set({ kind: 'webhook_delivery' }, webhookDelivery);
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'onewayin_' });
  }

  onModuleInit(): void {
    this.queue.onOutcome((outcome) => this.jobOutcomes.inc({ queue: outcome.queue, outcome: outcome.result }));
  }
}
