import { photoTypeOf, withoutMetadata } from './photo';

/** A JPEG segment: marker, big-endian length (which counts itself), data. */
function segment(marker: number, data: string): Buffer {
  const body = Buffer.from(data, 'latin1');
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** A PNG chunk with a dummy CRC (not checked here). */
function chunk(type: string, data: string): Buffer {
  const body = Buffer.from(data, 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  return Buffer.concat([length, Buffer.from(type, 'latin1'), body, Buffer.alloc(4)]);
}

const SOI = Buffer.from([0xff, 0xd8]);
const SCAN = Buffer.concat([
  segment(0xda, 'scan-header'),
  Buffer.from('compressed-picture'),
  Buffer.from([0xff, 0xd9]),
]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('photos from citizens’ apps', () => {
  it('knows JPEG and PNG by their first bytes, and nothing else', () => {
    expect(photoTypeOf(Buffer.concat([SOI, segment(0xe0, 'JFIF')]))).toBe('image/jpeg');
    expect(photoTypeOf(Buffer.concat([PNG, chunk('IHDR', '')]))).toBe('image/png');
    expect(photoTypeOf(Buffer.from('GIF89a............'))).toBeNull();
    expect(photoTypeOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });

  it('removes EXIF (with the GPS position), XMP and comments from a JPEG, and keeps the picture', () => {
    const jfif = segment(0xe0, 'JFIF\0');
    const quantisation = segment(0xdb, 'tables');
    const photo = Buffer.concat([
      SOI,
      jfif,
      segment(0xe1, 'Exif\0\0GPS 59.3293N 18.0686E'),
      segment(0xe1, 'http://ns.adobe.com/xap/1.0/ <x:xmpmeta/>'),
      quantisation,
      segment(0xfe, 'Taken by Anna'),
      SCAN,
    ]);
    expect(withoutMetadata(photo, 'image/jpeg')).toEqual(Buffer.concat([SOI, jfif, quantisation, SCAN]));
  });

  it('removes text, time and EXIF chunks from a PNG, and keeps the picture', () => {
    const header = chunk('IHDR', 'header');
    const data = chunk('IDAT', 'pixels');
    const end = chunk('IEND', '');
    const photo = Buffer.concat([
      PNG,
      header,
      chunk('tEXt', 'Author\0Anna'),
      chunk('eXIf', 'GPS'),
      data,
      chunk('tIME', 'when'),
      end,
    ]);
    expect(withoutMetadata(photo, 'image/png')).toEqual(Buffer.concat([PNG, header, data, end]));
  });

  it('refuses a file cut short', () => {
    expect(() => withoutMetadata(Buffer.concat([SOI, segment(0xe0, 'JFIF').subarray(0, 5)]), 'image/jpeg')).toThrow();
    expect(() => withoutMetadata(Buffer.concat([PNG, chunk('IHDR', 'header')]), 'image/png')).toThrow();
  });
});
