import { Readable } from 'node:stream';
import { InvalidInputError } from '../common/domain-errors';
import { readImportLines } from './import-format';
import { uploadCharset, uploadText } from './upload-text';

/** The text uploadText makes of these chunks. */
async function textOf(chunks: Buffer[], charset: Parameters<typeof uploadText>[1] = 'utf-8'): Promise<string> {
  const out: Buffer[] = [];
  for await (const piece of uploadText(Readable.from(chunks), charset)) out.push(piece);
  return Buffer.concat(out).toString('utf8');
}

describe('the text of an uploaded file', () => {
  it('reads the charset a Content-Type declares, UTF-8 when none', () => {
    expect(uploadCharset('text/csv')).toBe('utf-8');
    expect(uploadCharset('text/csv; charset=Windows-1252')).toBe('windows-1252');
    expect(uploadCharset('text/csv;charset="ISO-8859-1"')).toBe('windows-1252');
    expect(() => uploadCharset('text/csv; charset=ebcdic')).toThrow('charset "ebcdic" is not taken');
  });

  it('decodes Windows-1252 as saved by Excel: å ä ö, never a replacement character', async () => {
    // "Gatlampan på Ågatan är släckt" with å = 0xE5, Å = 0xC5, ä = 0xE4 in Windows-1252.
    const bytes = Buffer.from('Gatlampan p\u00e5 \u00c5gatan \u00e4r sl\u00e4ckt\r\n', 'latin1');
    expect(await textOf([bytes], 'windows-1252')).toBe('Gatlampan på Ågatan är släckt\n');
  });

  it('refuses bytes that are not UTF-8, naming the line, when no charset says otherwise', async () => {
    const bytes = Buffer.concat([Buffer.from('id,text\r\n1,ok\r\n2,'), Buffer.from([0xe5]), Buffer.from('\r\n')]);
    const error = await textOf([bytes]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).messages).toEqual([
      'line 3: is not valid UTF-8; save the file as UTF-8, or send Content-Type with the charset it was saved in (e.g. text/csv; charset=windows-1252)',
    ]);
  });

  it('drops a byte-order mark, makes CRLF LF, and keeps characters split between chunks whole', async () => {
    const text = Buffer.from('\uFEFFå,ä\r\nö\r\n', 'utf8');
    // Split inside "ä" (two bytes) and between CR and LF.
    const chunks = [text.subarray(0, 6), text.subarray(6, 9), text.subarray(9)];
    expect(await textOf(chunks)).toBe('å,ä\nö\n');
  });

  it('numbers CSV records by the lines a person sees, a quoted CRLF inside a field counting once', async () => {
    // Line 1 the header; lines 2-3 one record with a quoted line break; line 4 a record with too many fields.
    const file = 'externalId,description\r\nA,"two\r\nlines"\r\nB,x,y\r\n';
    const lines = [];
    for await (const line of readImportLines(Readable.from([Buffer.from(file)]), 'csv', {
      fields: ['externalId', 'description'],
      required: ['externalId'],
    }))
      lines.push(line);
    expect(lines).toEqual([
      { line: 2, fields: { externalId: 'A', description: 'two\nlines' }, errors: [] },
      { line: 4, fields: null, errors: ['has 3 fields but the header has 2'] },
    ]);
  });
});
