import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import { Request, Response } from 'express';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { DomainExceptionFilter } from '../common/domain-exception.filter';
import { errorsDocument } from './dto/open311-answers';
import { OPEN311_MEDIA_TYPES, renderOpen311 } from './open311-document';

/**
 * Errors of the Open311 interface in the specification's error list, in the format the path
 * asks for (XML when it names none): 400 with one `error` per bad field, 403 for a missing,
 * unknown or revoked `api_key`, 404 for an unknown service, request, token or jurisdiction.
 * Anything unexpected goes to the application's own filter: a 500, logged with its request id.
 */
@Catch()
export class Open311ExceptionFilter implements ExceptionFilter {
  private readonly fallback = new DomainExceptionFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    const known = describe(exception);
    if (!known) return this.fallback.catch(exception, host);
    const http = host.switchToHttp();
    const format = /\.json$/i.test(http.getRequest<Request>().path) ? 'json' : 'xml';
    http
      .getResponse<Response>()
      .status(known.status)
      .setHeader('Content-Type', OPEN311_MEDIA_TYPES[format])
      .send(renderOpen311(format, errorsDocument(known.status, known.descriptions)));
  }
}

function describe(exception: unknown): { status: number; descriptions: string[] } | null {
  if (exception instanceof InvalidInputError) return { status: 400, descriptions: exception.messages };
  if (exception instanceof ForbiddenError) return { status: 403, descriptions: [exception.message] };
  if (exception instanceof NotFoundError) return { status: 404, descriptions: [exception.message] };
  if (exception instanceof HttpException && exception.getStatus() < 500) {
    const answer = exception.getResponse();
    const message = typeof answer === 'string' ? answer : (answer as { message?: string | string[] }).message;
    const descriptions = Array.isArray(message) ? message : [message ?? exception.message];
    return { status: exception.getStatus(), descriptions };
  }
  return null;
}
