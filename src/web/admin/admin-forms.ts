import type { Response } from 'express';
import { ConflictError } from '../../common/domain-errors';
import { formText } from '../forms/form-fields';
import { FormProblem, problemsOf } from '../forms/form-problems';
import { ConsoleRequest, PageFrame, PageRenderer } from '../page-renderer.service';

/**
 * A refused admin form, to show again: what was typed (by field id), what is wrong (by field id,
 * in the page's language) and the status to answer with: 400 for bad input, 409 for a conflict
 * such as a code already taken.
 */
export interface RefusedForm {
  /** Which of the page's forms was sent, when it has several. */
  form: string;
  values: Record<string, string>;
  problems: FormProblem[];
  status: 400 | 409;
}

/** The text fields of a URL-encoded form, by name: '' for a missing one. */
export function formValues(body: unknown, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, formText(body, name)]));
}

/** A field a form may send more than once (checkboxes): its values, in order. */
export function formList(body: unknown, name: string): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const value = (body as Record<string, unknown>)[name];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** A ticked GOV.UK checkbox sends its value ("true"); an unticked one sends nothing. */
export function ticked(values: Record<string, string>, name: string): boolean {
  return values[name] === 'true';
}

/** A list typed into a text field, one item per line or separated by commas; blanks left out. */
export function listOf(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Text, or undefined when nothing but spaces was typed: an optional field left blank. */
export function blankAsUndefined(text: string): string | undefined {
  return text.trim() === '' ? undefined : text.trim();
}

/**
 * Makes a change an admin form asks for through the area's service. Bad input (the API's 400,
 * a DTO's or a service's InvalidInputError) and a conflict (ConflictError, shown on the
 * `conflictField`) come back as a RefusedForm; anything else is thrown on to the error page.
 * `fields` maps a path in the API's body to the form field's id (see problemsOf); the field's
 * message key is `<prefix>.<field id>`, a conflict's `<prefix>.conflict` (else the API's words).
 */
export async function attemptChange(
  change: () => Promise<unknown>,
  refusal: { form: string; values: Record<string, string>; fields: Record<string, string>; prefix: string },
  frame: PageFrame,
  conflictField?: string,
): Promise<RefusedForm | null> {
  try {
    await change();
    return null;
  } catch (error: unknown) {
    if (error instanceof ConflictError && conflictField) {
      const key = `${refusal.prefix}.conflict`;
      const text = frame.t(key) === key ? error.message : frame.t(key);
      return { ...refusal, problems: [{ field: conflictField, text }], status: 409 };
    }
    const problems = problemsOf(error, refusal.fields, frame.t, refusal.prefix);
    if (!problems) throw error;
    return { form: refusal.form, values: refusal.values, problems, status: 400 };
  }
}

/**
 * Renders an admin page: its own values, and for a refused form the GOV.UK error summary
 * (`errors`, each linking to its field), the message beside each field (`fieldErrors`) and
 * what was typed (`refused.values`).
 */
export async function sendAdminPage(
  pages: PageRenderer,
  request: ConsoleRequest,
  response: Response,
  template: string,
  values: Record<string, unknown>,
  refused: RefusedForm | null = null,
  frame?: PageFrame,
): Promise<void> {
  const pageFrame = frame ?? (await pages.frame(request, response));
  const problems = refused?.problems ?? [];
  response
    .status(refused?.status ?? 200)
    .type('html')
    .send(
      pages.renderToString(pageFrame, template, {
        ...values,
        refused,
        errors: problems.map((problem) => ({ text: problem.text, href: `#${problem.field}` })),
        fieldErrors: Object.fromEntries(problems.map((problem) => [problem.field, problem.text])),
      }),
    );
}

/** What `?subject=` may name: a code (department, catalog entry), nothing a crafted link could make read as a message. */
const SUBJECT = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The success banner of a page after a change: `?done=<what>` names the message `<prefix>.done.<what>`,
 * `?subject=` the code it was done to; null for anything else.
 */
export function doneNotice(
  request: ConsoleRequest,
  frame: PageFrame,
  prefix: string,
  known: readonly string[],
): { text: string } | null {
  const { done, subject } = request.query;
  if (typeof done !== 'string' || !known.includes(done)) return null;
  if (subject !== undefined && (typeof subject !== 'string' || !SUBJECT.test(subject))) return null;
  return { text: frame.t(`${prefix}.done.${done}`, { subject: subject ?? '' }) };
}

/** Where to send the browser after a change: the page, with what was done (redirect-after-post). */
export function afterChange(path: string, done: string, subject = ''): string {
  const query = new URLSearchParams({ done });
  if (subject) query.set('subject', subject);
  return `${path}?${query.toString()}`;
}
