import { XMLBuilder } from 'fast-xml-parser';

/** The two formats of GeoReport v2, chosen by the path suffix (`.xml`, `.json`). */
export const OPEN311_FORMATS = ['xml', 'json'] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];

/** The media types answered, exactly as clients expect them (the discovery document names the same two). */
export const OPEN311_MEDIA_TYPES: Record<Open311Format, string> = { xml: 'text/xml', json: 'application/json' };

/**
 * A list in an Open311 answer. In XML it is a wrapper element (the key that holds the list)
 * with one `itemName` element per item, `<services><service>…</service></services>`; in JSON it
 * is an array. Clients rely on the wrapper being there even when the list is empty or has one item.
 */
export class Open311List {
  constructor(
    readonly itemName: string,
    readonly items: Open311Value[],
  ) {}
}

/** A value in an Open311 answer: null is an empty element in XML and null in JSON. */
export type Open311Value = string | number | boolean | null | Open311List | Open311Object;
export interface Open311Object {
  [field: string]: Open311Value;
}

/** An Open311 answer: the XML root element's name, and its content (a list answers a JSON array). */
export interface Open311Document {
  root: string;
  body: Open311List | Open311Object;
}

const builder = new XMLBuilder({ format: true, indentBy: '  ', ignoreAttributes: false, suppressEmptyNode: false });

/** Characters XML 1.0 does not allow at all; text that holds them would make the whole answer unreadable. */
// eslint-disable-next-line no-control-regex
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * The document in the format asked for, as the bytes to send (UTF-8).
 *
 * XML: `<?xml version="1.0" encoding="UTF-8"?>` and the root element; carriage returns in text
 * are written as `&#13;`, because an XML parser turns a literal CR LF into LF (XML 1.0, 2.11)
 * and a client must get the description back as it was sent. JSON: the body as is.
 */
export function renderOpen311(format: Open311Format, document: Open311Document): Buffer {
  if (format === 'json') return Buffer.from(JSON.stringify(toJson(document.body)), 'utf8');
  const xml = builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    [document.root]: toXmlContent(document.body),
  });
  return Buffer.from(xml.replace(/\r/g, '&#13;'), 'utf8');
}

function toJson(value: Open311Value): unknown {
  if (value instanceof Open311List) return value.items.map(toJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([field, inner]) => [field, toJson(inner)]));
  }
  return value;
}

function toXmlContent(value: Open311Value): unknown {
  if (value instanceof Open311List) return { [value.itemName]: value.items.map(toXmlContent) };
  if (value === null) return '';
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([field, inner]) => [field, toXmlContent(inner)]));
  }
  return typeof value === 'string' ? value.replace(NOT_IN_XML, '') : String(value);
}
