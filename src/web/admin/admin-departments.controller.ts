import { Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Roles } from '../../auth/roles.decorator';
import { CreateDepartmentDto, UpdateDepartmentDto } from '../../organisation/dto/department.dto';
import { OrganisationService } from '../../organisation/organisation.service';
import { ConsoleController } from '../console-page.decorator';
import { asDto } from '../forms/form-problems';
import { ConsoleRequest, PageRenderer } from '../page-renderer.service';
import { afterChange, attemptChange, doneNotice, formValues, RefusedForm, sendAdminPage } from './admin-forms';

const PATH = '/admin/departments';
const FIELDS = { code: 'code', name: 'name' };

/**
 * `/admin/departments`: the departments by code, a form adding one, and
 * `/admin/departments/{code}` renaming one (the code stays: cases, staff and the catalog hold it).
 * Through OrganisationService with the API's DTOs, as `POST /api/v1/departments` and
 * `PATCH /api/v1/departments/{code}`; a code already taken is a 409 shown on the code field.
 */
@ConsoleController('admin/departments')
@Roles('admin')
export class AdminDepartmentsController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly organisation: OrganisationService,
  ) {}

  @Get()
  async page(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    await this.send(request, response, null);
  }

  @Post()
  async create(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const values = formValues(request.body, Object.values(FIELDS));
    const refused = await attemptChange(
      async () => this.organisation.createDepartment(await asDto(CreateDepartmentDto, values)),
      { form: 'create', values, fields: FIELDS, prefix: 'admin.departments.error' },
      frame,
      'code',
    );
    if (refused) return this.send(request, response, refused);
    response.redirect(303, afterChange(PATH, 'created', values.code));
  }

  @Get(':code')
  async editPage(
    @Param('code') code: string,
    @Req() request: ConsoleRequest,
    @Res() response: Response,
  ): Promise<void> {
    const department = await this.organisation.getDepartment(code);
    await sendAdminPage(this.pages, request, response, 'admin/department.njk', {
      department,
      typed: { name: department.name },
    });
  }

  @Post(':code')
  async rename(@Param('code') code: string, @Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const department = await this.organisation.getDepartment(code);
    const values = formValues(request.body, ['name']);
    const refused = await attemptChange(
      async () => this.organisation.updateDepartment(code, await asDto(UpdateDepartmentDto, values)),
      { form: 'rename', values, fields: { name: 'name' }, prefix: 'admin.departments.error' },
      frame,
    );
    if (refused) {
      return sendAdminPage(
        this.pages,
        request,
        response,
        'admin/department.njk',
        { department, typed: refused.values },
        refused,
        frame,
      );
    }
    response.redirect(303, afterChange(PATH, 'renamed', department.code));
  }

  private async send(request: ConsoleRequest, response: Response, refused: RefusedForm | null): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const departments = await this.organisation.listDepartments();
    await sendAdminPage(
      this.pages,
      request,
      response,
      'admin/departments.njk',
      { departments, notice: refused ? null : doneNotice(request, frame, 'admin.departments', ['created', 'renamed']) },
      refused,
      frame,
    );
  }
}
