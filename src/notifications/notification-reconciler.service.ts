import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, MoreThan } from 'typeorm';
import { Reconciler, Reconciliation } from '../queue/reconciliation.service';
import { Notification } from './entities/notification.entity';
import { sendNotificationJob } from './send-notification.job';

const BATCH = 500;

/**
 * Every message still `queued` in the database has its send job offered again, under the job's
 * own key (`notify:<caseId>:<what>`, or its resend key): a receipt whose job a queue lost (the
 * in-process queue on a restart, a Redis that lost its data) is sent; one the queue still
 * holds is not added twice; and the job itself leaves a message already sent alone.
 */
@Injectable()
export class NotificationReconciler implements Reconciler, OnModuleInit {
  readonly reconcilerName = 'messages to citizens';

  constructor(
    private readonly dataSource: DataSource,
    private readonly reconciliation: Reconciliation,
  ) {}

  onModuleInit(): void {
    this.reconciliation.register(this);
  }

  async reconcile(): Promise<number> {
    let written = 0;
    for (let afterId = 0; ;) {
      const queued = await this.dataSource.manager.find(Notification, {
        select: { id: true, messageKey: true, resendCount: true },
        where: { status: 'queued', id: MoreThan(afterId) },
        order: { id: 'ASC' },
        take: BATCH,
      });
      if (queued.length === 0) break;
      written += await this.reconciliation.offer(queued.map(sendNotificationJob));
      if (queued.length < BATCH) break;
      afterId = queued[queued.length - 1].id;
    }
    return written;
  }
}
