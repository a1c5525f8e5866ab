import type { CookieOptions, Request } from 'express';

/** The console's cookies: the session, the anti-forgery nonce and the language chosen. */
export const SESSION_COOKIE = 'onewayin_session';
export const CSRF_COOKIE = 'onewayin_csrf';
export const LANGUAGE_COOKIE = 'onewayin_lang';
/** The service point this browser last logged a contact at: the desk's default ("the agent's place"). */
export const PLACE_COOKIE = 'onewayin_place';

/**
 * Options for the console's cookies: HttpOnly (no script reads them), SameSite=Lax (not sent on a
 * cross-site POST, sent when someone follows a link here), Secure in production, the whole site.
 */
export function consoleCookie(production: boolean, maxAgeSeconds?: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: production,
    path: '/',
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds * 1000 } : {}),
  };
}

/** One cookie of the request's Cookie header (RFC 6265, 5.4), without a cookie parser for the whole app. */
export function cookieOf(request: Request, name: string): string | undefined {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const equals = pair.indexOf('=');
    if (equals > 0 && pair.slice(0, equals).trim() === name) {
      try {
        return decodeURIComponent(pair.slice(equals + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
