/** The photo formats the e-service takes: what phones and cameras save, and browsers send. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/** A file that is not a whole JPEG or PNG image. */
export class UnreadablePhotoError extends Error {}

/**
 * The type of an image from its first bytes (its signature), never from the name or the type
 * the browser claims: JPEG starts FF D8 FF (ITU-T T.81, B.1.1.2), PNG with its 8-byte signature
 * (ISO/IEC 15948, 5.2). Null for anything else.
 */
export function photoTypeOf(bytes: Buffer): PhotoType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  return null;
}

/**
 * The photo without the metadata a camera or phone writes into it: where it was taken (GPS),
 * when, with which device and serial number, the owner's name, thumbnails, comments. The image
 * itself is copied byte for byte, so nothing of its quality is lost; what decoding needs (the
 * colour profile, Adobe's colour transform, PNG's colour chunks) stays. EXIF's orientation goes
 * with the rest, so a photo taken sideways may show sideways.
 *
 * @throws UnreadablePhotoError when the file is neither a well-formed JPEG nor PNG.
 */
export function withoutMetadata(bytes: Buffer): Buffer {
  switch (photoTypeOf(bytes)) {
    case 'image/jpeg':
      return jpegWithoutMetadata(bytes);
    case 'image/png':
      return pngWithoutMetadata(bytes);
    default:
      throw new UnreadablePhotoError('Not a JPEG or PNG image');
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const SOS = 0xda;
const EOI = 0xd9;
const APP0 = 0xe0;
const APP2 = 0xe2;
const APP14 = 0xee;
const APP15 = 0xef;
const COM = 0xfe;

/**
 * JPEG: a sequence of marker segments up to the first scan (T.81, B.1). Application segments
 * APP1-APP15 (EXIF and XMP in APP1, IPTC in APP13, makers' own in the rest) and comments (COM)
 * are left out, except the ICC colour profile (APP2 "ICC_PROFILE") and Adobe's colour transform
 * (APP14 "Adobe"), which decoding needs. From the first scan on, the data is copied as it is.
 */
function jpegWithoutMetadata(bytes: Buffer): Buffer {
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) throw new UnreadablePhotoError('A JPEG marker was expected');
    let markerAt = at;
    while (markerAt + 1 < bytes.length && bytes[markerAt + 1] === 0xff) markerAt += 1; // fill bytes
    const marker = bytes[markerAt + 1];
    if (marker === undefined) break;
    if (marker === SOS || marker === EOI) {
      kept.push(bytes.subarray(markerAt));
      return Buffer.concat(kept);
    }
    // Markers without a segment: TEM and the restart markers RST0-RST7.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      kept.push(bytes.subarray(markerAt, markerAt + 2));
      at = markerAt + 2;
      continue;
    }
    if (markerAt + 4 > bytes.length) throw new UnreadablePhotoError('The JPEG ends inside a segment header');
    const end = markerAt + 2 + bytes.readUInt16BE(markerAt + 2);
    if (end > bytes.length || bytes.readUInt16BE(markerAt + 2) < 2)
      throw new UnreadablePhotoError('A JPEG segment runs past the end of the file');
    if (keepsJpegSegment(marker, bytes.subarray(markerAt + 4, end))) kept.push(bytes.subarray(markerAt, end));
    at = end;
  }
  throw new UnreadablePhotoError('The JPEG has no image data');
}

function keepsJpegSegment(marker: number, payload: Buffer): boolean {
  if (marker === COM) return false;
  if (marker === APP0) return payload.subarray(0, 5).toString('latin1') === 'JFIF\0';
  if (marker === APP2) return payload.subarray(0, 12).toString('latin1') === 'ICC_PROFILE\0';
  if (marker === APP14) return payload.subarray(0, 5).toString('latin1') === 'Adobe';
  return marker < APP0 || marker > APP15;
}

/**
 * PNG chunks that describe how to show the image (ISO/IEC 15948, 11.3); every other ancillary
 * chunk (eXIf, tEXt, zTXt, iTXt, tIME and private ones) is left out. Critical chunks (a capital
 * first letter) are all kept: without them the image cannot be decoded.
 */
const PNG_KEPT_ANCILLARY = new Set(['tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'bKGD', 'pHYs']);

function pngWithoutMetadata(bytes: Buffer): Buffer {
  const kept: Buffer[] = [PNG_SIGNATURE];
  let at = PNG_SIGNATURE.length;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString('latin1');
    const end = at + 12 + length;
    if (end > bytes.length) throw new UnreadablePhotoError('A PNG chunk runs past the end of the file');
    const critical = type.charCodeAt(0) >= 0x41 && type.charCodeAt(0) <= 0x5a;
    if (critical || PNG_KEPT_ANCILLARY.has(type)) kept.push(bytes.subarray(at, end));
    if (type === 'IEND') return Buffer.concat(kept);
    at = end;
  }
  throw new UnreadablePhotoError('The PNG has no end chunk');
}
