import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * Free text a person must write (a case's description, a contact's summary, a reply, a reason):
 * a string with at least one character that is not white space. An empty or blank text is
 * refused with 400 naming the field, before anything is stored or any reference number is taken.
 */
export function HasText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'hasText',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && /\S/.test(value),
        defaultMessage: (args) => `${args?.property} must say something, not only spaces`,
      },
    },
    options,
  );
}
