import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../../auth/roles';
import { ComparisonQuery } from '../dto/comparison-query.dto';
import { CallbackStatisticsService } from './callback-statistics.service';
import { CaseStatisticsService } from './case-statistics.service';
import { ContactStatisticsService } from './contact-statistics.service';
import { EmailAnswerStatisticsService } from './email-answer-statistics.service';
import { PhoneStatisticsService } from './phone-statistics.service';
import { RatingStatisticsService } from './rating-statistics.service';
import { DEFAULT_SERVICE_INDEX_TARGET_PERCENT, serviceIndexRow } from './service-index.service';
import { atMostAtOnce } from '../at-most-at-once';
import { StatisticsSql } from '../sql/statistics-sql.service';

export interface ComparisonRow {
  year: number;
  measure: string;
  /** The measure's name as it is published in Swedish. */
  label: string;
  value: number | null;
  unit: 'percent' | 'index' | 'seconds' | 'hours' | 'count';
  numerator: number | null;
  denominator: number | null;
  target: number | null;
}

export interface ComparisonReport {
  report: 'comparison';
  year: number;
  from: string;
  to: string;
  timeZone: string;
  rows: ComparisonRow[];
}

/**
 * GET /api/v1/statistics/comparison: one calendar year of the nationally comparable accessibility
 * measures, in the spirit of Kommunens Kvalitet i Korthet, as a long table (one row per measure)
 * that lines up year after year and municipality by municipality. Each value is the same figure
 * as the total of the detailed report for that year, with its numerator and denominator.
 */
@Injectable()
export class ComparisonExportService {
  constructor(
    private readonly emailAnswers: EmailAnswerStatisticsService,
    private readonly phone: PhoneStatisticsService,
    private readonly contacts: ContactStatisticsService,
    private readonly callbacks: CallbackStatisticsService,
    private readonly ratings: RatingStatisticsService,
    private readonly cases: CaseStatisticsService,
    private readonly sql: StatisticsSql,
  ) {}

  async report(principal: StaffPrincipal, query: ComparisonQuery): Promise<ComparisonReport> {
    const year = query.year;
    const period = { from: `${year}-01-01`, to: `${year + 1}-01-01` };
    // On SQLite two reports at a time (as many as there are readers): one report's queries alone
    // leave the second reader idle much of the time (the export 0.88-0.91 times as long, /health
    // as quick). Not all six at once: their rows would be decoded on the main thread in one
    // queue of slices, and /health would wait behind all of them. On PostgreSQL one at a time:
    // there the database's backends take the cores from the event loop, and two reports at once
    // gave no gain (0.97) with /health p99 at 129 ms instead of 49 (docs/performance.md). The
    // longest first, so that the two lanes end about together.
    const [casesReport, emailReport, phoneReport, callbacksReport, contactsReport, ratingsReport] = await atMostAtOnce(
      [
        () => this.cases.report(principal, period),
        () => this.emailAnswers.report(principal, period),
        () => this.phone.report(principal, period),
        () => this.callbacks.report(principal, period),
        () => this.contacts.report(principal, period),
        () => this.ratings.report(principal, period),
      ],
      this.sql.postgres ? 1 : this.sql.queriesAtOnce,
    );
    const email = emailReport.total;
    const phone = phoneReport.total;
    const contacts = contactsReport.total;
    const callbacks = callbacksReport.total;
    // The service index of the year from the contacts and callbacks just counted, by the index's
    // own rule, rather than the same rows read a second time.
    const index = serviceIndexRow(
      'total',
      contacts,
      { kept: callbacks.callbacksKept, pending: callbacks.callbacksPending },
      DEFAULT_SERVICE_INDEX_TARGET_PERCENT,
    );
    const ratings = ratingsReport.total;
    const cases = casesReport.total;
    const row = (
      measure: string,
      label: string,
      unit: ComparisonRow['unit'],
      value: number | null,
      numerator: number | null,
      denominator: number | null,
      target: number | null = null,
    ): ComparisonRow => ({ year, measure, label, value, unit, numerator, denominator, target });
    const rows = [
      row(
        'email_answered_within_1_working_day',
        'Andel e-postfrågor besvarade inom en arbetsdag',
        'percent',
        email.answeredWithinOneWorkingDayPercent,
        email.answeredWithinOneWorkingDay,
        email.measuredForOneWorkingDay,
      ),
      row(
        'email_answered_within_2_working_days',
        'Andel e-postfrågor besvarade inom två arbetsdagar',
        'percent',
        email.answeredWithinTwoWorkingDaysPercent,
        email.answeredWithinTwoWorkingDays,
        email.measuredForTwoWorkingDays,
      ),
      row(
        'phone_direct_answer',
        'Andel samtal med direkt svar på en enkel fråga',
        'percent',
        phone.directAnswerPercent,
        phone.directAnswers,
        phone.directAnswerBase,
      ),
      row('phone_answered', 'Andel besvarade samtal', 'percent', phone.answeredPercent, phone.answered, phone.calls),
      row(
        'phone_answered_within_target',
        `Andel samtal besvarade inom ${phone.answerTargetSeconds} sekunder`,
        'percent',
        phone.answeredWithinTargetPercent,
        phone.answeredWithinTarget,
        phone.calls,
      ),
      row(
        'phone_p90_wait_seconds',
        'Väntetid till svar, 90:e percentilen',
        'seconds',
        phone.p90WaitSeconds,
        null,
        phone.answered,
      ),
      row(
        'answered_at_first_contact',
        'Andel kontakter besvarade vid första kontakten',
        'percent',
        contacts.answeredAtFirstContactPercent,
        contacts.answeredAtFirstContact,
        contacts.answeredAtFirstContactBase,
      ),
      row(
        'service_index',
        'Serviceindex: andel kontakter med aktiv service',
        'percent',
        index.serviceIndexPercent,
        index.activeService,
        index.measured,
        index.targetPercent,
      ),
      row(
        'callbacks_kept',
        `Andel utlovade återuppringningar gjorda inom ${callbacks.callbackTargetWorkingDays} arbetsdag(ar)`,
        'percent',
        callbacks.callbacksKeptPercent,
        callbacks.callbacksKept,
        callbacks.callbacksMeasured,
      ),
      row(
        'treatment_index',
        'Bemötande (index 0-100)',
        'index',
        ratings.treatmentIndex,
        null,
        ratings.treatmentAnswers,
      ),
      row('ease_index', 'Enkelhet (index 0-100)', 'index', ratings.easeIndex, null, ratings.easeAnswers),
      row('clarity_index', 'Tydlighet (index 0-100)', 'index', ratings.clarityIndex, null, ratings.clarityAnswers),
      row('cases_received', 'Inkomna ärenden', 'count', cases.received, null, null),
      row(
        'cases_first_response_within_target',
        `Andel ärenden med första svar inom ${cases.firstResponseTargetWorkingDays} arbetsdagar`,
        'percent',
        cases.firstResponseWithinTargetPercent,
        cases.firstResponseWithinTarget,
        cases.firstResponseMeasured,
      ),
      row(
        'cases_resolved_within_target',
        `Andel ärenden lösta inom ${cases.resolutionTargetWorkingDays} arbetsdagar`,
        'percent',
        cases.resolutionWithinTargetPercent,
        cases.resolutionWithinTarget,
        cases.resolutionMeasured,
      ),
      row(
        'cases_median_resolution_working_hours',
        'Handläggningstid till löst ärende, median (arbetstimmar)',
        'hours',
        cases.medianResolutionWorkingHours,
        null,
        cases.resolved,
      ),
      row(
        'cases_returned',
        'Andel ärenden återsända som felskickade',
        'percent',
        cases.returnedPercent,
        cases.returned,
        cases.received,
      ),
      row(
        'cases_reopened',
        'Andel återöppnade ärenden',
        'percent',
        cases.reopenedPercent,
        cases.reopened,
        cases.received,
      ),
    ];
    return {
      report: 'comparison',
      year,
      from: casesReport.from,
      to: casesReport.to,
      timeZone: casesReport.timeZone,
      rows,
    };
  }
}
