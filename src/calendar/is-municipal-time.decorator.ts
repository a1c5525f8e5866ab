import { ValidateBy, ValidationOptions } from 'class-validator';
import { isMunicipalTime } from './municipal-time';

/**
 * A time in one of the forms the API reads by one rule (municipal-time.ts): an ISO 8601 instant
 * with its zone, a local date and time (`2026-03-05 09:15`), or a date (`2026-03-05`, local
 * midnight). The service reads it in the municipality's time zone (CalendarService.instant).
 */
export function IsMunicipalTime(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMunicipalTime',
      validator: {
        validate: (value: unknown) => isMunicipalTime(value),
        defaultMessage: (args) =>
          `${args?.property} must be a date (YYYY-MM-DD), a local date and time (YYYY-MM-DD HH:MM) or an ISO 8601 instant`,
      },
    },
    options,
  );
}
