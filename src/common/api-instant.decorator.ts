import { ApiProperty } from '@nestjs/swagger';

/**
 * Documents a field that holds a UTC instant, sent as an ISO 8601 string with milliseconds and
 * a Z, e.g. 2026-03-02T09:00:00.000Z. `nullable` for one that may be null, `required: false`
 * for one that is left out when it does not apply.
 */
export function ApiInstant(
  description: string,
  options: { nullable?: boolean; required?: boolean } = {},
): PropertyDecorator {
  return ApiProperty({
    type: String,
    format: 'date-time',
    description: `${description} (UTC instant)`,
    example: '2026-03-02T09:00:00.000Z',
    ...options,
  });
}
