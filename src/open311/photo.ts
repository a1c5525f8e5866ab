/**
 * Photos citizens' apps upload with a service request (`media`, multipart): which are taken,
 * and what of them is kept. Only JPEG and PNG, known by their first bytes (not by what the
 * client says), up to MAX_PHOTO_BYTES. What a camera writes beside the picture (EXIF with the
 * GPS position and the phone's make, XMP, comments, PNG text chunks) is removed before the photo
 * is stored: it can say where the citizen lives and who they are (GDPR art. 5(1)(c)).
 */

/** The largest photo taken, in bytes: a phone's photo at full size. */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;

export type PhotoType = 'image/jpeg' | 'image/png';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The photo's type by its first bytes, or null when it is neither JPEG nor PNG. */
export function photoTypeOf(bytes: Buffer): PhotoType | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  return null;
}

/**
 * The photo without its metadata: JPEG without APP1-APP15 segments (EXIF, XMP, ...) and
 * comments; PNG without its text, time and EXIF chunks. The picture itself is not touched.
 *
 * @throws Error when the file is cut short or its structure is broken
 */
export function withoutMetadata(bytes: Buffer, type: PhotoType): Buffer {
  return type === 'image/jpeg' ? jpegWithoutMetadata(bytes) : pngWithoutMetadata(bytes);
}

function jpegWithoutMetadata(bytes: Buffer): Buffer {
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) throw new Error('not a JPEG segment');
    const marker = bytes[at + 1];
    // Start of scan: the compressed picture follows to the end; nothing after it is metadata we read.
    if (marker === 0xda) {
      kept.push(bytes.subarray(at));
      return Buffer.concat(kept);
    }
    if (at + 4 > bytes.length) throw new Error('JPEG cut short');
    const length = bytes.readUInt16BE(at + 2);
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) throw new Error('JPEG cut short');
    const metadata = (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe;
    if (!metadata) kept.push(bytes.subarray(at, end));
    at = end;
  }
  throw new Error('JPEG without a picture');
}

const PNG_METADATA_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

function pngWithoutMetadata(bytes: Buffer): Buffer {
  const kept: Buffer[] = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    if (at + 12 > bytes.length) throw new Error('PNG cut short');
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > bytes.length) throw new Error('PNG cut short');
    if (!PNG_METADATA_CHUNKS.has(type)) kept.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') return Buffer.concat(kept);
  }
  throw new Error('PNG without its end');
}
