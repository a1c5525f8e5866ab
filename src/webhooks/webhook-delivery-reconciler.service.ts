import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, MoreThan } from 'typeorm';
import { Reconciler, Reconciliation } from '../queue/reconciliation.service';
import { deliverWebhookJob } from './deliver-webhook.job';
import { WebhookDelivery } from './entities/webhook-delivery.entity';

const BATCH = 500;

/**
 * Every delivery still `pending` in the database has its job offered again, under the job's own
 * key (`webhook:<caseId>:<routing event id>`, or its resend key): a delivery whose job a queue
 * lost is sent; one the queue still holds is not added twice; and the job itself leaves a
 * delivery already settled alone.
 */
@Injectable()
export class WebhookDeliveryReconciler implements Reconciler, OnModuleInit {
  readonly reconcilerName = 'webhook deliveries';

  constructor(
    private readonly dataSource: DataSource,
    private readonly reconciliation: Reconciliation,
  ) {}

  onModuleInit(): void {
    this.reconciliation.register(this);
  }

  async reconcile(): Promise<number> {
    let written = 0;
    for (let afterId = ''; ;) {
      const pending = await this.dataSource.manager.find(WebhookDelivery, {
        select: { id: true, deliveryKey: true, resendCount: true },
        where: { status: 'pending', id: MoreThan(afterId) },
        order: { id: 'ASC' },
        take: BATCH,
      });
      if (pending.length === 0) break;
      written += await this.reconciliation.offer(pending.map(deliverWebhookJob));
      if (pending.length < BATCH) break;
      afterId = pending[pending.length - 1].id;
    }
    return written;
  }
}
