import { BadRequestException, Type } from '@nestjs/common';
import { InputValidationPipe } from '../../common/validation';
import { InvalidInputError } from '../../common/domain-errors';
import { Translate } from '../i18n/languages';

/** One thing wrong with a form, for the error summary and the field: which field, and what to say. */
export interface FormProblem {
  /** The id of the form's field. */
  field: string;
  text: string;
}

const pipe = new InputValidationPipe();

/**
 * Checks a form's values as the API checks its body: the same DTO and the same checks every input
 * gets (the validation pipe), so a page takes exactly what the API takes. Answers the value as the
 * DTO, or throws BadRequestException with one message per bad field, named by its path.
 */
export async function asDto<T extends object>(dto: Type<T>, value: Record<string, unknown>): Promise<T> {
  return (await pipe.transform(value, { type: 'body', metatype: dto })) as T;
}

/**
 * The problems a refusal names, on the form's fields: `fields` maps a field's path in the DTO
 * (`citizen.email`) to the form field's id (`citizenEmail`), and a message about a part of that
 * path (`openingHours.mon[0]`, `name.sv`) goes to the same field; a message is said in the page's
 * language when the catalog has `<prefix>.<field id>`, else as the API says it.
 */
export function problemsOf(
  error: unknown,
  fields: Record<string, string>,
  t: Translate,
  prefix: string,
): FormProblem[] | null {
  let messages: string[];
  if (error instanceof BadRequestException) {
    const message = (error.getResponse() as { message?: string | string[] }).message;
    messages = Array.isArray(message) ? message : [String(message)];
  } else if (error instanceof InvalidInputError) {
    messages = error.messages;
  } else {
    return null;
  }
  const paths = Object.keys(fields).sort((a, b) => b.length - a.length);
  const problems = messages.map((message) => {
    const path = paths.find((candidate) => [' ', ':', '[', '.'].some((next) => message.startsWith(candidate + next)));
    const field = path ? fields[path] : Object.values(fields)[0];
    const key = `${prefix}.${field}`;
    const localised = t(key);
    return { field, text: localised === key ? message : localised };
  });
  // One message per field is enough to say what to fix.
  return problems.filter((problem, index) => problems.findIndex((other) => other.field === problem.field) === index);
}
