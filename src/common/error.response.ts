import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * The stable, machine-readable codes of error answers (docs/api.md). Clients branch on these,
 * not on the message, which is written for people. The set is open: a client treats a code it
 * does not know by the status code it came with.
 */
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'illegal_transition',
  'sign_in_method_off',
  'sign_in_failed',
  'sign_in_refused',
  'identity_provider_unavailable',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'account_locked',
  'unsupported_encoding',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The body of every error answer, whatever the status (see DomainExceptionFilter). */
export class ErrorResponse {
  @ApiProperty({ description: 'The HTTP status code, repeated in the body', example: 404 })
  statusCode: number;

  @ApiProperty({ description: 'The HTTP reason phrase of the status', example: 'Not Found' })
  error: string;

  @ApiProperty({
    description:
      'What went wrong, for programs: validation_failed (400), unauthenticated (401), forbidden (403), ' +
      'not_found (404, also for an unknown route), conflict or illegal_transition (409), payload_too_large (413), ' +
      'unsupported_media_type or unsupported_encoding (415), too_many_requests or account_locked (429, with ' +
      'Retry-After), internal_error (500); at sign-in also sign_in_method_off (404), sign_in_failed (401), ' +
      'sign_in_refused (403), identity_provider_unavailable (503). Treat a code you do not know by its status code',
    example: 'not_found',
  })
  code: string;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    description:
      'What went wrong, for people; invalid input (validation_failed) usually lists one message per bad field, named by its path',
    example: 'Case "0b6f5c1e-8f0a-4e7e-9a51-2f4d1f0f3c2a" was not found',
  })
  message: string | string[];

  @ApiPropertyOptional({
    description: 'The request id, also sent as the x-request-id header; quote it when reporting a problem',
    example: '5f0c2d4e-2b7a-4f0e-9a6c-8d1e3b7f9a10',
  })
  requestId?: string;
}
