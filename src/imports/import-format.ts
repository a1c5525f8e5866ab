import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { InvalidInputError, UnsupportedEncodingError } from '../common/domain-errors';
import { readCsvLines } from './csv-lines';
import { readNdjsonLines } from './ndjson-lines';
import { RecordShape, SourceLine } from './source-line';
import { UploadCharset, uploadText } from './upload-text';

export type ImportFormat = 'ndjson' | 'csv';

const FORMATS: Record<string, ImportFormat> = {
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
  'application/x-jsonlines': 'ndjson',
  'text/csv': 'csv',
};

/** The file format a request's Content-Type names (its charset: uploadCharset). */
export function importFormat(
  contentType: string | undefined,
  accepted: readonly ImportFormat[] = ['ndjson', 'csv'],
): ImportFormat {
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const format = FORMATS[mediaType];
  if (!format || !accepted.includes(format)) {
    const names = Object.entries(FORMATS)
      .filter(([, f]) => accepted.includes(f))
      .map(([name]) => name);
    throw new UnsupportedMediaTypeException(`Content-Type must be ${names.join(' or ')}; got "${mediaType || 'none'}"`);
  }
  return format;
}

/**
 * The lines of an uploaded file, read as it arrives, in the character set its Content-Type
 * declares (UTF-8 by default; see upload-text.ts).
 */
export function readImportLines(
  stream: Readable,
  format: ImportFormat,
  shape: RecordShape,
  charset: UploadCharset = 'utf-8',
): AsyncGenerator<SourceLine> {
  const text = Readable.from(uploadText(stream, charset));
  return format === 'csv' ? readCsvLines(text, shape) : readNdjsonLines(text);
}

/**
 * The body of a streamed upload as its sender wrote it: a gzip, deflate or br Content-Encoding
 * is undone as the body arrives (so a compressed file of any size still streams), any other
 * is refused (415, unsupported_encoding). A body that is not in the coding its header names
 * (a gzip header over a plain file) fails while it is read, as invalid input (400).
 */
export function decodedBody(request: IncomingMessage): Readable {
  const encoding = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase() || 'identity';
  if (encoding === 'identity') return request;
  const decompressors = { gzip: createGunzip, deflate: createInflate, br: createBrotliDecompress };
  if (!(encoding in decompressors)) throw new UnsupportedEncodingError(encoding);
  const decompressor = decompressors[encoding as keyof typeof decompressors]();
  // The body may fail to decompress before anyone reads it (while the service still prepares):
  // the error is kept on the stream and thrown to the reader, never left unhandled.
  decompressor.on('error', () => undefined);
  return Readable.from(undone(request.pipe(decompressor), encoding), { objectMode: false });
}

async function* undone(decoded: Readable, encoding: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of decoded) yield chunk as Buffer;
  } catch {
    throw new InvalidInputError([`body is not valid ${encoding} data, as its Content-Encoding says`]);
  }
}

/**
 * Reads what is left of a request, so an early answer (a bad header, a refused media
 * type) reaches the client instead of a reset connection.
 */
export function drainRequest(stream: Readable): Promise<void> {
  if (stream.readableEnded || stream.destroyed) return Promise.resolve();
  // A decompressor it was piped into may have stopped reading; the rest is thrown away.
  stream.unpipe();
  return new Promise((resolve) => {
    stream.once('end', resolve);
    stream.once('close', resolve);
    stream.once('error', () => resolve());
    stream.resume();
  });
}
