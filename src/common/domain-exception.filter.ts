import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { IllegalTransitionError } from '../cases/case-lifecycle';
import {
  AccountLockedError,
  ConflictError,
  ForbiddenError,
  IdentityProviderUnavailableError,
  InvalidInputError,
  NotFoundError,
  SignInFailedError,
  SignInMethodOffError,
  SignInRefusedError,
  TooManyRequestsError,
  UnsupportedEncodingError,
} from './domain-errors';
import { ErrorCode, ErrorResponse } from './error.response';

/** The code of an error answer by its status; a 409 from a case action is illegal_transition instead. */
const CODES: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  500: 'internal_error',
};

/** Errors with a code of their own, apart from the others of their status. */
const OWN_CODES: Array<[type: abstract new (...args: never[]) => Error, code: ErrorCode]> = [
  [IllegalTransitionError, 'illegal_transition'],
  [AccountLockedError, 'account_locked'],
  [UnsupportedEncodingError, 'unsupported_encoding'],
  [SignInMethodOffError, 'sign_in_method_off'],
  [SignInFailedError, 'sign_in_failed'],
  [SignInRefusedError, 'sign_in_refused'],
  [IdentityProviderUnavailableError, 'identity_provider_unavailable'],
];

type ErrorBody = Omit<ErrorResponse, 'code'>;

/**
 * One place that turns errors into answers. Domain errors get their status code;
 * anything unexpected is a 500 whose details stay in the log, not in the answer.
 *
 * Every answer has the shape of ErrorResponse: `statusCode`, `error` (the reason phrase),
 * `code`, `message` (a string, or one string per bad field) and `requestId`. The `code` is
 * stable for programs (docs/api.md):
 * - `validation_failed` (400): a DTO, a path parameter or InvalidInputError refused the input,
 *   or the body is not valid JSON
 * - `unauthenticated` (401): no bearer token, or an invalid or expired one
 * - `forbidden` (403): the caller's role or departments do not allow it
 * - `not_found` (404): an unknown id or code, and an unknown route
 * - `conflict` (409): it exists already, or the state does not allow it
 * - `illegal_transition` (409): a case action not allowed from the case's status
 * - `sign_in_method_off` (404): password log-in is turned off, or no identity provider is configured
 * - `sign_in_failed` (401): the identity provider's answer to a sign-in does not hold
 * - `sign_in_refused` (403): the identity provider signed the person in, but they may not use onewayin
 * - `identity_provider_unavailable` (503): the identity provider cannot be reached
 * - `payload_too_large` (413): the body is over the JSON parser's limit
 * - `unsupported_media_type` (415): a body of a media type the operation does not take
 * - `too_many_requests` (429): too many failed sign-ins from the caller's address
 * - `account_locked` (429): too many failed sign-ins for the e-mail address
 * - `unsupported_encoding` (415): a body in a Content-Encoding (compression) not taken here
 * - `internal_error` (500): anything unexpected
 * Another status, should one appear, gets its reason phrase in snake_case.
 */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: string }>();
    const { statusCode, error, message } = this.toBody(exception);
    const body: ErrorResponse = {
      statusCode,
      error,
      code: codeOf(statusCode, exception),
      message,
      requestId: typeof request.id === 'string' ? request.id : undefined,
    };
    if (exception instanceof TooManyRequestsError) {
      response.setHeader('Retry-After', String(Math.max(1, Math.ceil(exception.retryAfterSeconds))));
    }
    // An unreachable identity provider is logged where it is found, with what was tried.
    if (body.statusCode >= 500 && !(exception instanceof IdentityProviderUnavailableError)) {
      this.logger.error(
        {
          requestId: body.requestId,
          err: exception instanceof Error ? { name: exception.name, stack: exception.stack } : String(exception),
        },
        'Unhandled error',
      );
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const answer = exception.getResponse();
      const body =
        typeof answer === 'string' ? { message: answer } : (answer as { message?: string | string[]; error?: string });
      return {
        statusCode: status,
        error: body.error ?? exception.name.replace(/Exception$/, ''),
        message: body.message ?? exception.message,
      };
    }
    if (exception instanceof IllegalTransitionError || exception instanceof ConflictError) {
      return { statusCode: 409, error: 'Conflict', message: exception.message };
    }
    if (exception instanceof TooManyRequestsError) {
      return { statusCode: 429, error: 'Too Many Requests', message: exception.message };
    }
    if (exception instanceof NotFoundError) return { statusCode: 404, error: 'Not Found', message: exception.message };
    if (exception instanceof ForbiddenError) return { statusCode: 403, error: 'Forbidden', message: exception.message };
    if (exception instanceof SignInMethodOffError)
      return { statusCode: 404, error: 'Not Found', message: exception.message };
    if (exception instanceof SignInFailedError)
      return { statusCode: 401, error: 'Unauthorized', message: exception.message };
    if (exception instanceof SignInRefusedError)
      return { statusCode: 403, error: 'Forbidden', message: exception.message };
    if (exception instanceof IdentityProviderUnavailableError)
      return { statusCode: 503, error: 'Service Unavailable', message: exception.message };
    if (exception instanceof InvalidInputError)
      return { statusCode: 400, error: 'Bad Request', message: exception.messages };
    if (exception instanceof UnsupportedEncodingError)
      return { statusCode: 415, error: 'Unsupported Media Type', message: exception.message };
    if (exception instanceof SyntaxError && 'body' in (exception as object)) {
      return { statusCode: 400, error: 'Bad Request', message: ['body is not valid JSON'] };
    }
    const parserError = bodyParserError(exception);
    if (parserError) return parserError;
    return {
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Something went wrong; the error is logged with this request id',
    };
  }
}

function codeOf(status: number, exception: unknown): string {
  const own = OWN_CODES.find(([type]) => exception instanceof type);
  if (own) return own[1];
  if (CODES[status]) return CODES[status];
  if (status >= 500) return 'internal_error';
  return (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/[^a-z0-9]+/g, '_');
}

/**
 * Express's body parser refuses a request before any handler runs, with an error that carries
 * its 4xx status and a message meant to be shown (`expose`): a body over the size limit (413),
 * an unsupported charset (415). Nest passes these on unmapped.
 */
function bodyParserError(exception: unknown): ErrorBody | undefined {
  if (!(exception instanceof Error)) return undefined;
  const { status, expose, type, limit } = exception as Error & {
    status?: unknown;
    expose?: unknown;
    type?: unknown;
    limit?: unknown;
  };
  if (typeof status !== 'number' || status < 400 || status >= 500 || expose !== true) return undefined;
  const message =
    type === 'entity.too.large' && typeof limit === 'number'
      ? `The request body is larger than the limit of ${limit} bytes`
      : exception.message;
  return { statusCode: status, error: STATUS_CODES[status] ?? 'Bad Request', message };
}
