import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ConflictError, NotFoundError } from '../common/domain-errors';
import { CaseTrackingService, TrackedCase } from '../e-service/case-tracking.service';
import { ReportThrottle } from '../e-service/report-throttle.service';
import { sendCitizenRefusal, withinLimit } from './citizen-pages';
import { ConsoleController } from './console-page.decorator';
import { formText } from './forms/form-fields';
import { FormProblem } from './forms/form-problems';
import { OpenPage } from './open-page.decorator';
import { ConsoleRequest, PageRenderer } from './page-renderer.service';

/** The longest piece of information a citizen adds at once, in characters. */
const INFORMATION_MAX_LENGTH = 5000;

/**
 * Status tracking for citizens (`/track/{reference}?key=…`, no sign-in): where the case stands in
 * plain language, the department handling it, when it is due, what staff wrote to the citizen,
 * and a form to add information, which lands on the case's timeline for the handler. Without the
 * right key nothing is shown: the same 404 for an unknown reference and a wrong key. A
 * confidential case shows its status only (AccessPolicy.trackingKeyMayReadContent).
 */
@ConsoleController('track')
@OpenPage()
export class TrackingPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly tracking: CaseTrackingService,
    private readonly throttle: ReportThrottle,
  ) {}

  @Get(':reference')
  async page(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @Param('reference') reference: string,
    @Query('key') key: unknown,
    @Query('added') added: unknown,
  ): Promise<void> {
    const tracked = await this.tracking.track(reference, key);
    if (!tracked) return sendCitizenRefusal(this.pages, request, response, null);
    await this.render(request, response, tracked, String(key), { added: added === '1' });
  }

  @Post(':reference/information')
  async addInformation(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @Param('reference') reference: string,
  ): Promise<void> {
    if (!(await withinLimit(this.throttle, this.pages, request, response))) return;
    const key = formText(request.body, 'key');
    const information = formText(request.body, 'information').trim();
    const tracked = await this.tracking.track(reference, key);
    if (!tracked) return sendCitizenRefusal(this.pages, request, response, null);
    let refusal = informationRefusal(tracked, information);
    if (!refusal) {
      try {
        await this.tracking.addInformation(reference, key, information);
      } catch (error: unknown) {
        if (error instanceof NotFoundError) return sendCitizenRefusal(this.pages, request, response, null);
        if (!(error instanceof ConflictError)) throw error;
        refusal = { key: 'track.error.closed', status: 409 };
      }
    }
    if (refusal) {
      const text = (await this.pages.frame(request, response)).t(refusal.key, { max: INFORMATION_MAX_LENGTH });
      const problems = [{ field: 'information', text }];
      return this.render(request, response, tracked, key, { information, problems }, refusal.status);
    }
    response.redirect(303, `/track/${encodeURIComponent(tracked.reference)}?key=${encodeURIComponent(key)}&added=1`);
  }

  private async render(
    request: ConsoleRequest,
    response: Response,
    tracked: TrackedCase,
    key: string,
    state: { added?: boolean; information?: string; problems?: FormProblem[] },
    status = 200,
  ): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const problems = state.problems ?? [];
    response.setHeader('X-Robots-Tag', 'noindex');
    response
      .status(status)
      .type('html')
      .send(
        this.pages.renderToString(frame, 'track.njk', {
          tracked,
          key,
          statusText: frame.t(`track.status.${tracked.status}`),
          information: state.information ?? '',
          notice: state.added ? { text: frame.t('track.added') } : null,
          errors: problems.map((problem) => ({ text: problem.text, href: `#${problem.field}` })),
          fieldErrors: Object.fromEntries(problems.map((problem) => [problem.field, problem.text])),
        }),
      );
  }
}

/** Why the information cannot be added as it is (a message key and the status to answer), or null. */
function informationRefusal(tracked: TrackedCase, information: string): { key: string; status: number } | null {
  if (!tracked.mayAddInformation) return { key: 'track.error.closed', status: 409 };
  if (information === '') return { key: 'track.error.informationMissing', status: 400 };
  if (information.length > INFORMATION_MAX_LENGTH) return { key: 'track.error.informationLong', status: 400 };
  return null;
}
