import { InboundEmailModule } from '../inbound-email/inbound-email.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '../calendar/calendar.module';
import { CallbacksModule } from '../callbacks/callbacks.module';
import { CasesModule } from '../cases/cases.module';
import { CatalogModule } from '../catalog/catalog.module';
import { CitizensModule } from '../citizens/citizens.module';
import { ContactsModule } from '../contacts/contacts.module';
import { EServiceModule } from '../e-service/e-service.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { Open311Module } from '../open311/open311.module';
import { RatingsModule } from '../ratings/ratings.module';
import { PrivacyRequest } from './entities/privacy-request.entity';
import { RetentionPolicyRow } from './entities/retention-policy.entity';
import { RetentionRun } from './entities/retention-run.entity';
import { PrivacyRequestsService } from './privacy-requests.service';
import { RetentionPoliciesService } from './retention-policies.service';
import { RetentionRunJob } from './retention-run.job';
import { RetentionService } from './retention.service';

/**
 * The personal-data lifecycle (docs/personal-data.md): retention rules and runs (the nightly job
 * and an admin's run), and the rights of the person (extract, erasure, correction). It owns the
 * rules, the run records and the request log; it changes other areas' data only through their
 * services.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([RetentionPolicyRow, RetentionRun, PrivacyRequest]),
    CalendarModule,
    CallbacksModule,
    InboundEmailModule,
    CasesModule,
    CatalogModule,
    CitizensModule,
    ContactsModule,
    EServiceModule,
    NotificationsModule,
    Open311Module,
    RatingsModule,
  ],
  providers: [RetentionPoliciesService, RetentionService, RetentionRunJob, PrivacyRequestsService],
  exports: [RetentionPoliciesService, RetentionService, PrivacyRequestsService],
})
export class PrivacyModule {}
