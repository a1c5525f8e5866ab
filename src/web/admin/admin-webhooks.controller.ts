import { Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Roles } from '../../auth/roles.decorator';
import { StaffPrincipal } from '../../auth/roles';
import { NotFoundError } from '../../common/domain-errors';
import { OrganisationService } from '../../organisation/organisation.service';
import { DepartmentWebhooksService } from '../../webhooks/department-webhooks.service';
import { DepartmentWebhookView } from '../../webhooks/department-webhook.view';
import { WebhookDeliveriesService } from '../../webhooks/webhook-deliveries.service';
import { PutDepartmentWebhookDto } from '../../webhooks/dto/put-department-webhook.dto';
import { ConsoleController } from '../console-page.decorator';
import { asDto } from '../forms/form-problems';
import { ConsoleRequest, PageRenderer } from '../page-renderer.service';
import {
  afterChange,
  attemptChange,
  blankAsUndefined,
  doneNotice,
  formValues,
  RefusedForm,
  sendAdminPage,
  ticked,
} from './admin-forms';

const PATH = '/admin/webhooks';
const FIELDS = { url: 'url', secret: 'secret', active: 'active' };
/** The most failed (and stuck) deliveries the page lists, newest first; the API's log has them all. */
const DELIVERIES_SHOWN = 20;

/**
 * `/admin/webhooks`: where each department's own system hears of the cases routed to it, and
 * `/admin/webhooks/{code}` setting or changing one department's address, signing secret (never
 * shown again; left blank it stays) and whether deliveries are sent. Through
 * DepartmentWebhooksService.put with the API's DTO, as `PUT /api/v1/departments/{code}/webhook`:
 * the same address rules (https; http only to localhost outside production), a secret required
 * the first time. The department's failed deliveries, and those stuck in the queue, are listed
 * there with a button sending each again (WebhookDeliveriesService.resend, as
 * `POST /api/v1/webhooks/deliveries/{id}/resend`).
 */
@ConsoleController('admin/webhooks')
@Roles('admin')
export class AdminWebhooksController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly webhooks: DepartmentWebhooksService,
    private readonly deliveries: WebhookDeliveriesService,
    private readonly organisation: OrganisationService,
  ) {}

  @Get()
  async page(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const departments = await this.organisation.listDepartments();
    const rows = await Promise.all(
      departments.map(async (department) => ({ department, webhook: await this.webhookOf(department.code) })),
    );
    await sendAdminPage(
      this.pages,
      request,
      response,
      'admin/webhooks.njk',
      { rows, notice: doneNotice(request, frame, 'admin.webhooks', ['saved']) },
      null,
      frame,
    );
  }

  @Get(':code')
  async editPage(
    @Param('code') code: string,
    @Req() request: ConsoleRequest,
    @Res() response: Response,
  ): Promise<void> {
    const department = await this.organisation.getDepartment(code);
    const webhook = await this.webhookOf(code);
    const typed = { url: webhook?.url ?? '', secret: '', active: String(webhook?.active ?? true) };
    await this.sendEdit(request, response, department, webhook, typed, null);
  }

  @Post(':code')
  async put(@Param('code') code: string, @Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const department = await this.organisation.getDepartment(code);
    const values = formValues(request.body, Object.values(FIELDS));
    const body = { url: values.url.trim(), secret: blankAsUndefined(values.secret), active: ticked(values, 'active') };
    const refused = await attemptChange(
      async () => this.webhooks.put(request.staff as StaffPrincipal, code, await asDto(PutDepartmentWebhookDto, body)),
      // The secret typed is not shown again.
      { form: 'webhook', values: { ...values, secret: '' }, fields: FIELDS, prefix: 'admin.webhooks.error' },
      frame,
    );
    if (refused) {
      const webhook = await this.webhookOf(code);
      return this.sendEdit(request, response, department, webhook, refused.values, refused);
    }
    response.redirect(303, afterChange(PATH, 'saved', code));
  }

  /** Sends a failed or stuck delivery of the department again, with the same delivery id. */
  @Post(':code/deliveries/:id/resend')
  async resend(
    @Param('code') code: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const department = await this.organisation.getDepartment(code);
    await this.deliveries.resend(id);
    response.redirect(303, afterChange(`${PATH}/${department.code}`, 'resent'));
  }

  /** The department's webhook, or null when none is set. */
  private async webhookOf(code: string): Promise<DepartmentWebhookView | null> {
    try {
      return await this.webhooks.get(code);
    } catch (error: unknown) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  private async sendEdit(
    request: ConsoleRequest,
    response: Response,
    department: { code: string; name: string },
    webhook: DepartmentWebhookView | null,
    typed: Record<string, string>,
    refused: RefusedForm | null,
  ): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const [failed, stuck] = await Promise.all([
      this.deliveries.list({ status: 'failed', departmentCode: department.code, limit: DELIVERIES_SHOWN }),
      this.deliveries.list({ stuck: true, departmentCode: department.code, limit: DELIVERIES_SHOWN }),
    ]);
    await sendAdminPage(
      this.pages,
      request,
      response,
      'admin/webhook.njk',
      {
        department,
        webhook,
        typed,
        attention: [...stuck.items, ...failed.items],
        attentionTotal: stuck.total + failed.total,
        notice: refused ? null : doneNotice(request, frame, 'admin.webhooks', ['resent']),
      },
      refused,
      frame,
    );
  }
}
