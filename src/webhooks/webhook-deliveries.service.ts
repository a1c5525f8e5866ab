import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, FindOptionsWhere, LessThan } from 'typeorm';
import { CaseRecordsService } from '../cases/case-records.service';
import { Clock } from '../common/clock';
import { ConflictError, NotFoundError } from '../common/domain-errors';
import { Page } from '../common/pagination.dto';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TransactionService } from '../database/transaction.service';
import { MessageQueue } from '../queue/message-queue';
import { OutboxService } from '../queue/outbox.service';
import { ListWebhookDeliveriesQuery } from './dto/list-webhook-deliveries-query.dto';
import { WebhookDelivery } from './entities/webhook-delivery.entity';
import { toWebhookDeliveryView, WebhookDeliveryView } from './webhook-delivery.view';
import { deliverWebhookJob } from './deliver-webhook.job';

/** The delivery log, and an admin's resend of a delivery once the receiver works again, or of one stuck in the queue. */
@Injectable()
export class WebhookDeliveriesService {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly outbox: OutboxService,
    private readonly queue: MessageQueue,
    private readonly cases: CaseRecordsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(query: ListWebhookDeliveriesQuery): Promise<Page<WebhookDeliveryView>> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const stuckBefore = this.stuckBefore();
    const where: FindOptionsWhere<WebhookDelivery> = {};
    if (query.status) where.status = query.status;
    if (query.departmentCode) where.departmentCode = query.departmentCode;
    if (query.caseId) where.caseId = query.caseId;
    if (query.stuck) {
      // Only a pending delivery can be stuck: asked for another status, there is none.
      if (query.status && query.status !== 'pending') return { items: [], total: 0, limit, offset };
      Object.assign(where, { status: 'pending', queuedAt: LessThan(stuckBefore) });
    }
    const [rows, total] = await this.dataSource.manager.findAndCount(WebhookDelivery, {
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    const references = await this.cases.references(rows.map((row) => row.caseId));
    return {
      items: rows.map((row) => toWebhookDeliveryView(row, references.get(row.caseId) ?? null, stuckBefore)),
      total,
      limit,
      offset,
    };
  }

  /** How many deliveries are stuck: still pending STUCK_AFTER_MINUTES after they were queued. */
  countStuck(): Promise<number> {
    return this.dataSource.manager.countBy(WebhookDelivery, {
      status: 'pending',
      queuedAt: LessThan(this.stuckBefore()),
    });
  }

  /**
   * Sends a failed delivery again, a delivered one the receiver says it lost, or one stuck in
   * the queue longer than STUCK_AFTER_MINUTES, as a new queue job with the same delivery id. A
   * stuck one's old job is taken back first (from the outbox, and from the queue if it still
   * holds it). A cancelled one stays cancelled: the case left the department.
   * @throws ConflictError for a cancelled delivery, or one pending only a short while.
   */
  async resend(id: string): Promise<WebhookDeliveryView> {
    const stuckBefore = this.stuckBefore();
    let supersededKey: string | null = null;
    const view = await this.transactions.run(async (manager) => {
      const delivery = await manager.findOneBy(WebhookDelivery, { id });
      if (!delivery) throw new NotFoundError('Webhook delivery', id);
      const stuck = delivery.status === 'pending' && delivery.queuedAt < stuckBefore;
      if (delivery.status !== 'failed' && delivery.status !== 'delivered' && !stuck) {
        throw new ConflictError(
          `Only a failed or delivered delivery, or one pending for more than ${this.config.reconciliation.stuckAfterMinutes} minutes, ` +
            `can be sent again; this one is ${delivery.status}` +
            (delivery.status === 'pending' ? ` since ${delivery.queuedAt.toISOString()}` : ''),
        );
      }
      if (stuck) {
        supersededKey = deliverWebhookJob(delivery).key;
        await this.outbox.withdraw(manager, supersededKey);
      }
      Object.assign(delivery, {
        status: 'pending',
        resendCount: delivery.resendCount + 1,
        deliveredAt: null,
        queuedAt: this.clock.now(),
      });
      await manager.update(
        WebhookDelivery,
        { id },
        { status: delivery.status, resendCount: delivery.resendCount, deliveredAt: null, queuedAt: delivery.queuedAt },
      );
      await this.outbox.enqueue(manager, deliverWebhookJob(delivery));
      const routed = await this.cases.find(delivery.caseId, manager);
      return toWebhookDeliveryView(delivery, routed?.reference ?? null, this.stuckBefore());
    });
    if (supersededKey) await this.takeOutOfQueue(supersededKey);
    return view;
  }

  /** Tidiness: an old job the queue still held and runs anyway finds the delivery settled and leaves it. */
  private async takeOutOfQueue(key: string): Promise<void> {
    await this.queue
      .remove('webhooks', key)
      .catch((error: Error) =>
        this.logger.warn(`Could not take the stuck job ${key} out of the queue: ${error.message}`),
      );
  }

  /** Queued before this instant (the domain's clock), a delivery still pending is stuck. */
  private stuckBefore(): Date {
    return new Date(this.clock.now().getTime() - this.config.reconciliation.stuckAfterMinutes * 60_000);
  }
}
