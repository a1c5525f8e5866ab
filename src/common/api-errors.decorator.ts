import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorCode, ErrorResponse } from './error.response';

export interface DocumentedError {
  error: string;
  code: ErrorCode;
  description: string;
  message: string | string[];
}

/** The error answers an operation can document: what each means here, and an example body. */
const ERRORS = {
  400: {
    error: 'Bad Request',
    code: 'validation_failed',
    description:
      'Invalid input: a bad body, query or path parameter, malformed JSON, a body that is not a JSON object or is ' +
      'nested too deep, or not in the Content-Encoding its header names (code validation_failed)',
    message: ['description must be longer than or equal to 1 characters'],
  },
  401: {
    error: 'Unauthorized',
    code: 'unauthenticated',
    description: 'No bearer token, or one that is invalid or has expired (code unauthenticated)',
    message: 'A bearer token is required',
  },
  403: {
    error: 'Forbidden',
    code: 'forbidden',
    description: "The caller's role, or the departments they belong to, do not allow this (code forbidden)",
    message: 'This needs the role admin',
  },
  404: {
    error: 'Not Found',
    code: 'not_found',
    description: 'Nothing with this id or code exists (code not_found)',
    message: 'Case "0b6f5c1e-8f0a-4e7e-9a51-2f4d1f0f3c2a" was not found',
  },
  409: {
    error: 'Conflict',
    code: 'illegal_transition',
    description:
      'The current state does not allow this: a case action not allowed from the case status (code ' +
      'illegal_transition), or something that exists already or has already been done (code conflict)',
    message: 'Action "claim" is not allowed when the case is "closed"',
  },
  413: {
    error: 'Payload Too Large',
    code: 'payload_too_large',
    description: "The request body is larger than the operation's limit, 100 kB for most (code payload_too_large)",
    message: 'The request body is larger than the limit of 102400 bytes',
  },
  415: {
    error: 'Unsupported Media Type',
    code: 'unsupported_media_type',
    description:
      'The body has a media type this operation does not take (code unsupported_media_type), or comes in a ' +
      'Content-Encoding other than gzip, deflate or br (code unsupported_encoding)',
    message: 'Content-Type must be application/json or text/csv; got "text/plain"',
  },
  429: {
    error: 'Too Many Requests',
    code: 'account_locked',
    description:
      'Too many failed sign-ins: for this e-mail address (code account_locked) or from this client address ' +
      '(code too_many_requests). The Retry-After header says in how many seconds to try again',
    message: 'Too many failed sign-ins for this e-mail address; try again later or ask an admin to unlock it',
  },
} satisfies Record<number, DocumentedError>;

export type DocumentedErrorStatus = keyof typeof ERRORS;

/**
 * Documents the error answers of an operation, or of every operation of a controller, each
 * with the one ErrorResponse schema and an example: `@ApiErrors(400, 403, 404)`.
 */
export function ApiErrors(...statuses: DocumentedErrorStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(...statuses.map((status) => ApiErrorAnswer(status, ERRORS[status])));
}

/**
 * Documents one error answer that is not among the common ones above, or that has a code of its
 * own at this operation: `@ApiErrorAnswer(503, { error: 'Service Unavailable', code: ..., ... })`.
 */
export function ApiErrorAnswer(
  status: number,
  { error, code, description, message }: DocumentedError,
): MethodDecorator & ClassDecorator {
  return ApiResponse({
    status,
    description,
    type: ErrorResponse,
    ...(status === 429
      ? {
          headers: {
            'Retry-After': { description: 'Seconds until a new attempt may succeed', schema: { type: 'integer' } },
          },
        }
      : {}),
    example: { statusCode: status, error, code, message, requestId: '5f0c2d4e-2b7a-4f0e-9a6c-8d1e3b7f9a10' },
  });
}
