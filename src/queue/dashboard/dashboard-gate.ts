import { HttpException } from '@nestjs/common';
import { NextFunction, Request, RequestHandler, Response } from 'express';
import { AuthGuard } from '../../auth/auth.guard';

export const DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'onewayin_dashboard';
/** The staff console's session cookie (SESSION_COOKIE in src/web): an admin signed in there follows its link here. */
const CONSOLE_SESSION = 'onewayin_session';

/**
 * Admins only. A browser cannot send a bearer header when it opens a page, so the token
 * may come in the staff console's session cookie (an admin signed in to the console follows
 * the link on /admin), or once as `?token=`: it is then kept in an HttpOnly cookie limited to the
 * dashboard's path, and the browser is sent on to the dashboard's own address without the
 * token (so it stays out of the history). No token: 401; a token of another role: 403.
 *
 * The address sent on to is always DASHBOARD_PATH, a constant: nothing of the request (its
 * path, query or Host) becomes the Location, so the gate cannot be used to send a signed-in
 * admin to another site (OWASP ASVS 4.0 V5.1.5, unvalidated redirects).
 */
export function dashboardGate(auth: AuthGuard, maxAgeSeconds: number): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const queryToken = typeof request.query.token === 'string' ? request.query.token : undefined;
    const token =
      queryToken ?? readCookie(request.headers.cookie, COOKIE) ?? readCookie(request.headers.cookie, CONSOLE_SESSION);
    const authorization = request.headers.authorization ?? (token ? `Bearer ${token}` : undefined);
    auth
      .verify(authorization)
      .then((principal) => {
        if (principal.role !== 'admin') {
          response
            .status(403)
            .json({ statusCode: 403, error: 'Forbidden', message: 'The queue dashboard is for admins' });
          return;
        }
        if (!queryToken) return next();
        response.cookie(COOKIE, queryToken, {
          httpOnly: true,
          sameSite: 'strict',
          path: DASHBOARD_PATH,
          maxAge: maxAgeSeconds * 1000,
        });
        response.redirect(303, DASHBOARD_PATH);
      })
      .catch((error: unknown) => {
        const status = error instanceof HttpException ? error.getStatus() : 401;
        response.status(status).json({
          statusCode: status,
          error: 'Unauthorized',
          message: error instanceof Error ? error.message : 'Sign in as an admin',
        });
      });
  };
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
