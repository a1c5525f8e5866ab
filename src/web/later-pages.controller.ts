import { Get, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Roles } from '../auth/roles.decorator';
import { ConsoleController } from './console-page.decorator';
import { ConsoleRequest, PageRenderer } from './page-renderer.service';

/**
 * The managers' dashboard: where managers land after signing in. It comes later, on this stack;
 * until then the page says so and points to what exists.
 */
@ConsoleController()
export class LaterPagesController {
  constructor(private readonly pages: PageRenderer) {}

  @Roles('manager', 'admin')
  @Get('dashboard')
  async dashboard(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    await this.pages.send(request, response, 'later.njk', { page: 'dashboard' });
  }
}
