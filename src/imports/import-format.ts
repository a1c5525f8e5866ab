import { UnsupportedMediaTypeException } from '@nestjs/common';
import { Readable } from 'node:stream';
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
 * Reads what is left of a request, so an early answer (a bad header, a refused media
 * type) reaches the client instead of a reset connection.
 */
export function drainRequest(stream: Readable): Promise<void> {
  if (stream.readableEnded || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('end', resolve);
    stream.once('close', resolve);
    stream.once('error', () => resolve());
    stream.resume();
  });
}
