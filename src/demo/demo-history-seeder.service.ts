import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BusinessCalendar } from '../calendar/business-calendar';
import { CalendarService } from '../calendar/calendar.service';
import { CallbacksService } from '../callbacks/callbacks.service';
import { isOpen } from '../cases/case-lifecycle';
import { CaseImportWriter, HistoricalCase } from '../cases/case-import-writer.service';
import { newId } from '../common/ids';
import { ContactsService, HistoricalContact } from '../contacts/contacts.service';
import { HistoricalRating, RatingsService } from '../ratings/ratings.service';
import { RegisterPlanner } from '../register/register-planner.service';
import { CaseTargetAlarms } from '../service-targets/case-target-alarms.service';
import { basisOf } from '../service-targets/case-target-planner.listener';
import { CallbackTargetsService } from '../service-targets/callback-targets.service';
import { ServiceTargetPolicyRules } from '../service-targets/service-target-policy-rules.service';
import { SelectedTargets, TargetSubject } from '../service-targets/service-target.types';
import { TelephonyService } from '../telephony/telephony.service';
import { demoCalls } from './demo-calls';
import { demoArrivals, demoCaseTimes, DemoCaseTimes } from './demo-case-times';
import { DemoCatalogEntry, demoCallback, demoCaseContact, DemoContact, demoContacts } from './demo-contacts';
import { demoWorkingDays } from './demo-days';
import { generateDemoHistory } from './demo-history';
import { DEMO_CATALOG } from './demo-municipality';
import { demoGrades } from './demo-ratings';
import { SeededRandom } from './seeded-random';

const HOUR_MS = 3600_000;
/** Cases in the history: the triage classifier's training set and its held-out part depend on this number. */
const HISTORY_CASES = 600;
/** Shares of finished contacts and of resolved cases that the citizen rated. */
const CONTACT_RATING_SHARE = 0.08;
const CASE_RATING_SHARE = 0.15;

/** What the demo history holds, by kind. */
export interface DemoHistoryCounts {
  cases: number;
  openCases: number;
  contacts: number;
  callbacks: number;
  calls: number;
  ratings: number;
}

/** The staff the demo history is attributed to. */
export interface DemoHistoryStaff {
  agentId: string;
  agentEmail: string;
  /** The agent's department: contacts and their ratings count for it. */
  agentDepartmentCode: string;
}

/** A contact to store, with the old system's id of the case registered from it, if any. */
type StoredContact = HistoricalContact & { caseExternalId: string | null };

/**
 * A year of the demo municipality's business up to `now`, as if brought over from the systems it
 * used before: 600 cases (the triage history; most closed, some late, a few still open past
 * their target), the contacts at the service center (some answered on the spot, some becoming
 * those cases), the callbacks they owed, the phone queue's call records and citizens' ratings.
 * Deterministic for a given `now` (seeded random streams, times relative to `now`). Each area
 * stores its part through its service; due times and breaches follow the service-target
 * policies and the business calendar in force, as the planner and the checks would have set
 * them, and the breaches of cases still open are recorded through CaseTargetAlarms (timeline
 * and managers' alert list).
 */
@Injectable()
export class DemoHistorySeeder {
  constructor(
    private readonly caseImport: CaseImportWriter,
    private readonly contacts: ContactsService,
    private readonly callbacks: CallbacksService,
    private readonly callbackTargets: CallbackTargetsService,
    private readonly telephony: TelephonyService,
    private readonly ratings: RatingsService,
    private readonly rules: ServiceTargetPolicyRules,
    private readonly alarms: CaseTargetAlarms,
    private readonly calendars: CalendarService,
    private readonly register: RegisterPlanner,
  ) {}

  /** Seeds the history inside the caller's transaction; `now` UTC. */
  async seed(manager: EntityManager, now: Date, staff: DemoHistoryStaff): Promise<DemoHistoryCounts> {
    const calendar = await this.calendars.current(manager);
    const select = await this.rules.selector(manager);
    const targetsOf = (entry: DemoCatalogEntry | null, channel: HistoricalCase['channel']): SelectedTargets =>
      select(subjectOf(entry, channel));

    const { cases, caseContacts } = this.planCases(calendar, now, staff, targetsOf);
    const days = demoWorkingDays(calendar, now);
    const walkIns = demoContacts(calendar, days, DEMO_CATALOG, now, new SeededRandom(2027));
    const contacts: StoredContact[] = [...caseContacts, ...walkIns.map((contact) => stored(contact, null, staff))].sort(
      (a, b) => a.startedAt.getTime() - b.startedAt.getTime(),
    );

    // Contacts first: a case names the contact it came from.
    await this.contacts.insertHistorical(
      manager,
      contacts.map(({ caseExternalId: _caseExternalId, ...contact }) => contact),
    );
    const records = await this.writeCases(manager, cases, now);
    const caseIds = new Map(records.map((record) => [record.externalId as string, record.id]));
    await this.contacts.linkHistoricalCases(
      manager,
      caseContacts.map((contact) => ({
        contactId: contact.id,
        caseId: caseIds.get(contact.caseExternalId as string) as string,
      })),
    );
    const callbacks = await this.writeCallbacks(manager, calendar, contacts, now, staff, targetsOf);
    const calls = demoCalls(calendar, days, staff.agentEmail, now, new SeededRandom(2029));
    await this.telephony.insertHistorical(
      manager,
      calls.map((call) => ({ ...call, id: newId(), source: 'csv' as const })),
    );
    const ratings = this.planRatings(records, contacts, now, staff);
    await this.ratings.insertHistorical(manager, ratings);
    return {
      cases: records.length,
      openCases: records.filter((record) => isOpen(record.status)).length,
      contacts: contacts.length,
      callbacks,
      calls: calls.length,
      ratings: ratings.length,
    };
  }

  /** The cases, oldest first, with the contact each phone, desk or e-mail case was registered from. */
  private planCases(
    calendar: BusinessCalendar,
    now: Date,
    staff: DemoHistoryStaff,
    targetsOf: (entry: DemoCatalogEntry, channel: HistoricalCase['channel']) => SelectedTargets,
  ): { cases: Array<HistoricalCase & { times: DemoCaseTimes }>; caseContacts: StoredContact[] } {
    const byCode = new Map(DEMO_CATALOG.map((entry) => [entry.code, entry]));
    const examples = generateDemoHistory(DEMO_CATALOG, HISTORY_CASES, 2026);
    const random = new SeededRandom(2026);
    const arrivals = demoArrivals(calendar, now, examples.length, random);
    const cases: Array<HistoricalCase & { times: DemoCaseTimes }> = [];
    const caseContacts: StoredContact[] = [];
    for (const [index, example] of examples.entries()) {
      const entry = byCode.get(example.catalogCode) as DemoCatalogEntry;
      const { receivedAt, channel } = arrivals[index];
      const targets = targetsOf(entry, channel);
      const times = demoCaseTimes(
        calendar,
        receivedAt,
        { firstResponse: targets.first_response, resolution: targets.resolution },
        now,
        random,
      );
      const externalId = `demo-history-${index + 1}`;
      const contact = demoCaseContact(calendar, channel, receivedAt, entry, now, random);
      const storedContact = contact ? stored(contact, externalId, staff) : null;
      if (storedContact) caseContacts.push(storedContact);
      cases.push({
        externalId,
        receivedAt,
        firstResponseAt: times.firstResponseAt,
        resolvedAt: times.resolvedAt,
        closedAt: times.closedAt,
        departmentCode: entry.departmentCode,
        catalogCode: entry.code,
        channel,
        description: example.text,
        status: times.status,
        contactId: storedContact?.id ?? null,
        times,
      });
    }
    return { cases, caseContacts };
  }

  /**
   * Stores the cases with their service-target plans; the breaches of finished cases as the
   * checks recorded them, those of cases still open through CaseTargetAlarms at the due time.
   */
  private async writeCases(manager: EntityManager, cases: Array<HistoricalCase & { times: DemoCaseTimes }>, now: Date) {
    const catalog = new Map(
      DEMO_CATALOG.map((entry) => [entry.code, { priority: entry.priority, confidential: entry.confidential }]),
    );
    const batch = cases.map(({ times, ...historical }): HistoricalCase => {
      const open = isOpen(historical.status);
      return {
        ...historical,
        serviceTargets: {
          firstResponseDueAt: times.firstResponseDueAt,
          resolutionDueAt: times.resolutionDueAt,
          firstResponseBreachedAt: open ? null : times.firstResponseBreachedAt,
          resolutionBreachedAt: open ? null : times.resolutionBreachedAt,
          targetClockStartedAt: historical.receivedAt,
          targetPlanVersion: 1,
          targetPlanBasis: basisOf({
            catalogCode: historical.catalogCode,
            priority: catalog.get(historical.catalogCode)?.priority ?? 'normal',
            channel: historical.channel,
          }),
        },
      };
    });
    const records = await this.caseImport.insert(manager, batch, { importerId: null, now, catalog });
    await this.register.enterHistory(manager, records);
    for (const [index, record] of records.entries()) {
      if (!isOpen(record.status)) continue;
      const { firstResponseBreachedAt, resolutionBreachedAt } = cases[index].times;
      if (firstResponseBreachedAt) await this.alarms.breach(manager, record, 'first_response', firstResponseBreachedAt);
      if (resolutionBreachedAt) await this.alarms.breach(manager, record, 'resolution', resolutionBreachedAt);
    }
    return records;
  }

  /** The callback targets of contacts that owed a callback, and the callbacks made; answers how many were owed. */
  private async writeCallbacks(
    manager: EntityManager,
    calendar: BusinessCalendar,
    contacts: StoredContact[],
    now: Date,
    staff: DemoHistoryStaff,
    targetsOf: (entry: DemoCatalogEntry | null, channel: HistoricalCase['channel']) => SelectedTargets,
  ): Promise<number> {
    const byCode = new Map(DEMO_CATALOG.map((entry) => [entry.code, entry]));
    const random = new SeededRandom(2028);
    const targets: Parameters<CallbackTargetsService['insertHistorical']>[1] = [];
    const made: Parameters<CallbacksService['insertHistorical']>[1] = [];
    for (const contact of contacts) {
      const entry = contact.catalogCode ? (byCode.get(contact.catalogCode) ?? null) : null;
      const callback = demoCallback(calendar, contact, targetsOf(entry, contact.channel).callback, now, random);
      if (!callback) continue;
      targets.push({
        contactId: contact.id,
        promisedAt: contact.endedAt,
        dueAt: callback.dueAt,
        policyId: callback.target.policyId,
        targetValue: callback.target.value,
        targetUnit: callback.target.unit,
        warnedAt: null,
        breachedAt: callback.breachedAt,
        madeAt: callback.madeAt,
      });
      if (callback.madeAt)
        made.push({
          contactId: contact.id,
          madeAt: callback.madeAt,
          reached: callback.reached,
          note: null,
          madeById: staff.agentId,
        });
    }
    await this.callbackTargets.insertHistorical(manager, targets);
    await this.callbacks.insertHistorical(manager, made);
    return targets.length;
  }

  /**
   * Ratings of some finished contacts and resolved cases, a few hours to a few days after, with
   * channel, department, service point and gender copied as RatingsService copies them. Cases of
   * confidential types are not rated in the demo.
   */
  private planRatings(
    records: Awaited<ReturnType<CaseImportWriter['insert']>>,
    contacts: StoredContact[],
    now: Date,
    staff: DemoHistoryStaff,
  ): HistoricalRating[] {
    const random = new SeededRandom(2030);
    const ratings: HistoricalRating[] = [];
    const contactOfCase = new Map(
      contacts
        .filter((contact) => contact.caseExternalId)
        .map((contact) => [contact.caseExternalId as string, contact]),
    );
    const rate = (
      ratedAt: Date,
      subject: Pick<HistoricalRating, 'contactId' | 'caseId' | 'channel'>,
      extra: Pick<HistoricalRating, 'departmentCode' | 'servicePointCode' | 'gender'>,
    ) => {
      if (ratedAt.getTime() > now.getTime()) return;
      ratings.push({
        id: newId(),
        ...subject,
        ...extra,
        ...demoGrades(random),
        source: 'citizen',
        comment: null,
        recordedById: null,
        ratedAt,
      });
    };
    for (const contact of contacts) {
      if (contact.outcome === 'abandoned' || contact.confidential || !random.chance(CONTACT_RATING_SHARE)) continue;
      rate(
        new Date(contact.endedAt.getTime() + (1 + random.int(48)) * HOUR_MS),
        { contactId: contact.id, caseId: null, channel: contact.channel },
        {
          departmentCode: staff.agentDepartmentCode,
          servicePointCode: contact.servicePointCode,
          gender: contact.gender,
        },
      );
    }
    for (const record of records) {
      if (!record.resolvedAt || record.confidential || !random.chance(CASE_RATING_SHARE)) continue;
      const contact = contactOfCase.get(record.externalId as string);
      rate(
        new Date(record.resolvedAt.getTime() + (1 + random.int(72)) * HOUR_MS),
        { contactId: null, caseId: record.id, channel: record.channel },
        {
          departmentCode: record.departmentCode,
          servicePointCode: contact?.servicePointCode ?? null,
          gender: contact?.gender ?? null,
        },
      );
    }
    return ratings.sort((a, b) => a.ratedAt.getTime() - b.ratedAt.getTime());
  }
}

/** A demo contact as stored, logged by the demo agent, without a citizen (the demo holds no personal data). */
function stored(contact: DemoContact, caseExternalId: string | null, staff: DemoHistoryStaff): StoredContact {
  return { ...contact, id: newId(), agentId: staff.agentId, citizenId: null, anonymisedAt: null, caseExternalId };
}

function subjectOf(entry: DemoCatalogEntry | null, channel: HistoricalCase['channel']): TargetSubject {
  return {
    catalogCode: entry?.code ?? null,
    kind: entry?.kind ?? null,
    priority: entry?.priority ?? 'normal',
    channel,
  };
}
