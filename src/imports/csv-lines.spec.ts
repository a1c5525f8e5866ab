import { Readable } from 'node:stream';
import { InvalidInputError } from '../common/domain-errors';
import { readCsvLines } from './csv-lines';
import { SourceLine } from './source-line';

const shape = { fields: ['id', 'text', 'note'], required: ['id', 'text'] };

async function readAll(text: string): Promise<SourceLine[]> {
  const lines: SourceLine[] = [];
  for await (const line of readCsvLines(Readable.from([Buffer.from(text)]), shape)) lines.push(line);
  return lines;
}

describe('readCsvLines', () => {
  it('names fields by the header and numbers records by the line they start on', async () => {
    const lines = await readAll('\uFEFFid,text\r\n1,"first"\r\n\r\n2,"runs over\ntwo lines"\r\n3,third');
    expect(lines).toEqual([
      { line: 2, fields: { id: '1', text: 'first' }, errors: [] },
      { line: 4, fields: { id: '2', text: 'runs over\ntwo lines' }, errors: [] },
      { line: 6, fields: { id: '3', text: 'third' }, errors: [] },
    ]);
  });

  it('takes semicolons as the delimiter when the header row uses them', async () => {
    const lines = await readAll('id;text;note\n1;Hej, hej;\n');
    expect(lines).toEqual([{ line: 2, fields: { id: '1', text: 'Hej, hej', note: '' }, errors: [] }]);
  });

  it('reports a record with the wrong number of fields and a quoting error by line', async () => {
    const lines = await readAll('id,text\n1,a,extra\n2,"bad"x\n');
    expect(lines).toEqual([
      { line: 2, fields: null, errors: ['has 3 fields but the header has 2'] },
      {
        line: 3,
        fields: null,
        errors: [
          expect.stringMatching(/^not valid CSV: Invalid Closing Quote/),
          expect.stringMatching(/^not valid CSV: Quote Not Closed/),
        ],
      },
    ]);
  });

  it('refuses the whole file when the header does not fit', async () => {
    const error = await readAll('id,colour,id\n1,red,1\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).messages).toEqual([
      'header: unknown column "colour"; the columns are id, text, note',
      'header: column "id" appears twice',
      'header: missing column "text"',
    ]);
  });

  it('refuses an empty file', async () => {
    await expect(readAll('')).rejects.toThrow('the file is empty; it needs a header row naming the columns');
  });
});
