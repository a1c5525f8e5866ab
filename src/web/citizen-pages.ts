import type { Response } from 'express';
import { TooManyRequestsError } from '../common/domain-errors';
import { ReportThrottle } from '../e-service/report-throttle.service';
import { ConsoleRequest, PageRenderer } from './page-renderer.service';

/**
 * A citizen page's refusal, in the citizens' own layout: too many posts from this address (429,
 * with Retry-After), or no such case to show (404). The 404 is one answer for an unknown reference
 * and a wrong tracking key alike, so it tells nobody which reference numbers exist.
 */
export async function sendCitizenRefusal(
  pages: PageRenderer,
  request: ConsoleRequest,
  response: Response,
  error: TooManyRequestsError | null,
): Promise<void> {
  if (error) {
    response.setHeader('Retry-After', String(error.retryAfterSeconds));
    return pages.send(request, response, 'citizen-refusal.njk', { refusal: 'tooMany' }, 429);
  }
  response.setHeader('X-Robots-Tag', 'noindex');
  await pages.send(request, response, 'citizen-refusal.njk', { refusal: 'notFound' }, 404);
}

/**
 * Counts a citizen's post against the client address's limit; past it, answers the 429 page and
 * says false (the caller stops there).
 */
export async function withinLimit(
  throttle: ReportThrottle,
  pages: PageRenderer,
  request: ConsoleRequest,
  response: Response,
): Promise<boolean> {
  try {
    await throttle.take(request.ip ?? 'unknown');
    return true;
  } catch (error: unknown) {
    if (!(error instanceof TooManyRequestsError)) throw error;
    await sendCitizenRefusal(pages, request, response, error);
    return false;
  }
}
