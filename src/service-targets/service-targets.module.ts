import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CallbackTargetCheckJob } from './callback-target-check.job';
import { CallbackTargetChecks } from './callback-target-checks.service';
import { CallbackTargetPlanner } from './callback-target-planner.service';
import { CallbackTargetSubscriber } from './callback-target.listener';
import { CallbackTargetsService } from './callback-targets.service';
import { CaseTargetAlarms } from './case-target-alarms.service';
import { CaseTargetCheckJob } from './case-target-check.job';
import { CaseTargetChecks } from './case-target-checks.service';
import { CaseTargetPlanner } from './case-target-planner.service';
import { CaseTargetsService } from './case-targets.service';
import { ManagerAlertsService } from './manager-alerts.service';
import { ServiceTargetCaseListener } from './service-target-case.listener';
import { ServiceTargetPoliciesService } from './service-target-policies.service';
import { ServiceTargetPolicyRules } from './service-target-policy-rules.service';
import { ServiceTargetRecovery } from './service-target-recovery.service';
import { SupersededJobs } from './superseded-jobs.service';

/**
 * Service targets: the policies, the due times on every case (planned in the case's own
 * transaction through the case hooks) and on every callback a contact owes, the warning and
 * breach checks on the `service-targets` queue, and the managers' breach list and alerts. The
 * business calendar is the one the calendar area stores (CalendarService).
 */
@Module({
  imports: [CasesModule],
  providers: [
    ServiceTargetPolicyRules,
    ServiceTargetPoliciesService,
    ManagerAlertsService,
    CaseTargetAlarms,
    CaseTargetPlanner,
    CaseTargetChecks,
    CaseTargetCheckJob,
    CaseTargetsService,
    ServiceTargetCaseListener,
    ServiceTargetRecovery,
    SupersededJobs,
    CallbackTargetPlanner,
    CallbackTargetSubscriber,
    CallbackTargetChecks,
    CallbackTargetCheckJob,
    CallbackTargetsService,
  ],
  exports: [
    ServiceTargetPolicyRules,
    ServiceTargetPoliciesService,
    CaseTargetsService,
    CallbackTargetsService,
    ManagerAlertsService,
    SupersededJobs,
  ],
})
export class ServiceTargetsModule {}
