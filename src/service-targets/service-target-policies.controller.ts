import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { Roles } from '../auth/roles.decorator';
import { StaffPrincipal } from '../auth/roles';
import { ApiErrors } from '../common/api-errors.decorator';
import { ApplicableTargetsQuery } from './dto/applicable-targets-query.dto';
import { ApplicableTargetsResponse, toApplicableTargetsResponse } from './dto/applicable-targets.response';
import { ServiceTargetPolicyDto } from './dto/service-target-policy.dto';
import { ServiceTargetPolicyResponse, toServiceTargetPolicyResponse } from './dto/service-target-policy.response';
import { ServiceTargetPoliciesService } from './service-target-policies.service';

@ApiTags('service-targets')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/v1/service-targets/policies')
export class ServiceTargetPoliciesController {
  constructor(private readonly policies: ServiceTargetPoliciesService) {}

  /** Every policy, most specific first. */
  @Get()
  @ApiOkResponse({ type: [ServiceTargetPolicyResponse], description: 'Most specific first' })
  async list(): Promise<ServiceTargetPolicyResponse[]> {
    return (await this.policies.list()).map(toServiceTargetPolicyResponse);
  }

  /** Which target each measure would get for these facts, and from which policy. */
  @Get('applicable')
  @ApiOkResponse({ type: ApplicableTargetsResponse })
  @ApiErrors(400)
  async applicable(@Query() query: ApplicableTargetsQuery): Promise<ApplicableTargetsResponse> {
    return toApplicableTargetsResponse(await this.policies.applicable(query));
  }

  @Get(':id')
  @ApiOkResponse({ type: ServiceTargetPolicyResponse })
  @ApiErrors(400, 404)
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<ServiceTargetPolicyResponse> {
    return toServiceTargetPolicyResponse(await this.policies.get(id));
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: ServiceTargetPolicyResponse })
  @ApiErrors(400, 403, 409)
  async create(
    @CurrentStaff() staff: StaffPrincipal,
    @Body() body: ServiceTargetPolicyDto,
  ): Promise<ServiceTargetPolicyResponse> {
    return toServiceTargetPolicyResponse(await this.policies.create(staff, body));
  }

  @Put(':id')
  @Roles('admin')
  @ApiOkResponse({ type: ServiceTargetPolicyResponse })
  @ApiErrors(400, 403, 404, 409)
  async replace(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ServiceTargetPolicyDto,
  ): Promise<ServiceTargetPolicyResponse> {
    return toServiceTargetPolicyResponse(await this.policies.replace(staff, id, body));
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(400, 403, 404)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.policies.remove(id);
  }
}
