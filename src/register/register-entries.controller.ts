import { Body, Controller, Get, Param, Patch, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { Roles } from '../auth/roles.decorator';
import { StaffPrincipal } from '../auth/roles';
import { ApiErrors } from '../common/api-errors.decorator';
import { PublicationRuleDto, PublicationRuleResponse } from './dto/publication-rule.dto';
import { UpdateRegisterEntryDto } from './dto/register-entry.dto';
import { RegisterEntryResponse, toRegisterEntryResponse } from './dto/register-entry.response';
import { RegisterEntriesService } from './register-entries.service';
import { RegisterRulesService } from './register-rules.service';

/** Staff's side of the public register: a case's entry (withhold, edit its summary) and the publication rules. */
@ApiTags('public register')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/v1/register')
export class RegisterEntriesController {
  constructor(
    private readonly entries: RegisterEntriesService,
    private readonly rules: RegisterRulesService,
  ) {}

  /** A case's register entry: what is or will be published, and when. */
  @Roles('handler', 'manager', 'admin')
  @Get('entries/:reference')
  @ApiOkResponse({ type: RegisterEntryResponse })
  @ApiErrors(403, 404)
  async get(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
  ): Promise<RegisterEntryResponse> {
    return toRegisterEntryResponse(await this.entries.get(staff, reference));
  }

  /** Withholds a case from the public register or lets it in; sets or clears the handler's own summary. */
  @Roles('handler', 'manager', 'admin')
  @Patch('entries/:reference')
  @ApiOkResponse({ type: RegisterEntryResponse })
  @ApiErrors(400, 403, 404)
  async update(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Body() body: UpdateRegisterEntryDto,
  ): Promise<RegisterEntryResponse> {
    return toRegisterEntryResponse(await this.entries.update(staff, reference, body));
  }

  /** Every catalog type's publication rule, its own or the default. */
  @Roles('handler', 'manager', 'admin')
  @Get('rules')
  @ApiOkResponse({ type: [PublicationRuleResponse] })
  @ApiErrors(403)
  listRules(): Promise<PublicationRuleResponse[]> {
    return this.rules.list();
  }

  /** Sets how a catalog type is published: its delay in hours, and its summary or its existence only. */
  @Roles('admin')
  @Put('rules/:catalogCode')
  @ApiOkResponse({ type: PublicationRuleResponse })
  @ApiErrors(400, 403, 404)
  setRule(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('catalogCode') catalogCode: string,
    @Body() body: PublicationRuleDto,
  ): Promise<PublicationRuleResponse> {
    return this.rules.set(staff, catalogCode, body);
  }
}
