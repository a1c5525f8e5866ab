import fc from 'fast-check';

/**
 * Input a careless or hostile client sends, kind by kind: text a database refuses, numbers out of
 * every column's range, instants at the edges of what JavaScript and the databases hold, the wrong
 * JSON type, bodies that are too deep, too large, mislabelled or not JSON at all. Every value here
 * must be answered with a 4xx, never a 5xx, and quickly.
 */

/** Text with what PostgreSQL refuses (NUL, lone surrogates) and what some code mishandles. */
export const HOSTILE_TEXT: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  'karin\ud800@example.se',
  'karin@exa\u0000mple.se',
  '\u202eRTL\u202c',
  '😀'.repeat(50),
  'x'.repeat(5_000),
  'x'.repeat(70_000),
  '../../etc/passwd',
  "'; DROP TABLE cases; --",
  '%00',
  'NaN',
  'Infinity',
  'true',
  'null',
  '-0',
  '1e400',
  '99999999999999999999',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '0x10',
  '1.5',
  '-1',
  '0',
  '2026-02-30',
  '2026-13-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '1000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '2026-03-02T09:00:00+25:00',
  '__proto__',
  'constructor',
];

/** JSON values of every type, and numbers no integer or timestamp column holds. */
export const HOSTILE_JSON: readonly unknown[] = [
  null,
  [],
  {},
  [null],
  [[]],
  { a: { b: { c: {} } } },
  true,
  false,
  0,
  -1,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  1e308,
  -1e308,
  5e-324,
  ['x', 1, null],
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  { constructor: { prototype: { polluted: true } } },
  nestedArrays(50),
];

/** Path segments as sent on the wire, already percent-encoded: NUL, a lone surrogate, bad UTF-8, huge numbers. */
export const HOSTILE_PATH_SEGMENTS: readonly string[] = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%FF%FE',
  '%C0%AE%C0%AE',
  '%25',
  '%2F',
  '..',
  '0',
  '-1',
  '1.5',
  '1e3',
  'NaN',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '99999999999999999999',
  '123456789012345678901234567890',
  'x'.repeat(300),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '2026-000001',
  '9999-999999',
  '0000-000000',
];

/** `[[[...]]]` `depth` levels deep. */
export function nestedArrays(depth: number): unknown {
  let value: unknown = [];
  for (let level = 1; level < depth; level++) value = [value];
  return value;
}

/** One string a client might send as text: hostile, or random text of any Unicode, lone surrogates included. */
export function hostileText(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    {
      weight: 1,
      arbitrary: fc.string({
        unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
        maxLength: 20,
      }),
    },
  );
}

/** One JSON value where a field of some other type, or of a narrower range, is expected. */
export function hostileJson(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_JSON) },
    { weight: 2, arbitrary: hostileText() },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}

/** A query string value: hostile text, percent-encoded on the wire (lone surrogates as their bytes). */
export function hostileQueryValue(): fc.Arbitrary<string> {
  return hostileText().map(percentEncode);
}

/**
 * Percent-encodes text for a URL. encodeURIComponent throws on a lone surrogate; this encodes it
 * as the three bytes a careless client would send (WTF-8), which are not valid UTF-8.
 */
export function percentEncode(text: string): string {
  let encoded = '';
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const isHigh = code >= 0xd800 && code <= 0xdbff;
    const next = text.charCodeAt(index + 1);
    if (isHigh && next >= 0xdc00 && next <= 0xdfff) {
      encoded += encodeURIComponent(text.slice(index, index + 2));
      index++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      encoded += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    } else {
      encoded += encodeURIComponent(text[index]);
    }
  }
  return encoded;
}

/** A body sent as it is, with the headers that go with it. */
export interface RawBody {
  kind: string;
  body: string | Buffer;
  headers: Record<string, string>;
}

const JSON_TYPE = { 'content-type': 'application/json' };

/** Bodies no handler should see: malformed, too deep, too large, mislabelled, or in an encoding they are not. */
export function hostileRawBodies(): RawBody[] {
  return [
    { kind: 'malformed JSON', body: '{"description": ', headers: JSON_TYPE },
    { kind: 'JSON with a trailing comma', body: '{"a": 1,}', headers: JSON_TYPE },
    { kind: 'empty JSON body', body: '', headers: JSON_TYPE },
    { kind: 'JSON null', body: 'null', headers: JSON_TYPE },
    { kind: 'JSON array', body: '[{"a": 1}]', headers: JSON_TYPE },
    { kind: 'JSON number', body: '42', headers: JSON_TYPE },
    { kind: 'JSON string', body: '"text"', headers: JSON_TYPE },
    { kind: '5,000 nested arrays', body: '['.repeat(5_000) + ']'.repeat(5_000), headers: JSON_TYPE },
    { kind: '5,000 nested objects', body: '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000), headers: JSON_TYPE },
    {
      kind: 'nested 5,000 deep in a field',
      body: `{"description":"x","citizen":${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
      headers: JSON_TYPE,
    },
    {
      kind: 'JSON over 1 MB',
      body: JSON.stringify({ description: 'x'.repeat(1_100_000) }),
      headers: JSON_TYPE,
    },
    { kind: 'gzip header over a plain body', body: '{"a": 1}', headers: { ...JSON_TYPE, 'content-encoding': 'gzip' } },
    {
      kind: 'deflate header over a plain body',
      body: '{"a": 1}',
      headers: { ...JSON_TYPE, 'content-encoding': 'deflate' },
    },
    { kind: 'unknown encoding', body: '{"a": 1}', headers: { ...JSON_TYPE, 'content-encoding': 'x-unknown' } },
    { kind: 'unknown charset', body: '{"a": 1}', headers: { 'content-type': 'application/json; charset=x-klingon' } },
    { kind: 'latin-1 charset', body: '{"a": 1}', headers: { 'content-type': 'application/json; charset=latin1' } },
    { kind: 'text/plain', body: 'hello', headers: { 'content-type': 'text/plain' } },
    {
      kind: 'form with nested keys',
      body: 'description=x&citizen[email][$gt]=&citizen[name][]=a&citizen[name][]=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    },
    {
      kind: 'form with 2,000 keys',
      body: Array.from({ length: 2_000 }, (_, index) => `k${index}=${index}`).join('&'),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    },
    {
      kind: 'multipart',
      body: '--x\r\n\r\nhello\r\n--x--',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    },
    { kind: 'NDJSON', body: '{"a":1}\n{"a":2}\n', headers: { 'content-type': 'application/x-ndjson' } },
    { kind: 'CSV', body: 'a,b\n1,2\n', headers: { 'content-type': 'text/csv' } },
    {
      kind: 'gzip header over plain NDJSON',
      body: '{"a":1}\n{"a":2}\n',
      headers: { 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' },
    },
    {
      kind: 'br header over plain CSV',
      body: 'a,b\n1,2\n',
      headers: { 'content-type': 'text/csv', 'content-encoding': 'br' },
    },
    {
      kind: 'unknown encoding over CSV',
      body: 'a,b\n1,2\n',
      headers: { 'content-type': 'text/csv', 'content-encoding': 'compress' },
    },
    {
      kind: 'invalid UTF-8',
      body: Buffer.concat([
        Buffer.from('{"description": "'),
        Buffer.from([0xff, 0xfe, 0xed, 0xa0, 0x80]),
        Buffer.from('"}'),
      ]),
      headers: JSON_TYPE,
    },
  ];
}
