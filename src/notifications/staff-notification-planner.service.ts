import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseRecord } from '../cases/case-record';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { OutboxService } from '../queue/outbox.service';
import { Notification } from './entities/notification.entity';
import { notificationMessageKey } from './message-key';
import { maskEmail } from './personal-data-masking';
import { sendNotificationJob } from './send-notification.job';

/**
 * Plans messages to staff about a case, inside the case's transaction: a notification row with
 * no citizen, and its queue job in the outbox. They go through the same queue, retries, resend
 * and timeline as the citizens' messages; what they say is written at sending time from the case
 * (reference, type, priority), never from what the citizen wrote (staff-messages.ts).
 */
@Injectable()
export class StaffNotificationPlanner {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The on-call alert about an urgent case that came in while the service center was closed,
   * once per case (key `notify:<caseId>:on-call`). False when no on-call address is configured
   * (ON_CALL_EMAIL) or the alert was planned before.
   */
  async planOnCallAlert(manager: EntityManager, about: CaseRecord): Promise<boolean> {
    if (!this.config.onCallEmail) return false;
    const messageKey = notificationMessageKey(about.id, 'on-call');
    if (await manager.existsBy(Notification, { messageKey })) return false;
    const notification = manager.create(Notification, {
      caseId: about.id,
      citizenId: null,
      messageKey,
      kind: 'on_call',
      channel: 'email',
      recipientMasked: maskEmail(this.config.onCallEmail),
      eventId: null,
      status: 'queued',
      queuedAt: this.clock.now(),
      attempts: 0,
      resendCount: 0,
      lastError: null,
      lastAttemptAt: null,
      sentAt: null,
    });
    await manager.insert(Notification, notification);
    await this.outbox.enqueue(manager, sendNotificationJob(notification));
    return true;
  }
}
