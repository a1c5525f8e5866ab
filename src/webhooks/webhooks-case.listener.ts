import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseChangeEvent, CaseListener } from '../cases/case-change';
import { CaseChangePublisher } from '../cases/case-change-publisher.service';
import { CaseRecordsService } from '../cases/case-records.service';
import { newId } from '../common/ids';
import { OutboxService } from '../queue/outbox.service';
import { DepartmentWebhook } from './entities/department-webhook.entity';
import { WebhookDelivery } from './entities/webhook-delivery.entity';
import { deliverWebhookJob } from './deliver-webhook.job';
import { selectRow } from '../database/select-rows';

/**
 * Each time a case is routed to a department (by an agent, by a transfer, or by the
 * routing job), and that department has an active webhook, a delivery is written with
 * its queue job inside the case's own transaction: the routing and the news of it are
 * committed together, or not at all.
 */
@Injectable()
export class WebhooksCaseListener implements CaseListener, OnModuleInit {
  readonly listenerName = 'webhooks';

  constructor(
    private readonly publisher: CaseChangePublisher,
    private readonly cases: CaseRecordsService,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.publisher.subscribe(this);
  }

  async onCaseChange(manager: EntityManager, event: CaseChangeEvent): Promise<void> {
    if (event.toStatus !== 'routed' || (event.action !== 'route' && event.action !== 'transfer')) return;
    const routedCase = event.case;
    if (!routedCase.departmentCode) return;
    const webhook = await selectRow(manager, DepartmentWebhook, {
      departmentCode: routedCase.departmentCode,
      active: true,
    });
    if (!webhook) return;
    // The routing's own timeline event names this routing among the case's others.
    const routing = await this.cases.latestEvent(manager, routedCase.id, { type: 'status', toStatus: 'routed' });
    const deliveryKey = `webhook:${routedCase.id}:${routing ? routing.id : `n${(await manager.countBy(WebhookDelivery, { caseId: routedCase.id })) + 1}`}`;
    if (await manager.existsBy(WebhookDelivery, { deliveryKey })) return;
    const delivery = manager.create(WebhookDelivery, {
      id: newId(),
      deliveryKey,
      event: 'case.routed',
      departmentCode: routedCase.departmentCode,
      caseId: routedCase.id,
      routingEventId: routing?.id ?? null,
      routedAt: event.at,
      status: 'pending',
      queuedAt: event.at,
      attempts: 0,
      resendCount: 0,
      lastStatusCode: null,
      lastError: null,
      lastAttemptAt: null,
      deliveredAt: null,
    });
    await manager.insert(WebhookDelivery, delivery);
    await this.outbox.enqueue(manager, deliverWebhookJob(delivery));
  }
}
