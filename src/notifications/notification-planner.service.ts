import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseRecord } from '../cases/case-record';
import { contactChannelOf } from '../citizens/citizen.types';
import { CitizensService } from '../citizens/citizens.service';
import { Clock } from '../common/clock';
import { OutboxService } from '../queue/outbox.service';
import { Notification, NotificationKind } from './entities/notification.entity';
import { notificationMessageKey } from './message-key';
import { sendNotificationJob } from './send-notification.job';
import { maskEmail, maskPhone } from './personal-data-masking';

export interface PlannedMessage {
  kind: NotificationKind;
  /** What makes the message one of its own: `receipt`, `resolution-2`, `reply-57`. */
  topic: string;
  /** The timeline event whose text the message carries (a reply; the resolution with its answer). */
  eventId?: number;
}

/**
 * Plans a message to the citizen of a case inside the case's transaction: a notification
 * row (status queued) and its queue job in the outbox, committed with the change that
 * causes them or not at all. A message that is already planned is not planned again. It goes
 * by e-mail when the citizen gave an address, else by SMS, else not at all (contactChannelOf).
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
    const channel = contactChannelOf(citizen);
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
      eventId: message.eventId ?? null,
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
