import { Inject, Injectable } from '@nestjs/common';
import { CaseRecordsService } from '../cases/case-records.service';
import { ConflictError, NotFoundError } from '../common/domain-errors';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RatingScores, RatingsService } from '../ratings/ratings.service';
import { SurveyTokens } from './survey-tokens';

/** Where a case's survey stands: open to answer, answered already, or not yet (the case is not resolved). */
export type SurveyState = 'open' | 'answered' | 'notYet';

/**
 * The satisfaction survey after resolution (`/survey/{token}`, the link in the resolution
 * message): the citizen grades ease, treatment and clarity 1-5, as the Swedish service
 * measurement (SKR) asks, and may leave a comment. One answer per case; it is recorded through
 * RatingsService with the source `citizen`, so it counts in the ratings statistics and their
 * index per channel and department like any rating. The token is the only door (survey-tokens.ts).
 */
@Injectable()
export class CaseSurveyService {
  private readonly tokens: SurveyTokens;

  constructor(
    private readonly records: CaseRecordsService,
    private readonly ratings: RatingsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tokens = new SurveyTokens(config.personalDataKey);
  }

  /** The case's reference and the survey's state, or null when the token is not a case's. */
  async find(token: unknown): Promise<{ reference: string; state: SurveyState } | null> {
    const caseId = this.tokens.caseIdOf(token);
    const surveyed = caseId ? await this.records.find(caseId) : null;
    if (!surveyed) return null;
    const state: SurveyState =
      surveyed.resolvedAt === null ? 'notYet' : (await this.ratings.isCaseRated(surveyed.id)) ? 'answered' : 'open';
    return { reference: surveyed.reference, state };
  }

  /**
   * Records the citizen's answer for the token's case.
   *
   * @throws NotFoundError for a token that is not a case's; ConflictError when the case has been
   *   rated already or is not resolved yet; InvalidInputError when no grade is given.
   */
  async answer(token: unknown, scores: RatingScores, comment: string | null): Promise<void> {
    const found = await this.find(token);
    const caseId = this.tokens.caseIdOf(token);
    if (!found || !caseId) throw new NotFoundError('Survey', 'token');
    if (found.state === 'notYet') throw new ConflictError('The case is not resolved yet');
    await this.ratings.record({ caseId }, scores, { source: 'citizen', staff: null, comment });
  }
}
