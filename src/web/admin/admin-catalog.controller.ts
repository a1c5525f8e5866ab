import { Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Roles } from '../../auth/roles.decorator';
import { CatalogEntryView } from '../../catalog/catalog-entry.view';
import { CatalogService } from '../../catalog/catalog.service';
import { CASE_KINDS, PRIORITIES } from '../../catalog/catalog.types';
import { CreateCatalogEntryDto, UpdateCatalogEntryDto } from '../../catalog/dto/catalog-entry.dto';
import { OrganisationService } from '../../organisation/organisation.service';
import { ConsoleController } from '../console-page.decorator';
import { asDto } from '../forms/form-problems';
import { ConsoleRequest, PageFrame, PageRenderer } from '../page-renderer.service';
import {
  afterChange,
  attemptChange,
  blankAsUndefined,
  doneNotice,
  formValues,
  listOf,
  RefusedForm,
  sendAdminPage,
  ticked,
} from './admin-forms';

const PATH = '/admin/catalog';
const FORM_FIELDS = [
  'code',
  'nameSv',
  'nameEn',
  'nameDa',
  'kind',
  'departmentCode',
  'priority',
  'keywords',
  'handledByServiceCenter',
  'confidential',
  'active',
] as const;
/** The API body's paths, and the form field each is typed in. */
const FIELDS = {
  code: 'code',
  'name.sv': 'nameSv',
  'name.en': 'nameEn',
  'name.da': 'nameDa',
  name: 'nameSv',
  kind: 'kind',
  departmentCode: 'departmentCode',
  priority: 'priority',
  keywords: 'keywords',
  handledByServiceCenter: 'handledByServiceCenter',
  confidential: 'confidential',
  active: 'active',
};

/**
 * `/admin/catalog`: the service catalog (every entry, inactive ones too), a form adding an entry
 * and `/admin/catalog/{code}` editing one. Through CatalogService with the API's DTOs, as
 * `POST /api/v1/catalog` and `PATCH /api/v1/catalog/{code}`: an unknown department is a 400 on
 * its field, a code already taken a 409 on the code.
 */
@ConsoleController('admin/catalog')
@Roles('admin')
export class AdminCatalogController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly catalog: CatalogService,
    private readonly organisation: OrganisationService,
  ) {}

  @Get()
  async page(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    await this.sendList(request, response, null);
  }

  @Post()
  async create(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const values = formValues(request.body, FORM_FIELDS);
    const refused = await attemptChange(
      async () => this.catalog.create(await asDto(CreateCatalogEntryDto, { code: values.code, ...entryBody(values) })),
      { form: 'create', values, fields: FIELDS, prefix: 'admin.catalog.error' },
      frame,
      'code',
    );
    if (refused) return this.sendList(request, response, refused);
    response.redirect(303, afterChange(PATH, 'created', values.code));
  }

  @Get(':code')
  async editPage(
    @Param('code') code: string,
    @Req() request: ConsoleRequest,
    @Res() response: Response,
  ): Promise<void> {
    const entry = await this.catalog.get(code);
    await this.sendEdit(request, response, entry, null);
  }

  @Post(':code')
  async update(@Param('code') code: string, @Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const entry = await this.catalog.get(code);
    const values = { ...formValues(request.body, FORM_FIELDS), code };
    const refused = await attemptChange(
      async () => this.catalog.update(code, await asDto(UpdateCatalogEntryDto, entryBody(values))),
      { form: 'edit', values, fields: FIELDS, prefix: 'admin.catalog.error' },
      frame,
    );
    if (refused) return this.sendEdit(request, response, entry, refused);
    response.redirect(303, afterChange(PATH, 'updated', code));
  }

  private async sendList(request: ConsoleRequest, response: Response, refused: RefusedForm | null): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const entries = await this.catalog.list({ includeInactive: true });
    const fresh = { kind: 'fault_report', priority: 'normal', active: 'true' };
    await sendAdminPage(
      this.pages,
      request,
      response,
      'admin/catalog.njk',
      {
        entries,
        nameOf: (entry: CatalogEntryView) => entry.name[frame.language] ?? entry.name.en,
        notice: refused ? null : doneNotice(request, frame, 'admin.catalog', ['created', 'updated']),
        typed: refused?.values ?? fresh,
        ...(await this.options(frame)),
      },
      refused,
      frame,
    );
  }

  private async sendEdit(
    request: ConsoleRequest,
    response: Response,
    entry: CatalogEntryView,
    refused: RefusedForm | null,
  ): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const typed = refused?.values ?? {
      code: entry.code,
      nameSv: entry.name.sv,
      nameEn: entry.name.en,
      nameDa: entry.name.da ?? '',
      kind: entry.kind,
      departmentCode: entry.departmentCode,
      priority: entry.priority,
      keywords: entry.keywords.join(', '),
      handledByServiceCenter: String(entry.handledByServiceCenter),
      confidential: String(entry.confidential),
      active: String(entry.active),
    };
    await sendAdminPage(
      this.pages,
      request,
      response,
      'admin/catalog-entry.njk',
      { entry, typed, ...(await this.options(frame)) },
      refused,
      frame,
    );
  }

  /** The choices of the entry form, in the page's language. */
  private async options(frame: PageFrame) {
    const departments = await this.organisation.listDepartments();
    return {
      kindItems: CASE_KINDS.map((kind) => ({ value: kind, text: frame.t(`kind.${kind}`) })),
      priorityItems: PRIORITIES.map((priority) => ({ value: priority, text: frame.t(`priority.${priority}`) })),
      departmentItems: [
        { value: '', text: frame.t('admin.choose') },
        ...departments.map((department) => ({
          value: department.code,
          text: `${department.name} (${department.code})`,
        })),
      ],
    };
  }
}

/** The API's body of an entry (without its code) from the form's fields; unticked boxes are false. */
function entryBody(values: Record<string, string>): Record<string, unknown> {
  return {
    name: {
      sv: values.nameSv,
      en: values.nameEn,
      ...(blankAsUndefined(values.nameDa) ? { da: values.nameDa.trim() } : {}),
    },
    kind: values.kind,
    departmentCode: values.departmentCode,
    priority: values.priority,
    keywords: listOf(values.keywords),
    handledByServiceCenter: ticked(values, 'handledByServiceCenter'),
    confidential: ticked(values, 'confidential'),
    active: ticked(values, 'active'),
  };
}
