/**
 * Checks of input that no DTO rule catches and that the databases refuse or mangle: a NUL
 * character (PostgreSQL refuses it in text, so the statement fails), a lone UTF-16 surrogate
 * (it is not Unicode text: PostgreSQL's driver writes U+FFFD in its place, validators
 * mishandle it), and JSON nested deeper than any request body here needs (class-transformer
 * and class-validator recurse, so 5,000 levels would overflow the stack).
 *
 * Each walk is iterative, so a deep value cannot overflow the stack while it is checked.
 */

/** The deepest JSON a request body may be: the deepest body here (a calendar) is 4 levels. */
export const MAX_JSON_DEPTH = 32;

/** At most this many problems are named; a body full of NULs needs no thousand messages. */
const MOST_PROBLEMS = 10;

/**
 * What is wrong with the text in a value (a string, or every string and field name in an
 * object or array at any depth): one message per bad field, named by its path from `path`
 * (`citizen.email`, `keywords[2]`; an empty `path` names top-level fields by their name, and
 * the value as a whole by `whole`: `body`, `query`, `record`).
 */
export function textProblems(value: unknown, path: string, whole = 'body'): string[] {
  const problems: string[] = [];
  // Paths are built only for a bad field, from its parent links, so a deep value costs no more than its size.
  const pending: Visit[] = [{ value, parent: null, step: path }];
  while (pending.length > 0 && problems.length < MOST_PROBLEMS) {
    const visit = pending.pop()!;
    if (typeof visit.value === 'string') {
      const problem = textProblem(visit.value);
      if (problem) problems.push(`${pathOf(visit) || whole} ${problem}`);
    } else if (Array.isArray(visit.value)) {
      visit.value.forEach((item, index) => pending.push({ value: item, parent: visit, step: `[${index}]` }));
    } else if (typeof visit.value === 'object' && visit.value !== null) {
      for (const [key, item] of Object.entries(visit.value)) {
        const problem = textProblem(key);
        if (problem) problems.push(`${pathOf(visit) || whole}: a field name ${problem}`);
        else pending.push({ value: item, parent: visit, step: key });
      }
    }
  }
  return problems.sort();
}

interface Visit {
  value: unknown;
  parent: Visit | null;
  /** The field name, `[index]`, or for the root the path it was given. */
  step: string;
}

function pathOf(visit: Visit): string {
  const steps: string[] = [];
  for (let at: Visit | null = visit; at; at = at.parent) steps.push(at.step);
  return steps
    .reverse()
    .reduce((path, step) => (step.startsWith('[') || !path ? `${path}${step}` : `${path}.${step}`), '');
}

/** A high surrogate not followed by a low one, or a low one not after a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a text cannot be stored as it is, or undefined when it can. */
export function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode text (it holds a lone surrogate)';
  return undefined;
}

/** Whether a parsed JSON value nests arrays and objects more than `maxDepth` levels deep. */
export function nestedDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (typeof next.value !== 'object' || next.value === null) continue;
    const depth = next.depth + 1;
    if (depth > maxDepth) return true;
    for (const item of Object.values(next.value)) {
      if (typeof item === 'object' && item !== null) pending.push({ value: item, depth });
    }
  }
  return false;
}
