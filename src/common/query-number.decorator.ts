import { Transform } from 'class-transformer';

/** A whole number written in decimal digits, as a query parameter carries it: "12", "-3". */
const INTEGER_TEXT = /^[+-]?\d+$/;
/** A number written in decimal digits with an optional fraction: "12", "12.5", ".5". */
const DECIMAL_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

function numberFrom(pattern: RegExp): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && pattern.test(value) ? Number(value) : value,
  );
}

/**
 * A query parameter read as an integer only when its text is one in decimal digits; anything else
 * is left as it came, for IsInt to refuse with a 400 naming the field. Number() would take an empty
 * or blank value as 0 (so `?resolutionTargetWorkingDays=` asked a what-if of 0 days), and "1e1",
 * "0x10" and "0b11" as 10, 16 and 3. A value that is already a number is kept.
 */
export function QueryInteger(): PropertyDecorator {
  return numberFrom(INTEGER_TEXT);
}

/** As QueryInteger, for a number that may have a decimal fraction ("97.5"), for IsNumber. */
export function QueryNumber(): PropertyDecorator {
  return numberFrom(DECIMAL_TEXT);
}
