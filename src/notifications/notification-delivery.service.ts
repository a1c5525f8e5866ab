import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Not } from 'typeorm';
import { CaseWorkflowService } from '../cases/case-workflow.service';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TransactionService } from '../database/transaction.service';
import { Notification, NotificationStatus, STAFF_NOTIFICATION_KINDS } from './entities/notification.entity';
import { ComposedNotification, NotificationComposer } from './notification-composer.service';
import { scrubPersonalData } from './personal-data-masking';
import { MailSender } from './transports/mail-sender';
import { SmsSender } from './transports/sms-sender';
import { UndeliverableNotificationError } from './undeliverable-notification.error';

const KIND_NAMES = {
  receipt: 'Receipt',
  resolution: 'Resolution message',
  reply: 'Reply',
  on_call: 'On-call alert',
} as const;
const CHANNEL_NAMES = { email: 'e-mail', sms: 'SMS' } as const;

/**
 * Sends one planned message and records how it went: on the notification row, and on the
 * case's timeline once it is sent or has failed for good. Every error text is scrubbed of
 * addresses before it is stored, thrown (the queue logs what it catches) or shown.
 */
@Injectable()
export class NotificationDeliveryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly composer: NotificationComposer,
    private readonly mail: MailSender,
    private readonly sms: SmsSender,
    private readonly clock: Clock,
    private readonly workflow: CaseWorkflowService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `attemptsMade`: tries before this one; the queue gives each job JOB_ATTEMPTS tries in all. */
  async deliver(notificationId: number, attemptsMade: number): Promise<void> {
    const notification = await this.dataSource.manager.findOneBy(Notification, { id: notificationId });
    // Sent already (the job was delivered twice): sending again would be the harm.
    if (!notification || notification.status === 'sent') return;
    const lastTry = attemptsMade + 1 >= this.config.queue.jobAttempts;
    let composed: ComposedNotification;
    try {
      composed = await this.composer.compose(notification);
    } catch (error) {
      if (!(error instanceof UndeliverableNotificationError)) throw error;
      await this.record(notification, 'failed', error.message);
      return;
    }
    try {
      if (composed.channel === 'email') await this.mail.send(composed.mail);
      else await this.sms.send(composed.sms);
    } catch (error) {
      const reason = scrubPersonalData(error instanceof Error ? error.message : String(error)).slice(0, 2000);
      await this.record(notification, lastTry ? 'failed' : 'queued', reason);
      throw new Error(reason, { cause: error });
    }
    await this.record(notification, 'sent', null);
  }

  private record(notification: Notification, status: NotificationStatus, error: string | null): Promise<void> {
    return this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const attempts = notification.attempts + 1;
      const changes: Partial<Notification> = {
        status,
        attempts,
        lastAttemptAt: now,
        lastError: error ?? notification.lastError,
      };
      if (status === 'sent') changes.sentAt = now;
      // Only the first to finish writes: a duplicate delivery of the job leaves a sent message alone.
      const result = await manager.update(Notification, { id: notification.id, status: Not('sent') }, changes);
      if (!result.affected || status === 'queued') return;
      await this.appendToTimeline(manager, { ...notification, ...changes }, now);
    });
  }

  private async appendToTimeline(manager: EntityManager, notification: Notification, at: Date): Promise<void> {
    const what = `${KIND_NAMES[notification.kind]} by ${CHANNEL_NAMES[notification.channel]}`;
    const recipient = STAFF_NOTIFICATION_KINDS.includes(notification.kind) ? 'the on-call address' : 'the citizen';
    const reason =
      notification.status === 'sent'
        ? `${what} sent to ${recipient}`
        : `${what} could not be sent after ${notification.attempts} ${notification.attempts === 1 ? 'try' : 'tries'}: ${notification.lastError ?? 'unknown error'}`;
    await this.workflow.addNotice(
      manager,
      notification.caseId,
      'notification',
      reason,
      {
        notificationId: notification.id,
        kind: notification.kind,
        channel: notification.channel,
        status: notification.status,
        attempts: notification.attempts,
        recipient: notification.recipientMasked,
      },
      at,
    );
  }
}
