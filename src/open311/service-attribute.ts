/**
 * A question a service asks in Open311 (GeoReport v2, "GET Service Definition"): a pole
 * number, a choice among values. The client shows it and posts the answer as `attribute[code]`.
 */
export interface ServiceAttribute {
  /** The attribute's code, as posted in `attribute[code]`. */
  code: string;
  /** false: information only, nothing to answer. */
  variable: boolean;
  datatype: ServiceAttributeDatatype;
  required: boolean;
  /** Help text about the expected value, e.g. "the number on the pole". */
  datatypeDescription: string;
  /** Where it is shown among the service's attributes, 1 first. */
  order: number;
  /** The question, as shown to the citizen. */
  description: string;
  /** The allowed values of a `singlevaluelist` or `multivaluelist`. */
  values: Array<{ key: string; name: string }>;
}

/** GeoReport v2's datatypes. */
export const SERVICE_ATTRIBUTE_DATATYPES = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;
export type ServiceAttributeDatatype = (typeof SERVICE_ATTRIBUTE_DATATYPES)[number];

/** The longest answer kept for one attribute, in characters. */
export const MAX_ATTRIBUTE_VALUE_LENGTH = 1000;

/**
 * Checks the attribute answers of a service request against the service's attributes.
 *
 * `posted` is what the form body held under `attribute[...]`: code to one value, or to several
 * for a `multivaluelist` (`attribute[code][]=a&attribute[code][]=b`). Answers to codes the
 * service does not ask for are dropped, as the specification lets a server do.
 *
 * @returns the answers to keep, and one problem per bad attribute, named `attribute[code]`.
 */
export function checkAttributeAnswers(
  attributes: ServiceAttribute[],
  posted: Record<string, unknown>,
): { answers: Record<string, string | string[]>; problems: string[] } {
  const answers: Record<string, string | string[]> = {};
  const problems: string[] = [];
  for (const attribute of attributes.filter((a) => a.variable)) {
    const field = `attribute[${attribute.code}]`;
    const raw = posted[attribute.code];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (value) => !(typeof value === 'string' && value.trim() === ''),
    );
    if (values.length === 0) {
      if (attribute.required) problems.push(`${field} is required`);
      continue;
    }
    if (values.some((value) => typeof value !== 'string')) {
      problems.push(`${field} must be text`);
      continue;
    }
    const texts = (values as string[]).map((value) => value.trim());
    if (texts.some((value) => value.length > MAX_ATTRIBUTE_VALUE_LENGTH)) {
      problems.push(`${field} is longer than ${MAX_ATTRIBUTE_VALUE_LENGTH} characters`);
      continue;
    }
    const problem = datatypeProblem(attribute, texts);
    if (problem) problems.push(`${field} ${problem}`);
    else answers[attribute.code] = attribute.datatype === 'multivaluelist' ? texts : texts[0];
  }
  return { answers, problems };
}

function datatypeProblem(attribute: ServiceAttribute, values: string[]): string | null {
  if (attribute.datatype !== 'multivaluelist' && values.length > 1) return 'takes one value';
  const keys = attribute.values.map((value) => value.key);
  switch (attribute.datatype) {
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(values[0]) ? null : 'must be a number';
    case 'datetime':
      return /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(values[0]) &&
        !Number.isNaN(Date.parse(values[0]))
        ? null
        : 'must be an ISO 8601 date and time';
    case 'singlevaluelist':
    case 'multivaluelist':
      return values.every((value) => keys.includes(value)) ? null : `must be one of ${keys.join(', ')}`;
    default:
      return null;
  }
}

/** A line per answered attribute, for the handler reading the case: "Stolpnummer: GL-4711". */
export function describeAnswers(attributes: ServiceAttribute[], answers: Record<string, string | string[]>): string {
  return [...attributes]
    .sort((a, b) => a.order - b.order)
    .filter((attribute) => answers[attribute.code] !== undefined)
    .map((attribute) => {
      const answer = answers[attribute.code];
      const names = (Array.isArray(answer) ? answer : [answer]).map(
        (value) => attribute.values.find((choice) => choice.key === value)?.name ?? value,
      );
      return `${attribute.description}: ${names.join(', ')}`;
    })
    .join('\n');
}
