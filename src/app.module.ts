import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CallbacksModule } from './callbacks/callbacks.module';
import { CasesModule } from './cases/cases.module';
import { CatalogModule } from './catalog/catalog.module';
import { CitizensModule } from './citizens/citizens.module';
import { CommonModule } from './common/common.module';
import { ConfigModule } from './config/config.module';
import { ContactsModule } from './contacts/contacts.module';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { DuplicatesModule } from './duplicates/duplicates.module';
import { HealthModule } from './health/health.module';
import { InboxModule } from './inbox/inbox.module';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsModule } from './notifications/notifications.module';
import { QueueDashboardModule } from './queue/dashboard/queue-dashboard.module';
import { QueueModule } from './queue/queue.module';
import { RoutingModule } from './routing/routing.module';
import { ServiceTargetsModule } from './service-targets/service-targets.module';
import { ImportsModule } from './imports/imports.module';
import { OrganisationModule } from './organisation/organisation.module';
import { RatingsModule } from './ratings/ratings.module';
import { StatisticsModule } from './statistics/statistics.module';
import { TelephonyModule } from './telephony/telephony.module';
import { TriageModule } from './triage/triage.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({
  imports: [
    ConfigModule,
    CommonModule,
    DatabaseModule,
    QueueModule,
    CalendarModule,
    AuthModule,
    CitizensModule,
    OrganisationModule,
    CatalogModule,
    ContactsModule,
    CasesModule,
    TriageModule,
    DuplicatesModule,
    RoutingModule,
    ServiceTargetsModule,
    NotificationsModule,
    WebhooksModule,
    InboxModule,
    HealthModule,
    MetricsModule,
    QueueDashboardModule,
    DemoModule,
    StatisticsModule,
    RatingsModule,
    CallbacksModule,
    ImportsModule,
    TelephonyModule,
  ],
})
export class AppModule {}
