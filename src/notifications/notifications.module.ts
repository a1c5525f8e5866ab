import { InboundEmailModule } from '../inbound-email/inbound-email.module';
import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CatalogModule } from '../catalog/catalog.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { NotificationComposer } from './notification-composer.service';
import { NotificationDeliveryService } from './notification-delivery.service';
import { NotificationPlanner } from './notification-planner.service';
import { NotificationReconciler } from './notification-reconciler.service';
import { SendNotificationJob } from './send-notification.job';
import { NotificationsCaseListener } from './notifications-case.listener';
import { NotificationsService } from './notifications.service';
import { StaffNotificationPlanner } from './staff-notification-planner.service';
import { FileMailSender } from './transports/file-mail-sender';
import { MailSender } from './transports/mail-sender';
import { SmtpMailSender } from './transports/smtp-mail-sender';
import { FileSmsSender } from './transports/file-sms-sender';
import { SmsSender } from './transports/sms-sender';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Notification } from './entities/notification.entity';

/**
 * Messages to citizens about their cases, and to staff about urgent cases out of hours (the
 * on-call alert, ON_CALL_EMAIL): planned in the case's transaction, sent by the
 * `notifications` queue, and offered again from the database when a queue lost them. E-mail goes by SMTP when SMTP_URL is set, else into MAIL_DIR as
 * .eml files; SMS always into MAIL_DIR/sms/ until a provider is chosen.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Notification]),
    CasesModule,
    CatalogModule,
    OrganisationModule,
    InboundEmailModule,
  ],
  providers: [
    NotificationsService,
    NotificationPlanner,
    StaffNotificationPlanner,
    NotificationsCaseListener,
    NotificationComposer,
    NotificationDeliveryService,
    SendNotificationJob,
    NotificationReconciler,
    {
      provide: MailSender,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): MailSender =>
        config.smtpUrl
          ? new SmtpMailSender(config.smtpUrl, config.mailFrom)
          : new FileMailSender(config.mailDir, config.mailFrom),
    },
    {
      provide: SmsSender,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): SmsSender => new FileSmsSender(config.mailDir),
    },
  ],
  exports: [NotificationsService, StaffNotificationPlanner],
})
export class NotificationsModule {}
