import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { OidcModule } from './auth/oidc/oidc.module';
import { CalendarModule } from './calendar/calendar.module';
import { CallbacksModule } from './callbacks/callbacks.module';
import { CasesModule } from './cases/cases.module';
import { CatalogModule } from './catalog/catalog.module';
import { CitizensModule } from './citizens/citizens.module';
import { ContactsModule } from './contacts/contacts.module';
import { DuplicatesModule } from './duplicates/duplicates.module';
import { EServiceModule } from './e-service/e-service.module';
import { ImportsModule } from './imports/imports.module';
import { InboxModule } from './inbox/inbox.module';
import { NotificationsModule } from './notifications/notifications.module';
import { Open311Module } from './open311/open311.module';
import { OrganisationModule } from './organisation/organisation.module';
import { RatingsModule } from './ratings/ratings.module';
import { RegisterModule } from './register/register.module';
import { RoutingModule } from './routing/routing.module';
import { ServiceTargetsModule } from './service-targets/service-targets.module';
import { StatisticsModule } from './statistics/statistics.module';
import { TelephonyModule } from './telephony/telephony.module';
import { TriageModule } from './triage/triage.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { PrivacyModule } from './privacy/privacy.module';
import { InboundEmailModule } from './inbound-email/inbound-email.module';

const AREAS = [
  CalendarModule,
  AuthModule,
  OidcModule,
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
  StatisticsModule,
  RatingsModule,
  CallbacksModule,
  ImportsModule,
  TelephonyModule,
  RegisterModule,
  Open311Module,
  EServiceModule,
  PrivacyModule,
  InboundEmailModule,
];

/**
 * Every domain area with its services, case listeners and job handlers, and none of its
 * controllers: the API process (AppModule, through ApiModule) and the worker process
 * (WorkerModule) both load it. A new area is added here; its controllers go to ApiModule.
 * The areas are exported again so that ApiModule's controllers reach their services.
 */
@Module({ imports: AREAS, exports: AREAS })
export class AreasModule {}
