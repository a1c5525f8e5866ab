import { CsvError, parse } from 'csv-parse';
import { pipeline, Readable } from 'node:stream';
import { InvalidInputError } from '../common/domain-errors';
import { MAX_LINE_BYTES, RecordShape, SourceLine } from './source-line';

interface ParsedRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/**
 * Reads a CSV file with a header row through csv-parse, one record at a time. The
 * delimiter is taken from the header row, because Swedish spreadsheet programs write
 * semicolons where others write commas. A record's line is where it starts: a quoted
 * description may run over several lines. A header that does not fit the shape makes
 * the whole file unreadable; that is thrown once the request is read to its end.
 */
export async function* readCsvLines(stream: Readable, shape: RecordShape): AsyncGenerator<SourceLine> {
  const chunks = stream.iterator({ destroyOnReturn: false });
  const first = await chunks.next();
  const parser = parse({
    delimiter: first.done ? ',' : delimiterOf(toBuffer(first.value)),
    bom: true,
    info: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_LINE_BYTES,
  });
  const skipped: SourceLine[] = [];
  parser.on('skip', (error: CsvError & { lines?: number }) => {
    const line = error.lines ?? 0;
    const message = `not valid CSV: ${error.message}`;
    // After a quoting error csv-parse may report the same line again when the file ends.
    const last = skipped[skipped.length - 1];
    if (last && last.line === line) last.errors.push(message);
    else skipped.push({ line, fields: null, errors: [message] });
  });
  // pipeline, not pipe: an upload cut off half-way must end the parser with an error, not leave it waiting.
  pipeline(Readable.from(rest(first, chunks)), parser, () => undefined);

  let header: string[] | null = null;
  let headerErrors: string[] = [];
  for await (const parsed of parser as AsyncIterable<ParsedRecord>) {
    const line = startLine(parsed);
    while (skipped.length > 0 && skipped[0].line < line) yield skipped.shift() as SourceLine;
    if (header === null) {
      header = parsed.record.map((name) => name.trim());
      headerErrors = checkHeader(header, shape);
      continue;
    }
    if (headerErrors.length > 0 || parsed.record.every((value) => value.trim() === '')) continue;
    if (parsed.record.length !== header.length) {
      yield { line, fields: null, errors: [`has ${parsed.record.length} fields but the header has ${header.length}`] };
      continue;
    }
    const fields: Record<string, string> = {};
    header.forEach((name, index) => (fields[name] = parsed.record[index]));
    yield { line, fields, errors: [] };
  }
  if (header === null) headerErrors = ['the file is empty; it needs a header row naming the columns'];
  if (headerErrors.length > 0) throw new InvalidInputError(headerErrors);
  yield* skipped;
}

function checkHeader(header: string[], shape: RecordShape): string[] {
  const errors: string[] = [];
  header.forEach((name, index) => {
    if (!shape.fields.includes(name))
      errors.push(`header: unknown column "${name}"; the columns are ${shape.fields.join(', ')}`);
    else if (header.indexOf(name) !== index) errors.push(`header: column "${name}" appears twice`);
  });
  for (const name of shape.required) if (!header.includes(name)) errors.push(`header: missing column "${name}"`);
  return errors;
}

/** csv-parse counts lines up to the record's end, and its raw text carries the blank lines before it. */
function startLine(parsed: ParsedRecord): number {
  const own = parsed.raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '');
  let inner = 0;
  for (let at = own.indexOf('\n'); at !== -1; at = own.indexOf('\n', at + 1)) inner += 1;
  return parsed.info.lines - inner;
}

function delimiterOf(head: Buffer): ',' | ';' {
  const newline = head.indexOf(0x0a);
  const headerRow = head.subarray(0, newline === -1 ? head.length : newline).toString('utf8');
  return headerRow.includes(';') && !headerRow.includes(',') ? ';' : ',';
}

function toBuffer(chunk: unknown): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
}

async function* rest(first: IteratorResult<unknown>, chunks: AsyncIterator<unknown>): AsyncGenerator<Buffer> {
  if (first.done) return;
  yield toBuffer(first.value);
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield toBuffer(next.value);
}
