import { Readable } from 'node:stream';
import { MAX_LINE_BYTES, SourceLine } from './source-line';

const NEWLINE = 0x0a;

/**
 * Reads newline-delimited JSON from a stream one line at a time, holding at most one
 * line in memory, so a file of any size streams through. Splits on bytes, not on text,
 * so a multi-byte character across two chunks stays whole. Blank lines are skipped but
 * counted. A line longer than MAX_LINE_BYTES is reported and skipped to its end.
 */
export async function* readNdjsonLines(stream: Readable, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<SourceLine> {
  let line = 0;
  let parts: Buffer[] = [];
  let length = 0;
  let tooLong = false;
  // Stopping early must not destroy the request: the answer still goes back on its socket.
  for await (const received of stream.iterator({ destroyOnReturn: false })) {
    const chunk: Buffer = typeof received === 'string' ? Buffer.from(received) : (received as Buffer);
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, start);
      const end = newline === -1 ? chunk.length : newline;
      if (!tooLong && length + (end - start) > maxLineBytes) {
        tooLong = true;
        parts = [];
      }
      if (!tooLong) {
        parts.push(chunk.subarray(start, end));
        length += end - start;
      }
      if (newline === -1) break;
      line += 1;
      const parsed = tooLong ? tooLongLine(line, maxLineBytes) : parseLine(line, Buffer.concat(parts, length));
      if (parsed) yield parsed;
      parts = [];
      length = 0;
      tooLong = false;
      start = newline + 1;
    }
  }
  if (length > 0 || tooLong) {
    line += 1;
    const parsed = tooLong ? tooLongLine(line, maxLineBytes) : parseLine(line, Buffer.concat(parts, length));
    if (parsed) yield parsed;
  }
}

function tooLongLine(line: number, maxLineBytes: number): SourceLine {
  return { line, fields: null, errors: [`line is longer than ${maxLineBytes} bytes`] };
}

function parseLine(line: number, bytes: Buffer): SourceLine | null {
  let text = bytes.toString('utf8');
  if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { line, fields: null, errors: [`not valid JSON: ${(error as Error).message}`] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { line, fields: null, errors: ['must be a JSON object'] };
  }
  return { line, fields: value as Record<string, unknown>, errors: [] };
}
