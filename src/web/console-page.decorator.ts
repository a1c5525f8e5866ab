import { applyDecorators, Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { ConsoleGuard } from './console.guard';
import { PageExceptionFilter } from './page-exception.filter';

/**
 * A controller of the staff web console: HTML pages, not part of the API document. The API's
 * bearer-token guard stands aside (the pages are `Public` to it); the console's own guard reads
 * the session cookie instead, checks the same session through the same AuthGuard, the roles
 * (`@Roles`), and every form's anti-forgery token. Errors become pages in the reader's language.
 */
export function ConsoleController(path = ''): ClassDecorator {
  return applyDecorators(
    Controller(path),
    ApiExcludeController(),
    Public(),
    UseGuards(ConsoleGuard),
    UseFilters(PageExceptionFilter),
  );
}
