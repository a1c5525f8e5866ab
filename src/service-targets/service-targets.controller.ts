import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { StaffPrincipal } from '../auth/roles';
import { ApiErrors } from '../common/api-errors.decorator';
import { toPageResponse } from '../common/page.response';
import { CaseTargetsService } from './case-targets.service';
import { AlertsQuery } from './dto/alerts-query.dto';
import { BreachedCasePageResponse, toBreachedCaseResponse } from './dto/breached-case.response';
import { BreachesQuery } from './dto/breaches-query.dto';
import { CaseTargetPlanResponse, toCaseTargetPlanResponse } from './dto/case-target-plan.response';
import { ManagerAlertPageResponse, ManagerAlertResponse, toManagerAlertResponse } from './dto/manager-alert.response';
import { ManagerAlertsService } from './manager-alerts.service';

/**
 * The managers' view of service targets: the breach list and the alerts of their departments
 * (managers and admins see every department, handlers and agents their own), and the plan of one case.
 */
@ApiTags('service-targets')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/v1/service-targets')
export class ServiceTargetsController {
  constructor(
    private readonly cases: CaseTargetsService,
    private readonly alerts: ManagerAlertsService,
  ) {}

  @Get('breaches')
  @ApiOkResponse({ type: BreachedCasePageResponse, description: 'The earliest breach first' })
  @ApiErrors(400, 403)
  async breaches(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: BreachesQuery,
  ): Promise<BreachedCasePageResponse> {
    return toPageResponse(await this.cases.breaches(staff, query), toBreachedCaseResponse);
  }

  @Get('alerts')
  @ApiOkResponse({ type: ManagerAlertPageResponse, description: 'Newest first' })
  @ApiErrors(400, 403)
  async listAlerts(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: AlertsQuery,
  ): Promise<ManagerAlertPageResponse> {
    return toPageResponse(await this.alerts.list(staff, query), toManagerAlertResponse);
  }

  @Post('alerts/:id/acknowledge')
  @HttpCode(200)
  @ApiOkResponse({ type: ManagerAlertResponse, description: 'The alert, now acknowledged' })
  @ApiErrors(400, 403, 404, 409)
  async acknowledge(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<ManagerAlertResponse> {
    return toManagerAlertResponse(await this.alerts.acknowledge(staff, id));
  }

  /** Due times, warnings and breaches of one case. */
  @Get('cases/:id')
  @ApiOkResponse({ type: CaseTargetPlanResponse })
  @ApiErrors(404)
  async casePlan(@Param('id') id: string): Promise<CaseTargetPlanResponse> {
    return toCaseTargetPlanResponse(await this.cases.plan(id));
  }
}
