import { Injectable } from '@nestjs/common';
import { DataSource, FindOptionsWhere } from 'typeorm';
import { CaseRecordsService } from '../cases/case-records.service';
import { ConflictError, NotFoundError } from '../common/domain-errors';
import { Page } from '../common/pagination.dto';
import { TransactionService } from '../database/transaction.service';
import { OutboxService } from '../queue/outbox.service';
import { ListWebhookDeliveriesQuery } from './dto/list-webhook-deliveries-query.dto';
import { WebhookDelivery } from './entities/webhook-delivery.entity';
import { toWebhookDeliveryView, WebhookDeliveryView } from './webhook-delivery.view';
import { deliverWebhookJob } from './deliver-webhook.job';

/** The delivery log, and an admin's resend of a delivery once the receiver works again. */
@Injectable()
export class WebhookDeliveriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly outbox: OutboxService,
    private readonly cases: CaseRecordsService,
  ) {}

  async list(query: ListWebhookDeliveriesQuery): Promise<Page<WebhookDeliveryView>> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const where: FindOptionsWhere<WebhookDelivery> = {};
    if (query.status) where.status = query.status;
    if (query.departmentCode) where.departmentCode = query.departmentCode;
    if (query.caseId) where.caseId = query.caseId;
    const [rows, total] = await this.dataSource.manager.findAndCount(WebhookDelivery, {
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    const references = await this.cases.references(rows.map((row) => row.caseId));
    return {
      items: rows.map((row) => toWebhookDeliveryView(row, references.get(row.caseId) ?? null)),
      total,
      limit,
      offset,
    };
  }

  /**
   * Sends a failed delivery again, or a delivered one the receiver says it lost, as a new
   * queue job with the same delivery id. A cancelled one stays cancelled: the case left
   * the department.
   */
  resend(id: string): Promise<WebhookDeliveryView> {
    return this.transactions.run(async (manager) => {
      const delivery = await manager.findOneBy(WebhookDelivery, { id });
      if (!delivery) throw new NotFoundError('Webhook delivery', id);
      if (delivery.status !== 'failed' && delivery.status !== 'delivered') {
        throw new ConflictError(
          `Only a failed or delivered delivery can be sent again; this one is ${delivery.status}`,
        );
      }
      Object.assign(delivery, { status: 'pending', resendCount: delivery.resendCount + 1, deliveredAt: null });
      await manager.update(
        WebhookDelivery,
        { id },
        { status: delivery.status, resendCount: delivery.resendCount, deliveredAt: null },
      );
      await this.outbox.enqueue(manager, deliverWebhookJob(delivery));
      const routed = await this.cases.find(delivery.caseId, manager);
      return toWebhookDeliveryView(delivery, routed?.reference ?? null);
    });
  }
}
