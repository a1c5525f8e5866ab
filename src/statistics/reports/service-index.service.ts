import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../../auth/roles';
import { DeadlineTally } from '../deadline-tally';
import { ServiceIndexQuery } from '../dto/service-index-query.dto';
import { percent } from '../figures';
import { ReportContextService, reportOf, StatisticsReport } from '../report-context.service';
import { GroupKey } from '../report-grouping';
import { CONTACT_GROUPINGS } from '../sql/report-selection';
import { CallbackStatisticsService, DEFAULT_CALLBACK_TARGET_WORKING_DAYS } from './callback-statistics.service';
import { ContactStatisticsService, contactsOf, OutcomeCounts, sumOutcomes } from './contact-statistics.service';

/** Høje-Taastrup's requirement after its 2012 telephone service measurement: at least 95 % for every center. */
export const DEFAULT_SERVICE_INDEX_TARGET_PERCENT = 95;

export interface ServiceIndexRow {
  group: GroupKey;
  contacts: number;
  activeService: number;
  measured: number;
  callbacksPending: number;
  serviceIndexPercent: number | null;
  targetPercent: number;
  meetsTarget: boolean | null;
}

/**
 * The service index of a group from its contacts by outcome and its owed callbacks (kept within
 * target, and not yet due): active service is answered, case created, referred, or a callback
 * kept; a contact whose callback is not yet due is not measured. The rule of the report below,
 * and of the comparison export, which takes the counts from the year's contacts and callbacks
 * reports instead of reading them a second time.
 */
export function serviceIndexRow(
  group: GroupKey,
  contacts: { contacts: number; answered: number; caseCreated: number; referred: number },
  callbacks: { kept: number; pending: number },
  targetPercent: number,
): ServiceIndexRow {
  const activeService = contacts.answered + contacts.caseCreated + contacts.referred + callbacks.kept;
  const measured = contacts.contacts - callbacks.pending;
  const serviceIndexPercent = percent(activeService, measured);
  return {
    group,
    contacts: contacts.contacts,
    activeService,
    measured,
    callbacksPending: callbacks.pending,
    serviceIndexPercent,
    targetPercent,
    meetsTarget: serviceIndexPercent === null ? null : serviceIndexPercent >= targetPercent,
  };
}

/**
 * GET /api/v1/statistics/service-index: the share of contacts given active service, per
 * department unless another groupBy is asked. Active service means the citizen was helped:
 * answered, a case created, referred to the right place, or a message taken or callback
 * promised and the callback then kept within target. Not active: abandoned, and a message or
 * promise whose callback was late or never made. Contacts whose callback is not yet due are left
 * out until it is.
 */
@Injectable()
export class ServiceIndexService {
  constructor(
    private readonly contexts: ReportContextService,
    private readonly contacts: ContactStatisticsService,
    private readonly callbacks: CallbackStatisticsService,
  ) {}

  async report(principal: StaffPrincipal, query: ServiceIndexQuery): Promise<StatisticsReport<ServiceIndexRow>> {
    const context = await this.contexts.build(
      principal,
      { ...query, groupBy: query.groupBy ?? 'department' },
      CONTACT_GROUPINGS,
    );
    const targetPercent = query.targetPercent ?? DEFAULT_SERVICE_INDEX_TARGET_PERCENT;
    const callbackTargetWorkingDays = query.callbackTargetWorkingDays ?? DEFAULT_CALLBACK_TARGET_WORKING_DAYS;
    const [counts, tallies] = await Promise.all([
      this.contacts.outcomeCounts(context),
      this.callbacks.callbackTallies(context, callbackTargetWorkingDays, query.callbackTargetWorkingDays === undefined),
    ]);
    const row = (group: GroupKey, outcomes: OutcomeCounts, kept: number, pending: number): ServiceIndexRow =>
      serviceIndexRow(
        group,
        {
          contacts: contactsOf(outcomes),
          answered: outcomes.answered,
          caseCreated: outcomes.case_created,
          referred: outcomes.referred,
        },
        { kept, pending },
        targetPercent,
      );
    const keys = context.grouping.keysInOrder([...counts.keys(), ...tallies.keys()]);
    const none = sumOutcomes([]);
    const rows = keys.map((key) =>
      row(key, counts.get(key) ?? none, tallies.get(key)?.met ?? 0, tallies.get(key)?.pending ?? 0),
    );
    const all = DeadlineTally.sum(tallies.values());
    return reportOf(
      'service-index',
      context,
      { targetPercent, callbackTargetWorkingDays },
      rows,
      row('total', sumOutcomes(counts.values()), all.met, all.pending),
    );
  }
}
