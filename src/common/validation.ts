import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { inputProblems } from './input-checks';

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    // A field with no value fails its rules only when it is required (IsOptional skips the
    // rest): say so, rather than which of its rules an absent value breaks first.
    if (error.value === undefined && error.constraints) return [`${path} is required`];
    const constraints = { ...error.constraints };
    // A value that is not a whole number, or no number at all, breaks its bounds only by that:
    // say what it is not, not that "1e400" is both above the maximum and below the minimum.
    if (constraints.isInt || constraints.isNumber) {
      delete constraints.min;
      delete constraints.max;
    }
    // class-validator names the bare property in its messages; name the whole path instead.
    const own = Object.values(constraints).map((text) =>
      text.includes(error.property) ? text.replace(error.property, path) : `${path}: ${text}`,
    );
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/**
 * Every input is a DTO; a bad one is a 400 with one message per bad field, nested fields by
 * path. Before the DTO's own rules, the checks every input gets (see inputProblems): text a
 * database refuses, a body that is not a JSON object, null where the document does not allow
 * it, an integer path id out of the database's range.
 */
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      exceptionFactory: (errors) => new BadRequestException(flatten(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const problems = inputProblems(value, metadata);
    if (problems.length > 0) throw new BadRequestException(problems);
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe();
}
