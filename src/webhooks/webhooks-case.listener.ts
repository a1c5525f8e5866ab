import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseChange, CaseHooks, CaseListener } from '../cases/case-hooks';
import { CaseEvent } from '../cases/entities/case-event.entity';
import { Case } from '../cases/entities/case.entity';
import { newId } from '../common/ids';
import { OutboxService } from '../queue/outbox.service';
import { DepartmentWebhook } from './entities/department-webhook.entity';
import { WebhookDelivery } from './entities/webhook-delivery.entity';
import { deliverWebhookJob } from './deliver-webhook.job';

/**
 * Each time a case is routed to a department (by an agent, by a transfer, or by the
 * routing job), and that department has an active webhook, a delivery is written with
 * its queue job inside the case's own transaction: the routing and the news of it are
 * committed together, or not at all.
 */
@Injectable()
export class WebhooksCaseListener implements CaseListener, OnModuleInit {
  constructor(
    private readonly hooks: CaseHooks,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async caseChanged(manager: EntityManager, changed: Case, change: CaseChange): Promise<void> {
    if (change.toStatus !== 'routed' || (change.action !== 'route' && change.action !== 'transfer')) return;
    if (!changed.departmentCode) return;
    if (!(await manager.existsBy(DepartmentWebhook, { departmentCode: changed.departmentCode, active: true }))) return;
    // The routing's own timeline event names this routing among the case's others.
    const routing = await manager.findOne(CaseEvent, {
      where: { caseId: changed.id, toStatus: 'routed' },
      order: { id: 'DESC' },
    });
    const deliveryKey = `webhook:${changed.id}:${routing ? routing.id : `n${(await manager.countBy(WebhookDelivery, { caseId: changed.id })) + 1}`}`;
    if (await manager.existsBy(WebhookDelivery, { deliveryKey })) return;
    const delivery = manager.create(WebhookDelivery, {
      id: newId(),
      deliveryKey,
      event: 'case.routed',
      departmentCode: changed.departmentCode,
      caseId: changed.id,
      routingEventId: routing?.id ?? null,
      routedAt: change.at,
      status: 'pending',
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
