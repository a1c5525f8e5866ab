import { Get, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Roles } from '../../auth/roles.decorator';
import { DASHBOARD_PATH } from '../../queue/dashboard/dashboard-gate';
import { ConsoleController } from '../console-page.decorator';
import { ConsoleRequest, PageRenderer } from '../page-renderer.service';

/** The administration's sections, in the order the landing page lists them: path and message key. */
export const ADMIN_SECTIONS = [
  { path: '/admin/departments', key: 'departments' },
  { path: '/admin/staff', key: 'staff' },
  { path: '/admin/catalog', key: 'catalog' },
  { path: '/admin/calendar', key: 'calendar' },
  { path: '/admin/service-targets', key: 'serviceTargets' },
  { path: '/admin/routing', key: 'routing' },
  { path: '/admin/webhooks', key: 'webhooks' },
] as const;

/**
 * `/admin`, where admins land after signing in: the administration's sections (departments,
 * staff, catalog, calendar, service-target policies, routing rules, webhooks) and the queue
 * dashboard (mounted by src/queue/dashboard at /admin/queues). Admins only; anyone else gets
 * the 403 page.
 */
@ConsoleController('admin')
@Roles('admin')
export class AdminPageController {
  constructor(private readonly pages: PageRenderer) {}

  @Get()
  async page(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    await this.pages.send(request, response, 'admin/landing.njk', {
      sections: ADMIN_SECTIONS,
      queueDashboard: DASHBOARD_PATH,
    });
  }
}
