import { photoTypeOf, UnreadablePhotoError, withoutMetadata } from './photo-metadata';

/** A JPEG segment: marker, then the length (which counts itself) and the payload. */
function segment(marker: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header[0] = 0xff;
  header[1] = marker;
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

/** A PNG chunk: length, type, data, and a CRC (not checked by the stripper, so zero here). */
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
}

const SOI = Buffer.from([0xff, 0xd8]);
const JFIF = segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'));
const EXIF_WITH_GPS = segment(0xe1, Buffer.from('Exif\0\0MM\0*GPSLatitude 59.2440 GPSLongitude 18.2290', 'latin1'));
const XMP = segment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Karin Lind</x:xmpmeta>', 'latin1'));
const IPTC = segment(0xed, Buffer.from('Photoshop 3.0\0by-line Karin Lind', 'latin1'));
const ICC = segment(0xe2, Buffer.from('ICC_PROFILE\0\x01\x01profile bytes', 'latin1'));
const COMMENT = segment(0xfe, Buffer.from('taken at Storgatan 12', 'latin1'));
const QUANTISATION = segment(0xdb, Buffer.alloc(65, 1));
const FRAME = segment(0xc0, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0]));
// The scan: its header, entropy-coded data (an FF is stuffed as FF 00), and the end of the image.
const SCAN = Buffer.concat([
  segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
  Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd9]),
]);

describe('photos lose their metadata before they are stored', () => {
  it('tells JPEG and PNG by their signatures, and nothing else', () => {
    expect(photoTypeOf(Buffer.concat([SOI, JFIF]))).toBe('image/jpeg');
    expect(photoTypeOf(Buffer.from('89504e470d0a1a0a0000', 'hex'))).toBe('image/png');
    expect(photoTypeOf(Buffer.from('GIF89a'))).toBeNull();
    expect(photoTypeOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });

  it('takes EXIF (with GPS), XMP, IPTC and comments out of a JPEG and keeps the image and its colour profile as they were', () => {
    const photo = Buffer.concat([SOI, JFIF, EXIF_WITH_GPS, XMP, IPTC, ICC, COMMENT, QUANTISATION, FRAME, SCAN]);
    const cleaned = withoutMetadata(photo);
    expect(cleaned).toEqual(Buffer.concat([SOI, JFIF, ICC, QUANTISATION, FRAME, SCAN]));
    for (const trace of ['Exif', 'GPS', 'Karin', 'Storgatan', 'xmpmeta']) {
      expect(cleaned.includes(Buffer.from(trace, 'latin1'))).toBe(false);
    }
  });

  it('keeps only the chunks that say how to show a PNG', () => {
    const signature = Buffer.from('89504e470d0a1a0a', 'hex');
    const header = chunk('IHDR', Buffer.alloc(13, 1));
    const gamma = chunk('gAMA', Buffer.alloc(4, 2));
    const data = chunk('IDAT', Buffer.from('compressed pixels'));
    const end = chunk('IEND', Buffer.alloc(0));
    const photo = Buffer.concat([
      signature,
      header,
      chunk('eXIf', Buffer.from('MM\0*GPSLatitude 59.2440')),
      chunk('tEXt', Buffer.from('Author\0Karin Lind')),
      chunk('tIME', Buffer.alloc(7, 3)),
      gamma,
      data,
      end,
    ]);
    expect(withoutMetadata(photo)).toEqual(Buffer.concat([signature, header, gamma, data, end]));
  });

  it('refuses what is not a whole JPEG or PNG', () => {
    expect(() => withoutMetadata(Buffer.from('GIF89a...'))).toThrow(UnreadablePhotoError);
    // A segment that claims to run past the end of the file.
    expect(() => withoutMetadata(Buffer.concat([SOI, JFIF.subarray(0, 8)]))).toThrow(UnreadablePhotoError);
    // No scan: no image.
    expect(() => withoutMetadata(Buffer.concat([SOI, JFIF, QUANTISATION]))).toThrow(UnreadablePhotoError);
    const pngWithoutEnd = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', Buffer.alloc(13))]);
    expect(() => withoutMetadata(pngWithoutEnd)).toThrow(UnreadablePhotoError);
  });
});
