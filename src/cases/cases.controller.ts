import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseEnumPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { Roles } from '../auth/roles.decorator';
import { StaffPrincipal } from '../auth/roles';
import { Page } from '../common/pagination.dto';
import { CaseWorkflowService } from './case-workflow.service';
import { CASE_ACTIONS, CaseAction } from './case-lifecycle';
import { CaseView, RedactedCaseView } from './case.view';
import { CasesService } from './cases.service';
import { CaseActionDto, CaseTextDto } from './dto/case-action.dto';
import { CreateCaseDto, CreatedCaseDto } from './dto/create-case.dto';
import { ListCasesQuery } from './dto/list-cases-query.dto';
import { CaseAccess } from './entities/case-access.entity';
import { CaseEventRecord } from './case-record';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly workflow: CaseWorkflowService,
  ) {}

  @Post()
  create(@CurrentStaff() staff: StaffPrincipal, @Body() body: CreateCaseDto): Promise<CreatedCaseDto> {
    return this.workflow.register(staff, body);
  }

  @Get()
  list(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: ListCasesQuery,
  ): Promise<Page<CaseView | RedactedCaseView>> {
    return this.cases.list(staff, query);
  }

  @Get(':id')
  get(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string): Promise<CaseView | RedactedCaseView> {
    return this.cases.get(staff, id);
  }

  @Get(':id/timeline')
  timeline(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string): Promise<CaseEventRecord[]> {
    return this.cases.timeline(staff, id);
  }

  @Get(':id/access-log')
  @Roles('manager', 'admin')
  accessLog(@Param('id') id: string): Promise<CaseAccess[]> {
    return this.cases.accessLogOf(id);
  }

  @Post(':id/notes')
  note(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() body: CaseTextDto,
  ): Promise<CaseEventRecord> {
    return this.workflow.note(staff, id, body.body);
  }

  @Post(':id/replies')
  reply(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() body: CaseTextDto,
  ): Promise<CaseEventRecord> {
    return this.workflow.reply(staff, id, body.body);
  }

  @Post(':id/:action')
  @HttpCode(200)
  @ApiParam({ name: 'action', enum: CASE_ACTIONS })
  act(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Param(
      'action',
      new ParseEnumPipe(Object.fromEntries(CASE_ACTIONS.map((a) => [a, a])), {
        exceptionFactory: () => new NotFoundException(`Unknown case action; one of ${CASE_ACTIONS.join(', ')}`),
      }),
    )
    action: CaseAction,
    @Body() body: CaseActionDto,
  ): Promise<CaseView | RedactedCaseView> {
    return this.workflow.act(staff, id, action, body);
  }
}
