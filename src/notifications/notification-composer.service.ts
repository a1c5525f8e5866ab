import { Inject, Injectable } from '@nestjs/common';
import { CaseRecord } from '../cases/case-record';
import { CaseRecordsService } from '../cases/case-records.service';
import { CatalogService } from '../catalog/catalog.service';
import { CitizensService } from '../citizens/citizens.service';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Notification } from './entities/notification.entity';
import {
  CitizenMessage,
  MessageContext,
  receiptEmail,
  receiptSms,
  replyEmail,
  resolutionEmail,
  resolutionSms,
  senderName,
} from './notification-messages';
import { messageTopic } from './message-key';
import { onCallEmail } from './staff-messages';
import { OutgoingMail } from './transports/mail-sender';
import { OutgoingSms } from './transports/sms-sender';
import { UndeliverableNotificationError } from './undeliverable-notification.error';

export type ComposedNotification = { channel: 'email'; mail: OutgoingMail } | { channel: 'sms'; sms: OutgoingSms };

/**
 * Writes a planned message out at sending time, from the case and the citizen as they are
 * now: a corrected address is used, and an address removed meanwhile is not written to. A
 * message to staff (an on-call alert) goes to the address configured now (ON_CALL_EMAIL).
 */
@Injectable()
export class NotificationComposer {
  private readonly signature: string;
  private readonly messageIdDomain: string;

  constructor(
    private readonly cases: CaseRecordsService,
    private readonly citizens: CitizensService,
    private readonly catalog: CatalogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.signature = senderName(config.mailFrom);
    this.messageIdDomain = /@([^\s>]+)>?\s*$/.exec(config.mailFrom)?.[1] ?? 'onewayin.local';
  }

  async compose(notification: Notification): Promise<ComposedNotification> {
    const about = await this.cases.find(notification.caseId);
    if (!about) throw new UndeliverableNotificationError('The case no longer exists');
    if (notification.kind === 'on_call') return this.composeOnCallAlert(notification, about);
    const citizen = notification.citizenId ? await this.citizens.find(notification.citizenId) : null;
    const context: MessageContext = {
      reference: about.reference,
      signature: this.signature,
      language: citizen?.language ?? 'sv',
    };
    const fileStem = `${about.reference}-${messageTopic(notification.messageKey)}`;
    // Staff confirmed this case repeats another: the message says both were handled as one.
    const handledWithAnother = about.status === 'duplicate';

    if (notification.channel === 'sms') {
      if (!citizen?.phone) throw new UndeliverableNotificationError('The citizen has no phone number any more');
      const text =
        notification.kind === 'receipt'
          ? receiptSms(context)
          : resolutionSms(context, { handledWithAnother, answer: null });
      return { channel: 'sms', sms: { to: citizen.phone, text, fileStem } };
    }
    if (!citizen?.email) throw new UndeliverableNotificationError('The citizen has no e-mail address any more');
    const message = await this.emailFor(notification, context, handledWithAnother);
    return {
      channel: 'email',
      mail: {
        to: citizen.email,
        ...message,
        messageId: this.messageId(notification),
        fileStem,
      },
    };
  }

  private async composeOnCallAlert(notification: Notification, about: CaseRecord): Promise<ComposedNotification> {
    if (!this.config.onCallEmail) throw new UndeliverableNotificationError('No on-call address is configured any more');
    const entry = about.catalogCode ? await this.catalog.findAny(about.catalogCode) : null;
    const message = onCallEmail({
      reference: about.reference,
      caseTypeName: entry?.name.sv ?? null,
      confidential: about.confidential,
      priority: about.priority,
      signature: this.signature,
    });
    return {
      channel: 'email',
      mail: {
        to: this.config.onCallEmail,
        ...message,
        messageId: this.messageId(notification),
        fileStem: `${about.reference}-${messageTopic(notification.messageKey)}`,
      },
    };
  }

  private messageId(notification: Notification): string {
    return `<${notification.messageKey.replace(/:/g, '.')}@${this.messageIdDomain}>`;
  }

  private async emailFor(
    notification: Notification,
    context: MessageContext,
    handledWithAnother: boolean,
  ): Promise<CitizenMessage> {
    switch (notification.kind) {
      case 'receipt':
        return receiptEmail(context);
      case 'resolution':
        return resolutionEmail(context, { handledWithAnother, answer: null });
      case 'reply': {
        const reply = notification.replyEventId ? await this.cases.event(notification.replyEventId) : null;
        if (!reply?.body) throw new UndeliverableNotificationError('The reply is no longer on the case');
        return replyEmail(context, reply.body);
      }
      case 'on_call':
        throw new Error('An on-call alert is written by composeOnCallAlert');
    }
  }
}
