import { Module } from '@nestjs/common';
import { AreasModule } from './areas.module';
import { AuthController } from './auth/auth.controller';
import { OidcSignInController } from './auth/oidc/oidc-sign-in.controller';
import { SignInMethodsController } from './auth/sign-in-methods.controller';
import { StaffController } from './auth/staff.controller';
import { CalendarController } from './calendar/calendar.controller';
import { CallbacksController } from './callbacks/callbacks.controller';
import { CasesController } from './cases/cases.controller';
import { CatalogController } from './catalog/catalog.controller';
import { ContactsController } from './contacts/contacts.controller';
import { HealthController } from './health/health.controller';
import { CaseImportController } from './imports/case-import.controller';
import { DepartmentInboxController } from './inbox/department-inbox.controller';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsController } from './notifications/notifications.controller';
import { Open311ClientsController } from './open311/open311-clients.controller';
import { Open311Controller } from './open311/open311.controller';
import { Open311PhotosController } from './open311/open311-photos.controller';
import { OrganisationController } from './organisation/organisation.controller';
import { QueueDashboardModule } from './queue/dashboard/queue-dashboard.module';
import { RatingsController } from './ratings/ratings.controller';
import { PublicRegisterController } from './register/public-register.controller';
import { RegisterEntriesController } from './register/register-entries.controller';
import { RoutingRulesController } from './routing/routing-rules.controller';
import { CallbackTargetsController } from './service-targets/callback-targets.controller';
import { ServiceTargetPoliciesController } from './service-targets/service-target-policies.controller';
import { ServiceTargetsController } from './service-targets/service-targets.controller';
import { StatisticsController } from './statistics/statistics.controller';
import { TelephonyController } from './telephony/telephony.controller';
import { TriageController } from './triage/triage.controller';
import { CONSOLE_CONTROLLERS, WebModule } from './web/web.module';
import { DepartmentWebhookController } from './webhooks/department-webhook.controller';
import { WebhookDeliveriesController } from './webhooks/webhook-deliveries.controller';
import { PrivacyController } from './privacy/privacy.controller';
import { RetentionController } from './privacy/retention.controller';
import { InboundEmailController } from './inbound-email/inbound-email.controller';
import { CaseEmailsController } from './inbound-email/case-emails.controller';
import { InboundSmtpModule } from './inbound-email/inbound-smtp.module';

/**
 * The HTTP edge: every controller of the application is registered here, and nowhere else,
 * next to what only an HTTP server needs (the request metrics and /metrics, the queue
 * dashboard). The controllers live in their areas' folders and call the services the areas
 * export; they are listed in the order the areas are, which is the order Express matches
 * their routes in. The worker process does not load this module.
 *
 * The staff web console's page controllers (src/web/) come after the API's: HTML pages under
 * `/`, `/login`, `/desk`, `/inbox`, `/cases/...`, `/dashboard`, `/admin`, and their assets.
 */
@Module({
  imports: [AreasModule, MetricsModule, QueueDashboardModule, WebModule, InboundSmtpModule],
  controllers: [
    CalendarController,
    AuthController,
    SignInMethodsController,
    OidcSignInController,
    StaffController,
    OrganisationController,
    CatalogController,
    ContactsController,
    CasesController,
    TriageController,
    RoutingRulesController,
    ServiceTargetPoliciesController,
    ServiceTargetsController,
    CallbackTargetsController,
    NotificationsController,
    DepartmentWebhookController,
    WebhookDeliveriesController,
    DepartmentInboxController,
    HealthController,
    MetricsController,
    StatisticsController,
    RatingsController,
    CallbacksController,
    CaseImportController,
    TelephonyController,
    PublicRegisterController,
    RegisterEntriesController,
    Open311ClientsController,
    Open311PhotosController,
    Open311Controller,
    RetentionController,
    PrivacyController,
    InboundEmailController,
    CaseEmailsController,
    ...CONSOLE_CONTROLLERS,
  ],
})
export class ApiModule {}
