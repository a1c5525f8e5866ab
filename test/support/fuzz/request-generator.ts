import fc from 'fast-check';
import type { OpenApiDocument } from '../openapi';
import {
  HOSTILE_PATH_SEGMENTS,
  hostileJson,
  hostileQueryValue,
  hostileRawBodies,
  hostileText,
  percentEncode,
  RawBody,
} from './hostile-input';
import { FuzzSchema, SchemaValues } from './schema-values';

/** An operation as the document writes it, with the parts the generator reads. */
interface FuzzOperation {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: FuzzSchema }>;
  requestBody?: { content?: Record<string, { schema?: FuzzSchema }> };
}

/** One HTTP request, transport-neutral: the test sends it with supertest, the bench script with fetch. */
export interface FuzzRequest {
  /** The operation as the document names it: `post /api/v1/cases/{id}/{action}`. */
  operation: string;
  method: string;
  /** The path with its parameters filled in and the query string, percent-encoded. */
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

/**
 * Values known to exist in the app under test, so that generated requests reach past the
 * "not found": by field or query name (`departmentCode`, `caseId`), and for path parameters by
 * the collection the parameter names (`cases` for `/cases/{id}`, `alerts`, `departments`, ...).
 */
export interface FuzzFixtures {
  byName: Record<string, string[]>;
  byCollection: Record<string, string[]>;
}

/** Every operation of the document, in document order. */
export function fuzzOperations(document: OpenApiDocument): Array<{ key: string; method: string; path: string }> {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ key: `${method} ${path}`, method, path })),
  );
}

/** A short account of a request for a failure message: method, URL, headers and the start of the body. */
export function describeRequest(request: FuzzRequest): string {
  const body =
    request.body === undefined
      ? ''
      : ` ${JSON.stringify(request.body.toString().slice(0, 160))}${request.body.length > 160 ? `… (${request.body.length} chars)` : ''}`;
  const headers = Object.entries(request.headers)
    .filter(([name]) => name !== 'content-type' || !request.headers[name].startsWith('application/json'))
    .map(([name, value]) => ` [${name}: ${value}]`)
    .join('');
  const url = request.url.length > 200 ? `${request.url.slice(0, 200)}…` : request.url;
  return `${request.method.toUpperCase()} ${url}${headers}${body}`;
}

/**
 * Requests to one operation, valid and invalid: known and hostile path parameters, query
 * parameters absent, valid or hostile, JSON bodies built from the operation's schema with one
 * field at a time made hostile (at any depth), and bodies that are not what they claim to be.
 */
export function requestArbitrary(
  document: OpenApiDocument,
  method: string,
  path: string,
  fixtures: FuzzFixtures,
): fc.Arbitrary<FuzzRequest> {
  const generator = new SchemaValues(document, fixtures);
  const operation = document.paths[path][method] as FuzzOperation;
  const parameters = operation.parameters ?? [];
  const segments = path.split('/').filter(Boolean);

  // Each part of a request has its valid values and its hostile ones. A request is valid whole, or
  // has exactly one part hostile, so that a hostile value gets past the checks of every other part.
  const parts: Array<{ target: string; valid: fc.Arbitrary<string[]>; hostile?: fc.Arbitrary<string[]> }> = [];
  segments.forEach((segment, index) => {
    const name = /^\{(\w+)\}$/.exec(segment)?.[1];
    if (!name) return parts.push({ target: 'path', valid: fc.constant([segment]) });
    const parameter = parameters.find((candidate) => candidate.name === name && candidate.in === 'path');
    const known = fixtures.byCollection[segments[index - 1]] ?? fixtures.byCollection[name] ?? [];
    const valid = known.length
      ? fc.constantFrom(...known)
      : parameter?.schema?.enum
        ? fc.constantFrom(...(parameter.schema.enum as string[]))
        : fc.uuid();
    parts.push({
      target: 'path',
      valid: valid.map((value) => [percentEncode(value)]),
      hostile: fc
        .oneof(fc.constantFrom(...HOSTILE_PATH_SEGMENTS), hostileText().map(percentEncode))
        .map((value) => [value]),
    });
  });
  for (const parameter of parameters.filter((candidate) => candidate.in === 'query')) {
    const name = encodeURIComponent(parameter.name);
    const pairs = (values: string[]) => values.map((value) => `${name}=${value}`);
    const valid = generator.valid(parameter.schema, parameter.name).map((value) => pairs([asText(value)]));
    parts.push({
      target: 'query',
      valid: parameter.required ? valid : fc.oneof(fc.constant<string[]>([]), valid),
      hostile: fc.oneof(
        { weight: 4, arbitrary: hostileQueryValue().map((value) => pairs([value])) },
        { weight: 1, arbitrary: fc.tuple(hostileQueryValue(), hostileQueryValue()).map(pairs) },
        { weight: 1, arbitrary: fc.constant<string[]>([]) },
      ),
    });
  }
  // A GET with a body is left out: fetch cannot send one, and no operation here reads it.
  const body = method === 'get' ? undefined : bodyArbitraries(generator, operation);

  const targets = parts.flatMap((part, index) => (part.hostile ? [index] : []));
  const request = (hostile: number | 'body' | undefined) =>
    fc
      .record({
        parts: fc.tuple(...parts.map((part, index) => (index === hostile ? part.hostile! : part.valid))),
        body: body ? (hostile === 'body' ? body.hostile : body.valid) : fc.constant(undefined),
      })
      .map(({ parts: values, body: sent }): FuzzRequest => {
        const search = values
          .filter((_, index) => parts[index].target === 'query')
          .flat()
          .join('&');
        const pathText = values
          .filter((_, index) => parts[index].target === 'path')
          .flat()
          .join('/');
        return {
          operation: `${method} ${path}`,
          method,
          url: `/${pathText}${search ? `?${search}` : ''}`,
          headers: sent?.headers ?? {},
          ...(sent ? { body: sent.body } : {}),
        };
      });
  const hostileTargets: Array<number | 'body'> = [...targets, ...(body ? (['body'] as const) : [])];
  return fc.oneof(
    { weight: 3, arbitrary: request(undefined) },
    ...hostileTargets.map((target) => ({
      weight: target === 'body' ? 7 : Math.max(1, Math.round(7 / hostileTargets.length)),
      arbitrary: request(target),
    })),
  );
}

function asText(value: unknown): string {
  return percentEncode(typeof value === 'string' ? value : JSON.stringify(value));
}

function json(value: unknown): RawBody {
  return { kind: 'json', body: JSON.stringify(value) ?? 'null', headers: { 'content-type': 'application/json' } };
}

/** The bodies of requests to an operation: as its schema says, and with a field or the whole made hostile. */
function bodyArbitraries(
  generator: SchemaValues,
  operation: FuzzOperation,
): { valid: fc.Arbitrary<RawBody | undefined>; hostile: fc.Arbitrary<RawBody | undefined> } {
  const raw = fc.constantFrom(...hostileRawBodies());
  const content = operation.requestBody?.content;
  if (!content) return { valid: fc.constant(undefined), hostile: fc.oneof(raw, hostileJson().map(json)) };
  const valid: Array<fc.Arbitrary<RawBody>> = [];
  const hostile: Array<fc.WeightedArbitrary<RawBody>> = [{ weight: 2, arbitrary: raw }];
  const jsonSchema = content['application/json']?.schema;
  if (jsonSchema) {
    valid.push(generator.valid(jsonSchema, 'body').map(json));
    hostile.push({ weight: 4, arbitrary: generator.mutated(jsonSchema, 'body').map(json) });
  }
  for (const mediaType of ['application/x-ndjson', 'text/csv'] as const) {
    const schema = content[mediaType]?.schema;
    if (!schema) continue;
    valid.push(generator.lines(schema, mediaType, 'valid'));
    hostile.push({ weight: 2, arbitrary: generator.lines(schema, mediaType, 'hostile') });
  }
  if (content['message/rfc822']) {
    // A raw e-mail: headers and a text, or the same with its header block cut or garbled.
    const message = fc
      .record({ subject: fc.string({ maxLength: 80 }), text: fc.string({ maxLength: 400 }) })
      .map(({ subject, text }) => `From: a@example.se\r\nSubject: ${subject}\r\n\r\n${text}\r\n`);
    const rfc822 = (body: string): RawBody => ({ kind: 'rfc822', body, headers: { 'content-type': 'message/rfc822' } });
    valid.push(message.map(rfc822));
    hostile.push({ weight: 2, arbitrary: fc.string({ maxLength: 400 }).map(rfc822) });
  }
  return { valid: fc.oneof(...valid), hostile: fc.oneof(...hostile) };
}
