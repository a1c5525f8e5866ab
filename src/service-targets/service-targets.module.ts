import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CallbackTargetChecks } from './callback-target-checks.service';
import { CallbackTargetPlanner } from './callback-target-planner.service';
import { CallbackTargetListener } from './callback-target.listener';
import { CallbackTargetsService } from './callback-targets.service';
import { CaseTargetAlarms } from './case-target-alarms.service';
import { CaseTargetChecks } from './case-target-checks.service';
import { CaseTargetPlanner } from './case-target-planner.listener';
import { CaseTargetsService } from './case-targets.service';
import { ManagerAlertsService } from './manager-alerts.service';
import { ServiceTargetPoliciesService } from './service-target-policies.service';
import { ServiceTargetPolicyRules } from './service-target-policy-rules.service';
import { ServiceTargetReconciler } from './service-target-reconciler.service';
import { CallbackTargetCheckJob } from './callback-target-check.job';
import { CaseTargetCheckJob } from './case-target-check.job';
import { SupersededJobs } from './superseded-jobs.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CallbackTarget } from './entities/callback-target.entity';
import { ManagerAlert } from './entities/manager-alert.entity';
import { ServiceTargetPolicy } from './entities/service-target-policy.entity';
import { CatalogModule } from '../catalog/catalog.module';
import { ContactsModule } from '../contacts/contacts.module';
import { CallbacksModule } from '../callbacks/callbacks.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OnCallAlertListener } from './on-call-alert.listener';

/**
 * Service targets: the policies, the due times on every case (planned in the case's own
 * transaction through the case hooks) and on every callback a contact owes, the warning and
 * breach checks on the `service-targets` queue, the out-of-hours alert about urgent cases (with
 * its message to the on-call staff through the notifications area), and the managers' breach
 * list and alerts. The business calendar is the one the calendar area stores (CalendarService).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([CallbackTarget, ManagerAlert, ServiceTargetPolicy]),
    CatalogModule,
    ContactsModule,
    CallbacksModule,
    CasesModule,
    NotificationsModule,
  ],
  providers: [
    ServiceTargetPolicyRules,
    ServiceTargetPoliciesService,
    ManagerAlertsService,
    CaseTargetAlarms,
    CaseTargetPlanner,
    CaseTargetChecks,
    CaseTargetsService,
    CaseTargetCheckJob,
    CallbackTargetCheckJob,
    ServiceTargetReconciler,
    SupersededJobs,
    CallbackTargetPlanner,
    CallbackTargetListener,
    CallbackTargetChecks,
    CallbackTargetsService,
    OnCallAlertListener,
  ],
  exports: [
    ServiceTargetPolicyRules,
    CaseTargetAlarms,
    ManagerAlertsService,
    CaseTargetCheckJob,
    CallbackTargetCheckJob,
    SupersededJobs,
    ServiceTargetPoliciesService,
    CaseTargetsService,
    CallbackTargetsService,
  ],
})
export class ServiceTargetsModule {}
