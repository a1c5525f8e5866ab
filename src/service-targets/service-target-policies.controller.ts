import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { Roles } from '../auth/roles.decorator';
import { StaffPrincipal } from '../auth/roles';
import { ApplicableTargetsQuery } from './dto/applicable-targets-query.dto';
import { ServiceTargetPolicyDto } from './dto/service-target-policy.dto';
import { ApplicableTargets, ServiceTargetPoliciesService } from './service-target-policies.service';
import { ServiceTargetPolicyView } from './service-target-policy.view';

@ApiTags('service-targets')
@ApiBearerAuth()
@Controller('api/v1/service-targets/policies')
export class ServiceTargetPoliciesController {
  constructor(private readonly policies: ServiceTargetPoliciesService) {}

  /** Every policy, most specific first. */
  @Get()
  list(): Promise<ServiceTargetPolicyView[]> {
    return this.policies.list();
  }

  /** Which target each measure would get for these facts, and from which policy. */
  @Get('applicable')
  applicable(@Query() query: ApplicableTargetsQuery): Promise<ApplicableTargets> {
    return this.policies.applicable(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ServiceTargetPolicyView> {
    return this.policies.get(id);
  }

  @Post()
  @Roles('admin')
  create(
    @CurrentStaff() staff: StaffPrincipal,
    @Body() body: ServiceTargetPolicyDto,
  ): Promise<ServiceTargetPolicyView> {
    return this.policies.create(staff, body);
  }

  @Put(':id')
  @Roles('admin')
  replace(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ServiceTargetPolicyDto,
  ): Promise<ServiceTargetPolicyView> {
    return this.policies.replace(staff, id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.policies.remove(id);
  }
}
