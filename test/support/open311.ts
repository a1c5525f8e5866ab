import { XMLParser } from 'fast-xml-parser';

/**
 * Reads an Open311 XML answer the way FixMyStreet's Open311 client does (XML::Simple with
 * ForceArray on its list elements and SuppressEmpty): list items are always arrays, ids and
 * codes stay text (no number conversion), an empty element is absent.
 */
export function readOpen311Xml(xml: string): Record<string, unknown> {
  const parser = new XMLParser({
    parseTagValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: true,
    isArray: (name) =>
      [
        'service',
        'request',
        'attribute',
        'value',
        'error',
        'request_update',
        'endpoint',
        'format',
        'status_note',
      ].includes(name),
  });
  return dropEmpty(parser.parse(xml)) as Record<string, unknown>;
}

function dropEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropEmpty);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, inner]) => inner !== '')
        .map(([key, inner]) => [key, dropEmpty(inner)]),
    );
  }
  return value;
}

/** A form body as an app posts it (application/x-www-form-urlencoded). */
export function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}
