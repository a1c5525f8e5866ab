import { Readable } from 'node:stream';
import { readNdjsonLines } from './ndjson-lines';
import { SourceLine } from './source-line';

async function readAll(chunks: Array<string | Buffer>, maxLineBytes?: number): Promise<SourceLine[]> {
  const lines: SourceLine[] = [];
  for await (const line of readNdjsonLines(
    Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))),
    maxLineBytes,
  ))
    lines.push(line);
  return lines;
}

describe('readNdjsonLines', () => {
  it('numbers lines as an editor does, skipping blank ones and a final line without newline', async () => {
    const lines = await readAll(['\uFEFF{"a":1}\r\n\n  \n{"a"', ':2}\n{"a":3}']);
    expect(lines).toEqual([
      { line: 1, fields: { a: 1 }, errors: [] },
      { line: 4, fields: { a: 2 }, errors: [] },
      { line: 5, fields: { a: 3 }, errors: [] },
    ]);
  });

  it('keeps a multi-byte character whole when a chunk boundary cuts it', async () => {
    const bytes = Buffer.from('{"description":"Gatlampan på Storgatan"}\n');
    const cut = bytes.indexOf(Buffer.from('å')) + 1;
    const lines = await readAll([bytes.subarray(0, cut), bytes.subarray(cut)]);
    expect(lines[0].fields).toEqual({ description: 'Gatlampan på Storgatan' });
  });

  it('reports lines that are not JSON objects and carries on', async () => {
    const lines = await readAll(['{"a":\n[1,2]\n"text"\n{"a":4}\n']);
    expect(lines.map((l) => [l.line, l.errors.length > 0 ? l.errors[0].slice(0, 14) : 'ok'])).toEqual([
      [1, 'not valid JSON'],
      [2, 'must be a JSON'],
      [3, 'must be a JSON'],
      [4, 'ok'],
    ]);
    expect(lines[1].errors).toEqual(['must be a JSON object']);
  });

  it('refuses an over-long line without holding it, and reads on after it', async () => {
    const lines = await readAll(['{"a":"', 'x'.repeat(50), 'y'.repeat(50), '"}\n{"a":2}\n'], 64);
    expect(lines).toEqual([
      { line: 1, fields: null, errors: ['line is longer than 64 bytes'] },
      { line: 2, fields: { a: 2 }, errors: [] },
    ]);
  });
});
