import { UnsupportedMediaTypeException } from '@nestjs/common';
import { Readable } from 'node:stream';
import { InvalidInputError } from '../common/domain-errors';
import { MAX_LINE_BYTES } from './source-line';

/**
 * The character sets an uploaded file may declare (`Content-Type: text/csv; charset=...`), by
 * the names a client may use. Swedish offices save CSV from Excel as Windows-1252 (a superset of
 * ISO 8859-1 for å, ä, ö) unless told otherwise; everything else is UTF-8.
 */
const CHARSETS: Record<string, 'utf-8' | 'windows-1252' | 'iso-8859-15'> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'iso-8859-15': 'iso-8859-15',
  latin9: 'iso-8859-15',
};

export type UploadCharset = (typeof CHARSETS)[string];

/**
 * The character set a Content-Type declares; UTF-8 when it declares none.
 *
 * @throws UnsupportedMediaTypeException (415) naming the charset when it is not one of CHARSETS.
 */
export function uploadCharset(contentType: string | undefined): UploadCharset {
  const declared = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (!declared) return 'utf-8';
  const charset = CHARSETS[declared];
  if (!charset) {
    throw new UnsupportedMediaTypeException(
      `charset "${declared}" is not taken; send UTF-8, or declare windows-1252 or iso-8859-15`,
    );
  }
  return charset;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * The text of an uploaded file as UTF-8 with LF line ends, read as it arrives: decoded from the
 * declared character set, a UTF-8 byte-order mark dropped, CRLF made LF (so a quoted CSV field
 * over two lines counts the lines a person sees). Bytes that are not valid UTF-8 in a file
 * declared (or taken) as UTF-8 are never turned into replacement characters: the file is refused
 * with the line named, and the advice to declare the charset it was saved in.
 *
 * @throws InvalidInputError `line N: ...` while reading, for text that is not valid UTF-8.
 */
export async function* uploadText(stream: Readable, charset: UploadCharset): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder(charset, { fatal: true });
  let line = 1;
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let first = true;
  const decode = (bytes: Buffer, endOfLine: boolean): Buffer => {
    try {
      let text = decoder.decode(bytes, { stream: !endOfLine });
      if (first) {
        text = text.replace(/^\uFEFF/, '');
        first = false;
      }
      return Buffer.from(text, 'utf8');
    } catch {
      throw new InvalidInputError([
        `line ${line}: is not valid ${charset === 'utf-8' ? 'UTF-8' : charset}; save the file as UTF-8, or send ` +
          'Content-Type with the charset it was saved in (e.g. text/csv; charset=windows-1252)',
      ]);
    }
  };
  // Stopping early must not destroy the request: the answer still goes back on its socket.
  for await (const received of stream.iterator({ destroyOnReturn: false })) {
    const chunk: Buffer = typeof received === 'string' ? Buffer.from(received) : (received as Buffer);
    let start = 0;
    for (let newline = chunk.indexOf(NEWLINE); newline !== -1; newline = chunk.indexOf(NEWLINE, start)) {
      pending.push(chunk.subarray(start, newline));
      let bytes = Buffer.concat(pending, pendingLength + newline - start);
      if (bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN) bytes = bytes.subarray(0, -1);
      yield Buffer.concat([decode(bytes, true), Buffer.from('\n')]);
      line += 1;
      pending = [];
      pendingLength = 0;
      start = newline + 1;
    }
    const rest = chunk.subarray(start);
    // A line longer than any reader takes is passed on in pieces (keeping a CR that may precede
    // the next chunk's LF): the reader refuses it, and memory stays bounded.
    if (pendingLength + rest.length > MAX_LINE_BYTES && rest.length > 1) {
      const keep = rest[rest.length - 1] === CARRIAGE_RETURN ? 1 : 0;
      yield decode(Buffer.concat([...pending, rest.subarray(0, rest.length - keep)]), false);
      pending = keep ? [rest.subarray(rest.length - 1)] : [];
      pendingLength = keep;
    } else {
      pending.push(rest);
      pendingLength += rest.length;
    }
  }
  if (pendingLength > 0) yield decode(Buffer.concat(pending, pendingLength), true);
}
