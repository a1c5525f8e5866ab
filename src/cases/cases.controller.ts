import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseEnumPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { Roles } from '../auth/roles.decorator';
import { StaffPrincipal } from '../auth/roles';
import { ApiErrors } from '../common/api-errors.decorator';
import { toPageResponse } from '../common/page.response';
import { CaseWorkflowService } from './case-workflow.service';
import { CASE_ACTIONS, CaseAction } from './case-lifecycle';
import { CasesService } from './cases.service';
import { CaseAccessResponse, toCaseAccessResponse } from './dto/case-access.response';
import { CaseActionDto, CaseTextDto } from './dto/case-action.dto';
import { CaseEventResponse, toCaseEventResponse } from './dto/case-event.response';
import { CasePageResponse } from './dto/case-page.response';
import { CaseResponse } from './dto/case.response';
import { CorrectCaseDto } from './dto/correct-case.dto';
import { CreateCaseDto } from './dto/create-case.dto';
import { CreatedCaseResponse, toCreatedCaseResponse } from './dto/created-case.response';
import { ListCasesQuery } from './dto/list-cases-query.dto';
import { RedactedCaseResponse, toReadableCaseResponse } from './dto/redacted-case.response';

@ApiTags('cases')
@ApiBearerAuth()
@ApiErrors(401)
@ApiExtraModels(CaseResponse, RedactedCaseResponse)
@Controller('api/v1/cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly workflow: CaseWorkflowService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: CreatedCaseResponse })
  @ApiErrors(400)
  async create(@CurrentStaff() staff: StaffPrincipal, @Body() body: CreateCaseDto): Promise<CreatedCaseResponse> {
    return toCreatedCaseResponse(await this.workflow.register(staff, body));
  }

  @Get()
  @ApiOkResponse({ type: CasePageResponse })
  @ApiErrors(400)
  async list(@CurrentStaff() staff: StaffPrincipal, @Query() query: ListCasesQuery): Promise<CasePageResponse> {
    return toPageResponse(await this.cases.list(staff, query), toReadableCaseResponse);
  }

  /** Corrects what was registered: description, location, citizen; the change stands on the timeline. */
  @Patch(':id')
  @ApiOkResponse({
    description: 'The case as corrected',
    schema: { oneOf: [{ $ref: getSchemaPath(CaseResponse) }, { $ref: getSchemaPath(RedactedCaseResponse) }] },
  })
  @ApiErrors(400, 403, 404, 409)
  async correct(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() body: CorrectCaseDto,
  ): Promise<CaseResponse | RedactedCaseResponse> {
    return toReadableCaseResponse(await this.workflow.correct(staff, id, body));
  }

  @Get(':id')
  @ApiOkResponse({
    description:
      'The case by its id or its reference number (2026-000541), or its redacted form for a reader outside the ' +
      'department of a confidential case',
    schema: { oneOf: [{ $ref: getSchemaPath(CaseResponse) }, { $ref: getSchemaPath(RedactedCaseResponse) }] },
  })
  @ApiErrors(404)
  async get(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
  ): Promise<CaseResponse | RedactedCaseResponse> {
    return toReadableCaseResponse(await this.cases.get(staff, id));
  }

  @Get(':id/timeline')
  @ApiOkResponse({ type: [CaseEventResponse], description: 'Oldest first' })
  @ApiErrors(404)
  async timeline(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string): Promise<CaseEventResponse[]> {
    return (await this.cases.timeline(staff, id)).map(toCaseEventResponse);
  }

  @Get(':id/access-log')
  @Roles('manager', 'admin')
  @ApiOkResponse({ type: [CaseAccessResponse], description: 'Oldest first' })
  @ApiErrors(403, 404)
  async accessLog(@Param('id') id: string): Promise<CaseAccessResponse[]> {
    return (await this.cases.accessLogOf(id)).map(toCaseAccessResponse);
  }

  @Post(':id/notes')
  @ApiCreatedResponse({ type: CaseEventResponse, description: 'The note, as it stands on the timeline' })
  @ApiErrors(400, 403, 404)
  async note(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() body: CaseTextDto,
  ): Promise<CaseEventResponse> {
    return toCaseEventResponse(await this.workflow.note(staff, id, body.body));
  }

  @Post(':id/replies')
  @ApiCreatedResponse({ type: CaseEventResponse, description: 'The reply, as it stands on the timeline' })
  @ApiErrors(400, 403, 404)
  async reply(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() body: CaseTextDto,
  ): Promise<CaseEventResponse> {
    return toCaseEventResponse(await this.workflow.reply(staff, id, body.body));
  }

  @Post(':id/:action')
  @HttpCode(200)
  @ApiParam({ name: 'action', enum: CASE_ACTIONS })
  @ApiOkResponse({
    description: 'The case after the action; redacted when the actor may not read its content',
    schema: { oneOf: [{ $ref: getSchemaPath(CaseResponse) }, { $ref: getSchemaPath(RedactedCaseResponse) }] },
  })
  @ApiErrors(400, 403, 404, 409)
  async act(
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
  ): Promise<CaseResponse | RedactedCaseResponse> {
    return toReadableCaseResponse(await this.workflow.act(staff, id, action, body));
  }
}
