/**
 * Freezes `value` and every object and array inside it, in place, and answers it: for a value
 * kept and handed to many callers, where a change by one would be seen by all.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const nested of Object.values(value)) deepFreeze(nested);
  }
  return value;
}
