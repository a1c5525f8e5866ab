import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { Roles } from '../auth/roles.decorator';
import { StaffPrincipal } from '../auth/roles';
import { ApiErrors } from '../common/api-errors.decorator';
import { CreateAreaRuleDto } from './dto/area-rule.dto';
import { AreaRuleResponse, toAreaRuleResponse } from './dto/area-rule.response';
import { CreateRoutingOverrideDto } from './dto/routing-override.dto';
import { RoutingOverrideResponse, toRoutingOverrideResponse } from './dto/routing-override.response';
import { RoutingRulesService } from './routing-rules.service';

@ApiTags('routing')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/v1/routing')
export class RoutingRulesController {
  constructor(private readonly rules: RoutingRulesService) {}

  @Get('area-rules')
  @Roles('admin', 'manager')
  @ApiQuery({ name: 'catalogCode', required: false })
  @ApiOkResponse({ type: [AreaRuleResponse] })
  @ApiErrors(403)
  async listAreaRules(@Query('catalogCode') catalogCode?: string): Promise<AreaRuleResponse[]> {
    return (await this.rules.listAreaRules(catalogCode)).map(toAreaRuleResponse);
  }

  @Post('area-rules')
  @Roles('admin')
  @ApiCreatedResponse({ type: AreaRuleResponse })
  @ApiErrors(400, 403)
  async createAreaRule(
    @CurrentStaff() staff: StaffPrincipal,
    @Body() body: CreateAreaRuleDto,
  ): Promise<AreaRuleResponse> {
    return toAreaRuleResponse(await this.rules.createAreaRule(staff, body));
  }

  @Delete('area-rules/:id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(400, 403, 404)
  deleteAreaRule(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.rules.deleteAreaRule(id);
  }

  @Get('overrides')
  @Roles('admin', 'manager')
  @ApiOkResponse({ type: [RoutingOverrideResponse] })
  @ApiErrors(403)
  async listOverrides(): Promise<RoutingOverrideResponse[]> {
    return (await this.rules.listOverrides()).map(toRoutingOverrideResponse);
  }

  @Post('overrides')
  @Roles('admin')
  @ApiCreatedResponse({ type: RoutingOverrideResponse })
  @ApiErrors(400, 403, 409)
  async createOverride(
    @CurrentStaff() staff: StaffPrincipal,
    @Body() body: CreateRoutingOverrideDto,
  ): Promise<RoutingOverrideResponse> {
    return toRoutingOverrideResponse(await this.rules.createOverride(staff, body));
  }

  @Delete('overrides/:id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(400, 403, 404)
  deleteOverride(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.rules.deleteOverride(id);
  }
}
