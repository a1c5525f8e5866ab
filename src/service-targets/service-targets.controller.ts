import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { StaffPrincipal } from '../auth/roles';
import { Page } from '../common/pagination.dto';
import { CaseTargetView } from './case-target.view';
import { BreachedCaseView, CaseTargetsService } from './case-targets.service';
import { AlertsQuery } from './dto/alerts-query.dto';
import { BreachesQuery } from './dto/breaches-query.dto';
import { ManagerAlert } from './entities/manager-alert.entity';
import { ManagerAlertsService } from './manager-alerts.service';

/**
 * The managers' view of service targets: the breach list and the alerts of their departments
 * (managers and admins see every department, handlers and agents their own), and the plan of one case.
 */
@ApiTags('service-targets')
@ApiBearerAuth()
@Controller('api/v1/service-targets')
export class ServiceTargetsController {
  constructor(
    private readonly cases: CaseTargetsService,
    private readonly alerts: ManagerAlertsService,
  ) {}

  @Get('breaches')
  breaches(@CurrentStaff() staff: StaffPrincipal, @Query() query: BreachesQuery): Promise<Page<BreachedCaseView>> {
    return this.cases.breaches(staff, query);
  }

  @Get('alerts')
  listAlerts(@CurrentStaff() staff: StaffPrincipal, @Query() query: AlertsQuery): Promise<Page<ManagerAlert>> {
    return this.alerts.list(staff, query);
  }

  @Post('alerts/:id/acknowledge')
  @HttpCode(200)
  acknowledge(@CurrentStaff() staff: StaffPrincipal, @Param('id', ParseIntPipe) id: number): Promise<ManagerAlert> {
    return this.alerts.acknowledge(staff, id);
  }

  /** Due times, warnings and breaches of one case. */
  @Get('cases/:id')
  casePlan(@Param('id') id: string): Promise<CaseTargetView> {
    return this.cases.plan(id);
  }
}
