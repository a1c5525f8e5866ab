import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { StaffPrincipal } from '../auth/roles';
import { AccessPolicy } from '../auth/access-policy';
import { CaseRecordsService } from '../cases/case-records.service';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/domain-errors';
import { Page } from '../common/pagination.dto';
import { TransactionService } from '../database/transaction.service';
import { OutboxService } from '../queue/outbox.service';
import { ListNotificationsQuery } from './dto/list-notifications-query.dto';
import { Notification } from './entities/notification.entity';
import { sendNotificationJob } from './send-notification.job';
import { NotificationView, toNotificationView } from './notification.view';

/** What staff see of the messages to citizens, and an admin's second try at a failed one. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly outbox: OutboxService,
    private readonly cases: CaseRecordsService,
  ) {}

  /** A case's messages, for staff who may read the case: even masked, an address is about the citizen. */
  async forCase(principal: StaffPrincipal, caseId: string): Promise<NotificationView[]> {
    const found = await this.cases.find(caseId);
    if (!found) throw new NotFoundError('Case', caseId);
    if (!AccessPolicy.mayReadContent(principal, found))
      throw new ForbiddenError('This case is confidential to its department');
    const rows = await this.dataSource.manager.find(Notification, { where: { caseId }, order: { id: 'ASC' } });
    return rows.map((row) => toNotificationView(row, found.reference));
  }

  async list(query: ListNotificationsQuery): Promise<Page<NotificationView>> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const [rows, total] = await this.dataSource.manager.findAndCount(Notification, {
      where: query.status ? { status: query.status } : {},
      order: { id: 'DESC' },
      take: limit,
      skip: offset,
    });
    const references = await this.cases.references(rows.map((row) => row.caseId));
    return {
      items: rows.map((row) => toNotificationView(row, references.get(row.caseId) ?? null)),
      total,
      limit,
      offset,
    };
  }

  /** Sends a failed message again (say, after the mail relay was fixed), as a new queue job. */
  resend(id: number): Promise<NotificationView> {
    return this.transactions.run(async (manager) => {
      const notification = await manager.findOneBy(Notification, { id });
      if (!notification) throw new NotFoundError('Notification', String(id));
      if (notification.status !== 'failed')
        throw new ConflictError(`Only a failed message can be sent again; this one is ${notification.status}`);
      Object.assign(notification, { status: 'queued', resendCount: notification.resendCount + 1 });
      await manager.update(
        Notification,
        { id },
        { status: notification.status, resendCount: notification.resendCount },
      );
      await this.outbox.enqueue(manager, sendNotificationJob(notification));
      const about = await this.cases.find(notification.caseId, manager);
      return toNotificationView(notification, about?.reference ?? null);
    });
  }
}
