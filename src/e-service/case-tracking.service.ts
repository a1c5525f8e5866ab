import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy } from '../auth/access-policy';
import { CaseStatus } from '../cases/case-lifecycle';
import { CaseRecordsService } from '../cases/case-records.service';
import { CaseWorkflowService } from '../cases/case-workflow.service';
import { NotFoundError } from '../common/domain-errors';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { OrganisationService } from '../organisation/organisation.service';
import { RatingsService } from '../ratings/ratings.service';
import { SurveyTokens } from './survey-tokens';
import { TrackingKeys } from './tracking-keys';

/** One entry of what passed between the citizen and the staff, as the citizen reads it. UTC `at`. */
export interface TrackedMessage {
  at: Date;
  /** `reply`: staff wrote to the citizen; `answer`: the answer given when the case was resolved; `citizen`: the citizen's own. */
  kind: 'reply' | 'answer' | 'citizen';
  text: string;
}

/**
 * A case as its tracking page shows it to the holder of its key. For a confidential case only
 * the status (`confidential` true, the rest null or empty): see AccessPolicy.trackingKeyMayReadContent.
 */
export interface TrackedCase {
  reference: string;
  status: CaseStatus;
  confidential: boolean;
  /** UTC. */
  receivedAt: Date | null;
  /** The department handling it; null while the service center still has it, or when confidential. */
  departmentName: string | null;
  /** When it is due to be resolved (the service target), UTC; null when none or confidential. */
  dueAt: Date | null;
  messages: TrackedMessage[];
  /** Whether the citizen may still add information (not once the case is closed). */
  mayAddInformation: boolean;
  /** The satisfaction survey's path, once the case is resolved and until it is answered; else null. */
  surveyPath: string | null;
}

/**
 * Status tracking for citizens: `/track/{reference}?key=…`. The key (tracking-keys.ts, in every
 * receipt) is the only door; an unknown reference and a wrong key get the same answer, so
 * nobody learns which reference numbers exist. What the page shows follows the access policy.
 */
@Injectable()
export class CaseTrackingService {
  private readonly trackingKeys: TrackingKeys;
  private readonly surveyTokens: SurveyTokens;

  constructor(
    private readonly records: CaseRecordsService,
    private readonly workflow: CaseWorkflowService,
    private readonly organisation: OrganisationService,
    private readonly ratings: RatingsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.trackingKeys = new TrackingKeys(config.personalDataKey);
    this.surveyTokens = new SurveyTokens(config.personalDataKey);
  }

  /** The case as the key's holder may see it, or null when the reference or the key is wrong. */
  async track(reference: string, key: unknown): Promise<TrackedCase | null> {
    const found = await this.findWithKey(reference, key);
    if (!found) return null;
    const mayAddInformation = found.status !== 'closed';
    const surveyPath =
      found.resolvedAt !== null && !(await this.ratings.isCaseRated(found.id))
        ? `/survey/${this.surveyTokens.tokenFor(found.id)}`
        : null;
    if (!AccessPolicy.trackingKeyMayReadContent(found)) {
      return {
        reference: found.reference,
        status: found.status,
        confidential: true,
        receivedAt: null,
        departmentName: null,
        dueAt: null,
        messages: [],
        mayAddInformation,
        surveyPath,
      };
    }
    const department = found.departmentCode ? await this.organisation.findDepartment(found.departmentCode) : null;
    const correspondence = await this.records.correspondence(found.id);
    return {
      reference: found.reference,
      status: found.status,
      confidential: false,
      receivedAt: found.receivedAt,
      departmentName: department?.name ?? null,
      dueAt: found.resolvedAt ? null : found.resolutionDueAt,
      messages: correspondence.flatMap((event): TrackedMessage[] => {
        const text = event.type === 'status' ? event.reason : event.body;
        if (!text?.trim()) return [];
        const kind = event.type === 'status' ? 'answer' : event.type === 'message' ? 'citizen' : 'reply';
        return [{ at: event.at, kind, text }];
      }),
      mayAddInformation,
      surveyPath,
    };
  }

  /**
   * Adds what the citizen writes to the case's timeline (a `message` from the web), where the
   * handler reads it.
   *
   * @throws NotFoundError when the reference or the key is wrong; ConflictError for a closed case.
   */
  async addInformation(reference: string, key: unknown, text: string): Promise<void> {
    const found = await this.findWithKey(reference, key);
    if (!found) throw new NotFoundError('Case', reference);
    await this.workflow.addCitizenMessage(found.id, text, 'web');
  }

  private async findWithKey(reference: string, key: unknown) {
    const found = /^\d{4}-\d{6,9}$/.test(reference) ? await this.records.findByReference(reference) : null;
    // The key is checked even when there is no such case, so both refusals take the same time.
    const holds = this.trackingKeys.holds(found?.id ?? reference, key);
    return found && holds ? found : null;
  }
}
