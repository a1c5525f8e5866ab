import { Get, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Roles } from '../auth/roles.decorator';
import { ConsoleController } from './console-page.decorator';
import { ConsoleRequest, PageRenderer } from './page-renderer.service';

/**
 * The admins' pages: where admins land after signing in. They come later, on this stack; until
 * then the page says so and points to what exists.
 */
@ConsoleController()
export class LaterPagesController {
  constructor(private readonly pages: PageRenderer) {}

  @Roles('admin')
  @Get('admin')
  async admin(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    await this.pages.send(request, response, 'later.njk', { page: 'admin' });
  }
}
