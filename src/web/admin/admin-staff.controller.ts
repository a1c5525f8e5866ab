import { Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CreateStaffUserDto } from '../../auth/dto/create-staff-user.dto';
import { ResetPasswordDto } from '../../auth/dto/reset-password.dto';
import { UpdateStaffUserDto } from '../../auth/dto/update-staff-user.dto';
import { Roles } from '../../auth/roles.decorator';
import { ROLES, StaffPrincipal } from '../../auth/roles';
import { StaffService } from '../../auth/staff.service';
import { NotFoundError } from '../../common/domain-errors';
import { OrganisationService } from '../../organisation/organisation.service';
import { ConsoleController } from '../console-page.decorator';
import { asDto } from '../forms/form-problems';
import { ConsoleRequest, PageRenderer } from '../page-renderer.service';
import {
  afterChange,
  attemptChange,
  doneNotice,
  formList,
  formValues,
  RefusedForm,
  sendAdminPage,
} from './admin-forms';

const PATH = '/admin/staff';
const CREATE_FIELDS = {
  email: 'email',
  name: 'name',
  role: 'role',
  departmentCodes: 'departmentCodes',
  password: 'password',
};
const PASSWORD_FIELDS = { newPassword: 'newPassword' };
const DONE = ['created', 'deactivated', 'activated', 'passwordReset'] as const;

/**
 * `/admin/staff`: every staff account (name, e-mail, role, departments, active), a form creating
 * one, deactivating or reactivating an account, and `/admin/staff/{id}/password` giving one a new
 * password. Through StaffService with the API's DTOs, as `POST /api/v1/staff`,
 * `PATCH /api/v1/staff/{id}` and `POST /api/v1/staff/{id}/password`: deactivating and a new
 * password end the account's sessions, and admins cannot deactivate themselves (409).
 * No e-mail address goes into a redirect's URL, where access logs would keep it.
 */
@ConsoleController('admin/staff')
@Roles('admin')
export class AdminStaffController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly staff: StaffService,
    private readonly organisation: OrganisationService,
  ) {}

  @Get()
  async page(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    await this.send(request, response, null);
  }

  @Post()
  async create(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const values = formValues(request.body, ['email', 'name', 'role', 'password']);
    const departmentCodes = formList(request.body, 'departmentCodes');
    const refused = await attemptChange(
      async () => this.staff.create(await asDto(CreateStaffUserDto, { ...values, departmentCodes })),
      // The password typed is not shown again.
      { form: 'create', values: { ...values, password: '' }, fields: CREATE_FIELDS, prefix: 'admin.staff.error' },
      frame,
      'email',
    );
    if (refused) return this.send(request, response, refused, departmentCodes);
    response.redirect(303, afterChange(PATH, 'created'));
  }

  /** Deactivates an account (it can no longer sign in; its sessions end) or reactivates it. */
  @Post(':id/active')
  async setActive(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: ConsoleRequest,
    @Res() response: Response,
  ): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const active = formValues(request.body, ['active']).active;
    const refused = await attemptChange(
      async () =>
        this.staff.update(
          id,
          await asDto(UpdateStaffUserDto, { active: active === 'true' ? true : active === 'false' ? false : active }),
          request.staff as StaffPrincipal,
        ),
      { form: `active-${id}`, values: {}, fields: { active: `active-${id}` }, prefix: 'admin.staff.activeError' },
      frame,
      `active-${id}`,
    );
    if (refused) return this.send(request, response, refused);
    response.redirect(303, afterChange(PATH, active === 'true' ? 'activated' : 'deactivated'));
  }

  @Get(':id/password')
  async passwordPage(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: ConsoleRequest,
    @Res() response: Response,
  ): Promise<void> {
    await this.sendPasswordPage(request, response, id, null);
  }

  @Post(':id/password')
  async resetPassword(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: ConsoleRequest,
    @Res() response: Response,
  ): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const values = formValues(request.body, ['newPassword']);
    await this.accountOf(id);
    const refused = await attemptChange(
      async () =>
        this.staff.resetPassword(
          id,
          (await asDto(ResetPasswordDto, values)).newPassword,
          request.staff as StaffPrincipal,
        ),
      { form: 'password', values: { newPassword: '' }, fields: PASSWORD_FIELDS, prefix: 'admin.staff.error' },
      frame,
    );
    if (refused) return this.sendPasswordPage(request, response, id, refused);
    response.redirect(303, afterChange(PATH, 'passwordReset'));
  }

  private async accountOf(id: string) {
    const account = (await this.staff.list()).find((user) => user.id === id);
    if (!account) throw new NotFoundError('Staff member', id);
    return account;
  }

  private async sendPasswordPage(
    request: ConsoleRequest,
    response: Response,
    id: string,
    refused: RefusedForm | null,
  ): Promise<void> {
    const account = await this.accountOf(id);
    await sendAdminPage(this.pages, request, response, 'admin/staff-password.njk', { account }, refused);
  }

  private async send(
    request: ConsoleRequest,
    response: Response,
    refused: RefusedForm | null,
    departmentCodes: string[] = [],
  ): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const [accounts, departments] = await Promise.all([this.staff.list(), this.organisation.listDepartments()]);
    await sendAdminPage(
      this.pages,
      request,
      response,
      'admin/staff.njk',
      {
        accounts,
        notice: refused ? null : doneNotice(request, frame, 'admin.staff', DONE),
        roleItems: ROLES.map((role) => ({ value: role, text: frame.t(`role.${role}`) })),
        departmentItems: departments.map((department) => ({
          value: department.code,
          text: `${department.name} (${department.code})`,
          checked: departmentCodes.includes(department.code),
        })),
      },
      refused,
      frame,
    );
  }
}
