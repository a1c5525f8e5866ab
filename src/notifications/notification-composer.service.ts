import { EmailThreads } from '../inbound-email/email-threads.service';
import { Inject, Injectable } from '@nestjs/common';
import { CaseRecord } from '../cases/case-record';
import { CaseRecordsService } from '../cases/case-records.service';
import { CatalogService } from '../catalog/catalog.service';
import { CitizensService } from '../citizens/citizens.service';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { SurveyTokens } from '../e-service/survey-tokens';
import { TrackingKeys } from '../e-service/tracking-keys';
import { OrganisationService } from '../organisation/organisation.service';
import { Notification } from './entities/notification.entity';
import {
  CitizenMessage,
  MessageContext,
  receiptEmail,
  receiptSms,
  replyEmail,
  replySms,
  Resolution,
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
  private readonly trackingKeys: TrackingKeys;
  private readonly surveyTokens: SurveyTokens;

  constructor(
    private readonly cases: CaseRecordsService,
    private readonly citizens: CitizensService,
    private readonly catalog: CatalogService,
    private readonly organisation: OrganisationService,
    private readonly threads: EmailThreads,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.signature = senderName(config.mailFrom);
    this.messageIdDomain = /@([^\s>]+)>?\s*$/.exec(config.mailFrom)?.[1] ?? 'onewayin.local';
    this.trackingKeys = new TrackingKeys(config.personalDataKey);
    this.surveyTokens = new SurveyTokens(config.personalDataKey);
  }

  async compose(notification: Notification): Promise<ComposedNotification> {
    const about = await this.cases.find(notification.caseId);
    if (!about) throw new UndeliverableNotificationError('The case no longer exists');
    if (notification.kind === 'on_call') return this.composeOnCallAlert(notification, about);
    const citizen = notification.citizenId ? await this.citizens.find(notification.citizenId) : null;
    const written = await this.writtenText(notification, about);
    const context: MessageContext = {
      reference: about.reference,
      // A receipt comes from the service center; a reply or a resolution from the department that wrote it.
      signature: written ? await this.departmentName(written.from.departmentCode) : this.signature,
      language: citizen?.language ?? 'sv',
      // Every receipt carries the key to the case's tracking page.
      trackingUrl:
        notification.kind === 'receipt'
          ? this.trackingKeys.linkFor(this.config.publicBaseUrl, about.reference, about.id)
          : undefined,
      // The message that the case is resolved asks what the citizen thought (the survey).
      surveyUrl:
        notification.kind === 'resolution' ? this.surveyTokens.linkFor(this.config.publicBaseUrl, about.id) : undefined,
    };
    const fileStem = `${about.reference}-${messageTopic(notification.messageKey)}`;
    // Staff confirmed this case repeats another: the message says both were handled as one.
    const resolution = { handledWithAnother: about.status === 'duplicate', answer: written?.text ?? null };

    if (notification.channel === 'sms') {
      if (!citizen?.phone) throw new UndeliverableNotificationError('The citizen has no phone number any more');
      return {
        channel: 'sms',
        sms: { to: citizen.phone, text: this.smsFor(notification, context, resolution), fileStem },
      };
    }
    if (!citizen?.email) throw new UndeliverableNotificationError('The citizen has no e-mail address any more');
    const message = this.emailFor(notification, context, resolution);
    // A citizen who e-mailed about the case gets our message in the same thread of their mail program.
    const thread = await this.threads.threadOf(about.id);
    return {
      channel: 'email',
      mail: {
        to: citizen.email,
        ...message,
        messageId: this.messageId(notification),
        ...(thread ? { inReplyTo: thread.inReplyTo, references: thread.references } : {}),
        fileStem,
      },
    };
  }

  /**
   * The text staff wrote that the message carries, and the case it was written on: a reply's
   * body, or the answer given at resolution (for a duplicate, the original's). Nothing from a
   * confidential case: its text stays out of e-mail and SMS.
   *
   * @throws UndeliverableNotificationError when a reply is no longer on the case.
   */
  private async writtenText(
    notification: Notification,
    about: CaseRecord,
  ): Promise<{ text: string; from: CaseRecord } | null> {
    const event = notification.eventId ? await this.cases.event(notification.eventId) : null;
    const from = event && event.caseId !== about.id ? await this.cases.find(event.caseId) : about;
    if (notification.kind === 'reply') {
      if (!event?.body || !from) throw new UndeliverableNotificationError('The reply is no longer on the case');
      return { text: event.body, from };
    }
    if (notification.kind !== 'resolution' || !event?.reason?.trim() || !from) return null;
    if (from.confidential || about.confidential) return null;
    return { text: event.reason, from };
  }

  /** The department's name to sign with; the service center's when the case has no department. */
  private async departmentName(code: string | null): Promise<string> {
    if (!code) return this.signature;
    const department = await this.organisation.findDepartment(code);
    return department?.name ?? this.signature;
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

  private emailFor(notification: Notification, context: MessageContext, resolution: Resolution): CitizenMessage {
    switch (notification.kind) {
      case 'receipt':
        return receiptEmail(context);
      case 'resolution':
        return resolutionEmail(context, resolution);
      case 'reply':
        return replyEmail(context, resolution.answer as string);
      case 'on_call':
        throw new Error('An on-call alert is written by composeOnCallAlert');
    }
  }

  private smsFor(notification: Notification, context: MessageContext, resolution: Resolution): string {
    switch (notification.kind) {
      case 'receipt':
        return receiptSms(context);
      case 'resolution':
        return resolutionSms(context, resolution);
      case 'reply':
        return replySms(context, resolution.answer as string);
      case 'on_call':
        throw new Error('An on-call alert is written by composeOnCallAlert');
    }
  }
}
