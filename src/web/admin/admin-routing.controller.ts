import { Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Roles } from '../../auth/roles.decorator';
import { StaffPrincipal } from '../../auth/roles';
import { CatalogService } from '../../catalog/catalog.service';
import { OrganisationService } from '../../organisation/organisation.service';
import { CreateAreaRuleDto } from '../../routing/dto/area-rule.dto';
import { CreateRoutingOverrideDto } from '../../routing/dto/routing-override.dto';
import { RoutingRulesService } from '../../routing/routing-rules.service';
import { ConsoleController } from '../console-page.decorator';
import { asDto } from '../forms/form-problems';
import { ConsoleRequest, PageFrame, PageRenderer } from '../page-renderer.service';
import {
  afterChange,
  attemptChange,
  blankAsUndefined,
  doneNotice,
  formValues,
  RefusedForm,
  sendAdminPage,
} from './admin-forms';

const PATH = '/admin/routing';
/** The override form's fields, by the API body's path (the page's two forms need ids of their own). */
const OVERRIDE_FIELDS = {
  catalogCode: 'overrideCatalogCode',
  departmentCode: 'overrideDepartmentCode',
  reason: 'reason',
};
const AREA_RULE_FIELDS = {
  catalogCode: 'ruleCatalogCode',
  postalCodePrefix: 'postalCodePrefix',
  district: 'district',
  departmentCode: 'ruleDepartmentCode',
  priority: 'rulePriority',
  note: 'ruleNote',
};
const DONE = ['overrideCreated', 'overrideDeleted', 'areaRuleCreated', 'areaRuleDeleted'];

/**
 * `/admin/routing`: the routing rules over the catalog's own department. Overrides send every case
 * of a catalog type to another department for a time (a storm week); area rules send a type's
 * cases from a postal-code prefix or a district to a department. Forms add and delete both,
 * through RoutingRulesService with the API's DTOs, as `POST` and `DELETE /api/v1/routing/overrides`
 * and `/api/v1/routing/area-rules`; a second override of one type is a 409 shown on the type.
 */
@ConsoleController('admin/routing')
@Roles('admin')
export class AdminRoutingController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly rules: RoutingRulesService,
    private readonly catalog: CatalogService,
    private readonly organisation: OrganisationService,
  ) {}

  @Get()
  async page(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    await this.send(request, response, null);
  }

  @Post('overrides')
  async createOverride(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const values = formValues(request.body, Object.values(OVERRIDE_FIELDS));
    const body = {
      catalogCode: values.overrideCatalogCode,
      departmentCode: values.overrideDepartmentCode,
      reason: values.reason,
    };
    const refused = await attemptChange(
      async () =>
        this.rules.createOverride(request.staff as StaffPrincipal, await asDto(CreateRoutingOverrideDto, body)),
      { form: 'override', values, fields: OVERRIDE_FIELDS, prefix: 'admin.routing.error' },
      frame,
      'overrideCatalogCode',
    );
    if (refused) return this.send(request, response, refused, frame);
    response.redirect(303, afterChange(PATH, 'overrideCreated', body.catalogCode));
  }

  @Post('overrides/:id/delete')
  async deleteOverride(@Param('id', ParseUUIDPipe) id: string, @Res() response: Response): Promise<void> {
    await this.rules.deleteOverride(id);
    response.redirect(303, afterChange(PATH, 'overrideDeleted'));
  }

  @Post('area-rules')
  async createAreaRule(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const values = formValues(request.body, Object.values(AREA_RULE_FIELDS));
    const priority = blankAsUndefined(values.rulePriority);
    const body = {
      catalogCode: values.ruleCatalogCode,
      departmentCode: values.ruleDepartmentCode,
      postalCodePrefix: blankAsUndefined(values.postalCodePrefix),
      district: blankAsUndefined(values.district),
      priority: priority === undefined ? undefined : /^-?\d+$/.test(priority) ? Number(priority) : priority,
      note: blankAsUndefined(values.ruleNote),
    };
    const refused = await attemptChange(
      async () => this.rules.createAreaRule(request.staff as StaffPrincipal, await asDto(CreateAreaRuleDto, body)),
      { form: 'areaRule', values, fields: AREA_RULE_FIELDS, prefix: 'admin.routing.error' },
      frame,
    );
    if (refused) return this.send(request, response, refused, frame);
    response.redirect(303, afterChange(PATH, 'areaRuleCreated', body.catalogCode));
  }

  @Post('area-rules/:id/delete')
  async deleteAreaRule(@Param('id', ParseUUIDPipe) id: string, @Res() response: Response): Promise<void> {
    await this.rules.deleteAreaRule(id);
    response.redirect(303, afterChange(PATH, 'areaRuleDeleted'));
  }

  private async send(
    request: ConsoleRequest,
    response: Response,
    refused: RefusedForm | null,
    knownFrame?: PageFrame,
  ): Promise<void> {
    const frame = knownFrame ?? (await this.pages.frame(request, response));
    const [overrides, areaRules, entries, departments] = await Promise.all([
      this.rules.listOverrides(),
      this.rules.listAreaRules(),
      this.catalog.list({ includeInactive: true }),
      this.organisation.listDepartments(),
    ]);
    const catalogNames = Object.fromEntries(
      entries.map((entry) => [entry.code, entry.name[frame.language] ?? entry.name.en]),
    );
    const choose = { value: '', text: frame.t('admin.choose') };
    await sendAdminPage(
      this.pages,
      request,
      response,
      'admin/routing.njk',
      {
        overrides,
        areaRules,
        catalogNames,
        typed: refused?.values ?? {},
        notice: refused ? null : doneNotice(request, frame, 'admin.routing', DONE),
        catalogItems: [choose, ...entries.map((entry) => ({ value: entry.code, text: catalogNames[entry.code] }))],
        departmentItems: [
          choose,
          ...departments.map((department) => ({
            value: department.code,
            text: `${department.name} (${department.code})`,
          })),
        ],
      },
      refused,
      frame,
    );
  }
}
