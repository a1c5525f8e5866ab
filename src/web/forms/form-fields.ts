/**
 * A field of a URL-encoded form as text: '' when it is missing, and when it came more than once
 * or as anything but text (a form's fields are read one at a time, as the API reads its JSON).
 */
export function formText(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

/** A form field as text, or undefined when it is empty after trimming: an optional field left blank. */
export function optionalText(body: unknown, name: string): string | undefined {
  const value = formText(body, name).trim();
  return value === '' ? undefined : value;
}
