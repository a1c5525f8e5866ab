import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { IllegalTransitionError } from '../cases/case-lifecycle';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from './domain-errors';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  requestId?: string;
}

/**
 * One place that turns errors into answers. Domain errors get their status code;
 * anything unexpected is a 500 whose details stay in the log, not in the answer.
 */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: string }>();
    const body = this.toBody(exception);
    body.requestId = typeof request.id === 'string' ? request.id : undefined;
    if (body.statusCode >= 500) {
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
    if (exception instanceof NotFoundError) return { statusCode: 404, error: 'Not Found', message: exception.message };
    if (exception instanceof ForbiddenError) return { statusCode: 403, error: 'Forbidden', message: exception.message };
    if (exception instanceof InvalidInputError)
      return { statusCode: 400, error: 'Bad Request', message: exception.messages };
    if (exception instanceof SyntaxError && 'body' in (exception as object)) {
      return { statusCode: 400, error: 'Bad Request', message: ['body is not valid JSON'] };
    }
    return {
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Something went wrong; the error is logged with this request id',
    };
  }
}
