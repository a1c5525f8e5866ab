import { Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ConflictError } from '../common/domain-errors';
import { CaseSurveyService } from '../e-service/case-survey.service';
import { ReportThrottle } from '../e-service/report-throttle.service';
import { RATING_DIMENSIONS, RatingDimension } from '../ratings/rating-index';
import { RatingScores } from '../ratings/ratings.service';
import { sendCitizenRefusal, withinLimit } from './citizen-pages';
import { ConsoleController } from './console-page.decorator';
import { formText } from './forms/form-fields';
import { FormProblem } from './forms/form-problems';
import { OpenPage } from './open-page.decorator';
import { ConsoleRequest, PageRenderer } from './page-renderer.service';

/** The longest comment a citizen leaves, in characters. */
const COMMENT_MAX_LENGTH = 2000;

/**
 * The satisfaction survey (`/survey/{token}`, no sign-in; the link is in the message that says the
 * case is resolved): ease, treatment and clarity graded 1-5 and a comment, each optional but at
 * least one grade. A plain form that works without JavaScript; one answer per case (a second is
 * answered "already answered", 409). An unknown token gets the citizens' 404.
 */
@ConsoleController('survey')
@OpenPage()
export class SurveyPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly surveys: CaseSurveyService,
    private readonly throttle: ReportThrottle,
  ) {}

  @Get(':token')
  async page(@Req() request: ConsoleRequest, @Res() response: Response, @Param('token') token: string): Promise<void> {
    const survey = await this.surveys.find(token);
    if (!survey) return sendCitizenRefusal(this.pages, request, response, null);
    if (survey.state !== 'open') return this.renderClosed(request, response, survey.state, 200);
    await this.renderForm(request, response, token, survey.reference, {}, '', []);
  }

  @Post(':token')
  async answer(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @Param('token') token: string,
  ): Promise<void> {
    if (!(await withinLimit(this.throttle, this.pages, request, response))) return;
    const survey = await this.surveys.find(token);
    if (!survey) return sendCitizenRefusal(this.pages, request, response, null);
    if (survey.state !== 'open') return this.renderClosed(request, response, survey.state, 409);
    const frame = await this.pages.frame(request, response);
    const { scores, problems } = readScores(request.body);
    const comment = formText(request.body, 'comment').trim();
    if (comment.length > COMMENT_MAX_LENGTH) problems.push({ field: 'comment', text: 'survey.error.comment' });
    if (problems.length === 0 && RATING_DIMENSIONS.every((dimension) => scores[dimension] === undefined))
      problems.push({ field: RATING_DIMENSIONS[0], text: 'survey.error.none' });
    if (problems.length) {
      const said = problems.map((problem) => ({
        ...problem,
        text: frame.t(problem.text, { max: COMMENT_MAX_LENGTH }),
      }));
      return this.renderForm(request, response, token, survey.reference, scores, comment, said, 400);
    }
    try {
      await this.surveys.answer(token, scores, comment || null);
    } catch (error: unknown) {
      // Answered a moment ago, in another tab.
      if (error instanceof ConflictError) return this.renderClosed(request, response, 'answered', 409);
      throw error;
    }
    await this.pages.send(request, response, 'survey-closed.njk', { state: 'thanks' });
  }

  private renderClosed(request: ConsoleRequest, response: Response, state: string, status: number): Promise<void> {
    return this.pages.send(request, response, 'survey-closed.njk', { state }, status);
  }

  private async renderForm(
    request: ConsoleRequest,
    response: Response,
    token: string,
    reference: string,
    scores: RatingScores,
    comment: string,
    problems: FormProblem[],
    status = 200,
  ): Promise<void> {
    await this.pages.send(
      request,
      response,
      'survey.njk',
      {
        token,
        reference,
        questions: RATING_DIMENSIONS.map((dimension) => ({ name: dimension, value: String(scores[dimension] ?? '') })),
        comment,
        errors: problems.map((problem) => ({ text: problem.text, href: `#${problem.field}` })),
        fieldErrors: Object.fromEntries(problems.map((problem) => [problem.field, problem.text])),
      },
      status,
    );
  }
}

/** The grades as the form sent them: each 1-5 or left out; anything else is a problem on its field. */
function readScores(body: unknown): { scores: RatingScores; problems: FormProblem[] } {
  const scores: RatingScores = {};
  const problems: FormProblem[] = [];
  for (const dimension of RATING_DIMENSIONS as readonly RatingDimension[]) {
    const given = formText(body, dimension);
    if (given === '') continue;
    if (/^[1-5]$/.test(given)) scores[dimension] = Number(given);
    else problems.push({ field: dimension, text: 'survey.error.grade' });
  }
  return { scores, problems };
}
