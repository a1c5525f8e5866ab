import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiExtraModels, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { Roles } from '../auth/roles.decorator';
import { StaffPrincipal } from '../auth/roles';
import { ApiErrors } from '../common/api-errors.decorator';
import { toPageResponse } from '../common/page.response';
import { PaginationQueryDto } from '../common/pagination.dto';
import {
  RetentionPoliciesResponse,
  RetentionPolicyResponse,
  RetentionRunPageResponse,
  RetentionRunResponse,
  toRetentionPoliciesResponse,
  toRetentionRunResponse,
} from './dto/retention.response';
import { RetentionPoliciesService } from './retention-policies.service';
import { RetentionService } from './retention.service';

/** Retention (gallring): the rules, and a run now. Admins only. See docs/personal-data.md. */
@ApiTags('retention')
@ApiExtraModels(RetentionPolicyResponse)
@ApiBearerAuth()
@ApiErrors(401, 403)
@Roles('admin')
@Controller('api/v1/retention')
export class RetentionController {
  constructor(
    private readonly policies: RetentionPoliciesService,
    private readonly retention: RetentionService,
  ) {}

  @Get('policies')
  @ApiOkResponse({ type: RetentionPoliciesResponse, description: 'The rules in force' })
  async inForce(): Promise<RetentionPoliciesResponse> {
    return toRetentionPoliciesResponse(await this.policies.inForce());
  }

  @Put('policies')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['policies'],
      properties: { policies: { type: 'array', items: { $ref: '#/components/schemas/RetentionPolicyResponse' } } },
    },
    description:
      'Replaces every rule. A rule gives catalogCode, kind or neither (the default; the built-in one when left out).',
  })
  @ApiOkResponse({ type: RetentionPoliciesResponse, description: 'The rules now in force' })
  @ApiErrors(400)
  // The body is a plain object on purpose: validateRetentionPolicies checks it and names every bad field.
  async replace(
    @CurrentStaff() staff: StaffPrincipal,
    @Body() body: Record<string, unknown>,
  ): Promise<RetentionPoliciesResponse> {
    return toRetentionPoliciesResponse(await this.policies.replace(staff, body));
  }

  @Get('runs')
  @ApiOkResponse({ type: RetentionRunPageResponse, description: 'The runs done, nightly and by admins, newest first' })
  @ApiErrors(400)
  async runs(@Query() query: PaginationQueryDto): Promise<RetentionRunPageResponse> {
    const page = await this.retention.runs({ limit: query.limit ?? 50, offset: query.offset ?? 0 });
    return toPageResponse(page, toRetentionRunResponse);
  }

  @Post('run')
  @HttpCode(200)
  @ApiOkResponse({ type: RetentionRunResponse, description: 'What the run removed, as counts' })
  async run(@CurrentStaff() staff: StaffPrincipal): Promise<RetentionRunResponse> {
    return toRetentionRunResponse(await this.retention.run({ by: 'admin', principal: staff }));
  }
}
