import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  ExceptionFilter,
  ForbiddenException,
  HttpException,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import type { Response } from 'express';
import { IllegalTransitionError } from '../cases/case-lifecycle';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  TooManyRequestsError,
} from '../common/domain-errors';
import { ForgedFormError, SignInRequiredError } from './console-errors';
import { ConsoleRequest, PageRenderer } from './page-renderer.service';

/** What an error page says: its status, its heading and text (message keys), and any details. */
interface ErrorPage {
  status: number;
  key: string;
  details?: string[];
}

/**
 * Errors on the console's pages become pages in the reader's language, with the same status
 * codes the API answers; a page that needs signing in sends the browser to the sign-in page
 * (an htmx request is told to go there with HX-Redirect). What a refusal says follows the API:
 * nothing of a confidential case's content.
 */
@Catch()
@Injectable()
export class PageExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ConsoleErrors');

  constructor(private readonly renderer: PageRenderer) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<ConsoleRequest>();
    const response = http.getResponse<Response>();
    if (response.headersSent) return;
    if (exception instanceof SignInRequiredError) {
      const target = exception.returnTo ? `/login?returnTo=${encodeURIComponent(exception.returnTo)}` : '/login';
      if (request.headers['hx-request'] === 'true') response.setHeader('HX-Redirect', target).status(204).end();
      else response.redirect(303, target);
      return;
    }
    const page = this.pageFor(exception, request);
    if (exception instanceof TooManyRequestsError)
      response.setHeader('Retry-After', String(Math.max(1, Math.ceil(exception.retryAfterSeconds))));
    this.renderer.send(request, response, 'error.njk', { error: page }, page.status).catch((error: unknown) => {
      this.logger.error({ err: error instanceof Error ? error.stack : String(error) }, 'Error page failed');
      if (!response.headersSent) response.status(500).type('text').send('Internal Server Error');
    });
  }

  private pageFor(exception: unknown, request: ConsoleRequest): ErrorPage {
    if (exception instanceof ForgedFormError) return { status: 403, key: 'forged' };
    if (exception instanceof ForbiddenError || exception instanceof ForbiddenException)
      return { status: 403, key: 'forbidden' };
    if (exception instanceof NotFoundError || exception instanceof NotFoundException)
      return { status: 404, key: 'notFound' };
    if (exception instanceof IllegalTransitionError || exception instanceof ConflictError)
      return { status: 409, key: 'conflict', details: [exception.message] };
    if (exception instanceof InvalidInputError) return { status: 400, key: 'invalid', details: exception.messages };
    if (exception instanceof BadRequestException) {
      const message = (exception.getResponse() as { message?: string | string[] }).message;
      return { status: 400, key: 'invalid', details: Array.isArray(message) ? message : [String(message)] };
    }
    if (exception instanceof TooManyRequestsError) return { status: 429, key: 'tooMany' };
    if (exception instanceof HttpException && exception.getStatus() < 500)
      return { status: exception.getStatus(), key: 'invalid', details: [exception.message] };
    this.logger.error(
      {
        requestId: (request as { id?: unknown }).id,
        err: exception instanceof Error ? { name: exception.name, stack: exception.stack } : String(exception),
      },
      'Unhandled error on a console page',
    );
    return { status: 500, key: 'internal' };
  }
}
