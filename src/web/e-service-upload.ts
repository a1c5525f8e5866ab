import type { NextFunction, Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { PHOTO_LIMITS } from '../e-service/citizen-reports.service';

/** Why an upload was cut short: multer's limit codes (LIMIT_FILE_SIZE, LIMIT_FILE_COUNT, ...). */
export type UploadRequest = Request & { uploadRefusal?: string; files?: Express.Multer.File[] };

/**
 * Reads the e-service form's multipart body: its fields into `request.body`, up to
 * PHOTO_LIMITS.count photos of at most PHOTO_LIMITS.bytesEach bytes each into `request.files`,
 * in memory (they are cleaned and stored with the case, never written to disk as sent). A body
 * past a limit, or not well-formed, is not an error page of its own: multer's limit code (or
 * `MALFORMED`) is left in `uploadRefusal` for the form to answer 400 naming the field, with the
 * fields read before it (the anti-forgery token is first, so the guard still checks it).
 */
export function eServiceUpload(): RequestHandler {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: {
      files: PHOTO_LIMITS.count,
      fileSize: PHOTO_LIMITS.bytesEach,
      fields: 20,
      fieldSize: 64 * 1024,
      parts: 20 + PHOTO_LIMITS.count,
    },
  }).array('photos', PHOTO_LIMITS.count);
  return (request: Request, response: Response, next: NextFunction) => {
    upload(request, response, (error: unknown) => {
      // A limit passed (MulterError), or a body that is not well-formed multipart (busboy's error).
      if (error) {
        (request as UploadRequest).uploadRefusal = error instanceof multer.MulterError ? error.code : 'MALFORMED';
        request.body ??= {};
      }
      next();
    });
  };
}
