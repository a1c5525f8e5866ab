import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { Roles } from '../auth/roles.decorator';
import { StaffPrincipal } from '../auth/roles';
import { CreateAreaRuleDto } from './dto/area-rule.dto';
import { CreateRoutingOverrideDto } from './dto/routing-override.dto';
import { AreaRule } from './entities/area-rule.entity';
import { RoutingOverride } from './entities/routing-override.entity';
import { RoutingRulesService } from './routing-rules.service';

@ApiTags('routing')
@ApiBearerAuth()
@Controller('api/v1/routing')
export class RoutingRulesController {
  constructor(private readonly rules: RoutingRulesService) {}

  @Get('area-rules')
  @Roles('admin', 'manager')
  @ApiQuery({ name: 'catalogCode', required: false })
  listAreaRules(@Query('catalogCode') catalogCode?: string): Promise<AreaRule[]> {
    return this.rules.listAreaRules(catalogCode);
  }

  @Post('area-rules')
  @Roles('admin')
  createAreaRule(@CurrentStaff() staff: StaffPrincipal, @Body() body: CreateAreaRuleDto): Promise<AreaRule> {
    return this.rules.createAreaRule(staff, body);
  }

  @Delete('area-rules/:id')
  @Roles('admin')
  @HttpCode(204)
  deleteAreaRule(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.rules.deleteAreaRule(id);
  }

  @Get('overrides')
  @Roles('admin', 'manager')
  listOverrides(): Promise<RoutingOverride[]> {
    return this.rules.listOverrides();
  }

  @Post('overrides')
  @Roles('admin')
  createOverride(
    @CurrentStaff() staff: StaffPrincipal,
    @Body() body: CreateRoutingOverrideDto,
  ): Promise<RoutingOverride> {
    return this.rules.createOverride(staff, body);
  }

  @Delete('overrides/:id')
  @Roles('admin')
  @HttpCode(204)
  deleteOverride(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.rules.deleteOverride(id);
  }
}
