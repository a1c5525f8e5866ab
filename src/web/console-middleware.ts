import express, { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * The Content-Security-Policy of every console page: scripts, styles, fonts and images from the
 * app itself only, no inline script or style, no plug-ins, no framing, forms only to the app.
 */
export const CONSOLE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/**
 * Security headers for the console's pages and assets (OWASP Secure Headers Project): the CSP
 * above, no MIME sniffing, no framing, no referrer to other sites, and, in production, HSTS.
 * Pages hold personal data, so they are not kept in any cache (the asset handler sets its own).
 */
export function consoleSecurityHeaders(production: boolean): RequestHandler {
  return (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Content-Security-Policy', CONSOLE_CONTENT_SECURITY_POLICY);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('X-Frame-Options', 'DENY');
    response.setHeader('Referrer-Policy', 'same-origin');
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    response.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    response.setHeader('Cache-Control', 'no-store');
    if (production) response.setHeader('Strict-Transport-Security', 'max-age=31536000');
    next();
  };
}

/** The console's forms come URL-encoded; a form is a few kB at most, the same limit as the API's JSON. */
export function consoleFormParser(): RequestHandler {
  return express.urlencoded({ extended: false, limit: 100 * 1024, parameterLimit: 200 });
}
