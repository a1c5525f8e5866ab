import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { InvalidInputError, UnsupportedEncodingError } from './domain-errors';
import { MAX_JSON_DEPTH, nestedDeeperThan } from './input-text';

/** The most a JSON body may hold (bytes, after any Content-Encoding is undone), unless listed below. */
export const JSON_BODY_LIMIT_BYTES = 100 * 1024;

/**
 * Operations whose JSON body may be larger than JSON_BODY_LIMIT_BYTES, with their own limit
 * (docs/api.md, "Body limits"). The imports and the telephony platform's CSV export are not
 * JSON: they are read as a stream, a line at a time, and have no limit on the whole.
 */
export const LARGER_JSON_BODIES: ReadonlyArray<{ method: string; path: string; limitBytes: number }> = [
  // A day of a busy switchboard's call records in one webhook delivery: some 20,000 records of ~250 bytes.
  { method: 'POST', path: '/api/v1/telephony/calls', limitBytes: 5 * 1024 * 1024 },
];

/** The content codings a request body may come in; Express's parser and the streamed imports undo each. */
export const BODY_ENCODINGS = ['identity', 'gzip', 'deflate', 'br'] as const;

/**
 * Parses JSON bodies before any guard or handler runs, with each operation's size limit,
 * and refuses what no handler should see: a body over the limit (413), in a Content-Encoding
 * that is not supported (415) or that it is not in (400), or nested deeper than MAX_JSON_DEPTH
 * levels (400, checked before class-transformer or class-validator walk it). Any JSON value
 * is parsed (not only objects and arrays), so the validation can say "must be a JSON object"
 * instead of "not valid JSON".
 *
 * The function is named jsonParser so that Nest, seeing a parser of that name registered, does
 * not add its own.
 */
export function createJsonBodyParser(): RequestHandler {
  const parsers = new Map<number, RequestHandler>();
  const parserFor = (limitBytes: number): RequestHandler => {
    let parser = parsers.get(limitBytes);
    if (!parser) {
      parser = express.json({ limit: limitBytes, strict: false });
      parsers.set(limitBytes, parser);
    }
    return parser;
  };
  return function jsonParser(request: Request, response: Response, next: NextFunction): void {
    const limitBytes =
      LARGER_JSON_BODIES.find((larger) => larger.method === request.method && larger.path === request.path)
        ?.limitBytes ?? JSON_BODY_LIMIT_BYTES;
    parserFor(limitBytes)(request, response, (error?: unknown) => {
      if (error) return next(asBodyError(error, request));
      if (nestedDeeperThan(request.body, MAX_JSON_DEPTH))
        return next(new InvalidInputError([`body is nested deeper than ${MAX_JSON_DEPTH} levels`]));
      next();
    });
  };
}

/** The Content-Encoding of a request, lower case; `identity` when there is none. */
export function contentEncodingOf(request: Request): string {
  return (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase() || 'identity';
}

/**
 * Express's parser answers an unsupported coding, and a body that is not in its coding (gzip
 * that is not gzip), with the decompressor's own words; these say what the client should change.
 */
function asBodyError(error: unknown, request: Request): unknown {
  const { status, type } = error as { status?: unknown; type?: unknown };
  const encoding = contentEncodingOf(request);
  if (type === 'encoding.unsupported') return new UnsupportedEncodingError(encoding);
  if (status === 400 && type === undefined && encoding !== 'identity')
    return new InvalidInputError([`body is not valid ${encoding} data, as its Content-Encoding says`]);
  return error;
}
