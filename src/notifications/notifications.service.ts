import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, FindOptionsWhere, In, LessThan } from 'typeorm';
import { StaffPrincipal } from '../auth/roles';
import { AccessPolicy } from '../auth/access-policy';
import { CaseRecordsService } from '../cases/case-records.service';
import { Clock } from '../common/clock';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/domain-errors';
import { Page } from '../common/pagination.dto';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TransactionService } from '../database/transaction.service';
import { MessageQueue } from '../queue/message-queue';
import { OutboxService } from '../queue/outbox.service';
import { ListNotificationsQuery } from './dto/list-notifications-query.dto';
import { Notification, NOTIFICATION_KINDS, STAFF_NOTIFICATION_KINDS } from './entities/notification.entity';
import { sendNotificationJob } from './send-notification.job';
import { NotificationView, toNotificationView } from './notification.view';

/** What staff see of the messages to citizens, and an admin's second try at a failed or stuck one. */
/** The kinds of message that go to the case's citizen. */
const CITIZEN_NOTIFICATION_KINDS = NOTIFICATION_KINDS.filter((kind) => !STAFF_NOTIFICATION_KINDS.includes(kind));

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly outbox: OutboxService,
    private readonly queue: MessageQueue,
    private readonly cases: CaseRecordsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A case's messages, for staff who may read the case: even masked, an address is about the citizen. */
  async forCase(principal: StaffPrincipal, caseId: string): Promise<NotificationView[]> {
    const found = await this.cases.find(caseId);
    if (!found) throw new NotFoundError('Case', caseId);
    if (!AccessPolicy.mayReadContent(principal, found))
      throw new ForbiddenError('This case is confidential to its department');
    const rows = await this.dataSource.manager.find(Notification, { where: { caseId }, order: { id: 'ASC' } });
    const stuckBefore = this.stuckBefore();
    return rows.map((row) => toNotificationView(row, found.reference, stuckBefore));
  }

  /**
   * The messages about these cases, oldest first, for a register extract: what was sent to the
   * person, when and by which channel (the address masked, as it is kept).
   */
  async forCases(caseIds: string[]): Promise<NotificationView[]> {
    if (caseIds.length === 0) return [];
    const rows = await this.dataSource.manager.find(Notification, {
      where: { caseId: In(caseIds) },
      order: { id: 'ASC' },
    });
    const references = await this.cases.references(caseIds);
    const stuckBefore = this.stuckBefore();
    return rows.map((row) => toNotificationView(row, references.get(row.caseId) ?? null, stuckBefore));
  }

  /**
   * Removes the personal data of the messages about these cases inside the caller's transaction
   * (retention, erasure): the citizen link, the masked address and the last failure (which may
   * name the address). Kind, channel, status and times stay. Answers how many messages changed.
   */
  async anonymiseForCases(manager: EntityManager, caseIds: string[]): Promise<number> {
    if (caseIds.length === 0) return 0;
    const result = await manager.update(
      Notification,
      { caseId: In(caseIds), kind: In(CITIZEN_NOTIFICATION_KINDS) },
      { citizenId: null, recipientMasked: null, lastError: null },
    );
    return result.affected ?? 0;
  }

  /** Every message, newest first; `status` and `stuck` (queued longer than STUCK_AFTER_MINUTES) narrow it. */
  async list(query: ListNotificationsQuery): Promise<Page<NotificationView>> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const stuckBefore = this.stuckBefore();
    const where: FindOptionsWhere<Notification> = query.status ? { status: query.status } : {};
    if (query.stuck) {
      // Only a queued message can be stuck: asked for another status, there is none.
      if (query.status && query.status !== 'queued') return { items: [], total: 0, limit, offset };
      Object.assign(where, { status: 'queued', queuedAt: LessThan(stuckBefore) });
    }
    const [rows, total] = await this.dataSource.manager.findAndCount(Notification, {
      where,
      order: { id: 'DESC' },
      take: limit,
      skip: offset,
    });
    const references = await this.cases.references(rows.map((row) => row.caseId));
    return {
      items: rows.map((row) => toNotificationView(row, references.get(row.caseId) ?? null, stuckBefore)),
      total,
      limit,
      offset,
    };
  }

  /** How many messages are stuck: still queued STUCK_AFTER_MINUTES after they were queued. */
  countStuck(): Promise<number> {
    return this.dataSource.manager.countBy(Notification, {
      status: 'queued',
      queuedAt: LessThan(this.stuckBefore()),
    });
  }

  /**
   * Sends a message again as a new queue job: a failed one (say, after the mail relay was
   * fixed), or one stuck in the queue longer than STUCK_AFTER_MINUTES. A stuck one's old job is
   * taken back first (from the outbox, and from the queue if it still holds it), so the two do
   * not both send it. @throws ConflictError for a message sent, or queued only a short while.
   */
  async resend(id: number): Promise<NotificationView> {
    const stuckBefore = this.stuckBefore();
    let supersededKey: string | null = null;
    const view = await this.transactions.run(async (manager) => {
      const notification = await manager.findOneBy(Notification, { id });
      if (!notification) throw new NotFoundError('Notification', String(id));
      const stuck = notification.status === 'queued' && notification.queuedAt < stuckBefore;
      if (notification.status !== 'failed' && !stuck)
        throw new ConflictError(
          `Only a failed message, or one queued for more than ${this.config.reconciliation.stuckAfterMinutes} minutes, ` +
            `can be sent again; this one is ${notification.status}` +
            (notification.status === 'queued' ? ` since ${notification.queuedAt.toISOString()}` : ''),
        );
      if (stuck) {
        supersededKey = sendNotificationJob(notification).key;
        await this.outbox.withdraw(manager, supersededKey);
      }
      Object.assign(notification, {
        status: 'queued',
        resendCount: notification.resendCount + 1,
        queuedAt: this.clock.now(),
      });
      await manager.update(
        Notification,
        { id },
        { status: notification.status, resendCount: notification.resendCount, queuedAt: notification.queuedAt },
      );
      await this.outbox.enqueue(manager, sendNotificationJob(notification));
      const about = await this.cases.find(notification.caseId, manager);
      return toNotificationView(notification, about?.reference ?? null, this.stuckBefore());
    });
    if (supersededKey) await this.takeOutOfQueue(supersededKey);
    return view;
  }

  /**
   * Tidiness: an old job the queue still held and runs anyway finds the message sent and leaves
   * it, unless the two run at the same moment (both then carry the message's one Message-ID).
   */
  private async takeOutOfQueue(key: string): Promise<void> {
    await this.queue
      .remove('notifications', key)
      .catch((error: Error) =>
        this.logger.warn(`Could not take the stuck job ${key} out of the queue: ${error.message}`),
      );
  }

  /** Queued before this instant (the domain's clock), a message still queued is stuck. */
  private stuckBefore(): Date {
    return new Date(this.clock.now().getTime() - this.config.reconciliation.stuckAfterMinutes * 60_000);
  }
}
