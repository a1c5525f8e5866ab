import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { CasesModule } from '../cases/cases.module';
import { TriageModule } from '../triage/triage.module';
import { TriageService } from '../triage/triage.service';
import { CaseRoutingService } from './case-routing.service';
import { CaseTriager } from './case-triager';
import { AreaRule } from './entities/area-rule.entity';
import { RoutingOverride } from './entities/routing-override.entity';
import { RoutingCaseListener } from './routing-case.listener';
import { RoutingRulesService } from './routing-rules.service';
import { RoutingSweeper } from './routing-sweeper.service';
import { RouteCaseJob } from './route-case.job';

/**
 * Routing: the processor of the `routing` queue and the admin-kept rules. The triager is
 * a seam (`CaseTriager`); the triage area's classifier fills it.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([AreaRule, RoutingOverride]),
    CasesModule,
    CatalogModule,
    OrganisationModule,
    TriageModule,
  ],
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
