import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { TriageModule } from '../triage/triage.module';
import { TriageService } from '../triage/triage.service';
import { CaseRoutingService } from './case-routing.service';
import { CaseTriager } from './case-triager';
import { RouteCaseJob } from './route-case.job';
import { RoutingCaseListener } from './routing-case.listener';
import { RoutingRulesService } from './routing-rules.service';
import { RoutingSweeper } from './routing-sweeper.service';

/**
 * Routing: the handler of the `routing` queue's job and the admin-kept rules. The triager is
 * a seam (`CaseTriager`); the triage area's classifier fills it.
 */
@Module({
  imports: [CasesModule, TriageModule],
  providers: [
    CaseRoutingService,
    RoutingRulesService,
    RouteCaseJob,
    RoutingCaseListener,
    RoutingSweeper,
    { provide: CaseTriager, useExisting: TriageService },
  ],
  exports: [CaseRoutingService, CaseTriager, RoutingSweeper, RoutingRulesService],
})
export class RoutingModule {}
