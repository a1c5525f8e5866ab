import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CaseTargetAlarms } from './case-target-alarms';
import { CaseTargetChecks } from './case-target-checks';
import { CaseTargetPlanner } from './case-target-planner';
import { CaseTargetsService } from './case-targets.service';
import { ManagerAlertsService } from './manager-alerts.service';
import { ServiceTargetCalendar } from './service-target-calendar';
import { ServiceTargetCaseListener } from './service-target-case.listener';
import { ServiceTargetPoliciesController } from './service-target-policies.controller';
import { ServiceTargetPoliciesService } from './service-target-policies.service';
import { ServiceTargetPolicyRules } from './service-target-policy-rules';
import { ServiceTargetRecovery } from './service-target-recovery';
import { ServiceTargetProcessor } from './service-target.processor';
import { ServiceTargetsController } from './service-targets.controller';
import { SupersededJobs } from './superseded-jobs';

/**
 * Service targets: the policies, the due times on every case (planned in the case's own
 * transaction through the case hooks), the warning and breach checks on the `service-targets`
 * queue, and the managers' breach list and alerts. The business calendar is the one the
 * calendar area stores, read through ServiceTargetCalendar.
 */
@Module({
  imports: [CasesModule],
  controllers: [ServiceTargetPoliciesController, ServiceTargetsController],
  providers: [
    ServiceTargetCalendar,
    ServiceTargetPolicyRules,
    ServiceTargetPoliciesService,
    ManagerAlertsService,
    CaseTargetAlarms,
    CaseTargetPlanner,
    CaseTargetChecks,
    CaseTargetsService,
    ServiceTargetCaseListener,
    ServiceTargetProcessor,
    ServiceTargetRecovery,
    SupersededJobs,
  ],
  exports: [
    ServiceTargetCalendar,
    ServiceTargetPolicyRules,
    ManagerAlertsService,
    ServiceTargetProcessor,
    SupersededJobs,
  ],
})
export class ServiceTargetsModule {}
