import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseRecord } from '../cases/case-record';
import { CitizensService, CitizenView } from '../citizens/citizens.service';
import { Clock } from '../common/clock';
import { OutboxService } from '../queue/outbox.service';
import { Notification, NotificationChannel, NotificationKind } from './entities/notification.entity';
import { notificationMessageKey } from './message-key';
import { sendNotificationJob } from './send-notification.job';
import { maskEmail, maskPhone } from './personal-data-masking';

export interface PlannedMessage {
  kind: NotificationKind;
  /** What makes the message one of its own: `receipt`, `resolution-2`, `reply-57`. */
  topic: string;
  replyEventId?: number;
}

/**
 * Plans a message to the citizen of a case inside the case's transaction: a notification
 * row (status queued) and its queue job in the outbox, committed with the change that
 * causes them or not at all. A message that is already planned is not planned again.
 */
@Injectable()
export class NotificationPlanner {
  constructor(
    private readonly outbox: OutboxService,
    private readonly citizens: CitizensService,
    private readonly clock: Clock,
  ) {}

  async plan(manager: EntityManager, about: CaseRecord, message: PlannedMessage): Promise<void> {
    if (!about.citizenId) return;
    const citizen = await this.citizens.find(about.citizenId, manager);
    const channel = citizen ? channelFor(citizen, message.kind) : null;
    if (!citizen || !channel) return;
    const messageKey = notificationMessageKey(about.id, message.topic);
    if (await manager.existsBy(Notification, { messageKey })) return;
    const notification = manager.create(Notification, {
      caseId: about.id,
      citizenId: citizen.id,
      messageKey,
      kind: message.kind,
      channel,
      recipientMasked: channel === 'email' ? maskEmail(citizen.email as string) : maskPhone(citizen.phone as string),
      replyEventId: message.replyEventId ?? null,
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
  }

  /** Takes back a message whose job has not left the outbox yet, so it is never sent. */
  async withdraw(manager: EntityManager, caseId: string, topic: string): Promise<void> {
    const messageKey = notificationMessageKey(caseId, topic);
    if ((await this.outbox.withdraw(manager, messageKey)) > 0)
      await manager.delete(Notification, { messageKey, status: 'queued' });
  }
}

/**
 * E-mail when the citizen gave an address, else SMS: an SMS costs money and holds little
 * text. A reply is the handler's own text and may be long, so it goes by e-mail only.
 */
function channelFor(citizen: CitizenView, kind: NotificationKind): NotificationChannel | null {
  if (citizen.email) return 'email';
  if (citizen.phone && kind !== 'reply') return 'sms';
  return null;
}
