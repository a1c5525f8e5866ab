/**
 * The office's business calendar: when it is open, and working-time arithmetic for service
 * targets ("answered within 1 working day", "within 240 working minutes").
 *
 * All instants in and out are UTC Dates; opening hours, holidays and dates are meant in the
 * calendar's own time zone, so results stay right across daylight-saving changes.
 */
import { IANAZone } from 'luxon';
import {
  BusinessCalendarSettingsInput,
  clockMinutes,
  DEFAULT_CALENDAR_SETTINGS,
  resolveCalendarSettings,
  ResolvedCalendarSettings,
} from './calendar-settings';
import { EveName, evesOfYear } from './eves';
import {
  epochDayOfLocalDate,
  localDateOfEpochDay,
  parseLocalDate,
  Weekday,
  WEEKDAYS,
  weekdayOfEpochDay,
} from './local-time';
import { OpenTimeYear } from './open-time-year';
import { publicHolidayDates } from './public-holidays';

export { DEFAULT_CALENDAR_SETTINGS, InvalidCalendarSettingsError, validateCalendarSettings } from './calendar-settings';
export type {
  BusinessCalendarSettings,
  BusinessCalendarSettingsInput,
  OpeningInterval,
  WeeklyOpeningHours,
} from './calendar-settings';
export type { EveName, EvePolicy, EveSettings } from './eves';
export type { HolidayCountry } from './public-holidays';

const MS_PER_MINUTE = 60_000;
/**
 * How many years a search for open time looks ahead. Every valid calendar has open weekdays,
 * so any search for a deadline ends within a year or two; the limit stops a runaway loop if that
 * invariant is ever broken, and bounds what a request can ask for (the working-time helper).
 */
export const MAX_YEARS_SEARCHED = 10;

export interface OpenInterval {
  start: Date;
  end: Date;
}

export class BusinessCalendar {
  readonly settings: ResolvedCalendarSettings;
  private readonly zone: IANAZone;
  private readonly weeklyOpenMinutes: Record<Weekday, readonly number[]>;
  private readonly closedEpochDays: ReadonlySet<number>;
  private readonly halfDayClosesAtMinutes: number;
  private readonly years = new Map<number, OpenTimeYear>();
  private lastYear: OpenTimeYear | undefined;

  /** Throws InvalidCalendarSettingsError for settings that validateCalendarSettings rejects. */
  constructor(settings: BusinessCalendarSettingsInput = DEFAULT_CALENDAR_SETTINGS) {
    this.settings = resolveCalendarSettings(settings);
    this.zone = IANAZone.create(this.settings.timeZone);
    this.weeklyOpenMinutes = {} as Record<Weekday, readonly number[]>;
    for (const weekday of WEEKDAYS)
      this.weeklyOpenMinutes[weekday] = mergedMinutes(this.settings.openingHours[weekday]);
    this.closedEpochDays = new Set(this.settings.closedDates.map((date) => epochDayOfLocalDate(date) as number));
    this.halfDayClosesAtMinutes = clockMinutes(this.settings.eves.halfDayClosesAt);
  }

  isOpenAt(instant: Date): boolean {
    const instantMs = instantMsOf(instant);
    return this.yearAt(instantMs).isOpenAt(instantMs);
  }

  /** The office's open intervals on a local date ('YYYY-MM-DD'), in order; [] when closed. */
  openIntervalsOn(localDate: string): OpenInterval[] {
    const { year, dayIndex } = this.dayOfLocalDate(localDate);
    return year
      .openIntervalsMs(dayIndex)
      .map(([opensAtMs, closesAtMs]) => ({ start: new Date(opensAtMs), end: new Date(closesAtMs) }));
  }

  /** A working day is a local date with any opening hours, half-day eves included. */
  isWorkingDay(localDate: string): boolean {
    const { year, dayIndex } = this.dayOfLocalDate(localDate);
    return year.hasOpenTime(dayIndex);
  }

  /** The local date ('YYYY-MM-DD') in the calendar's time zone at the instant. */
  localDateOf(instant: Date): string {
    const instantMs = instantMsOf(instant);
    const year = this.yearAt(instantMs);
    return localDateOfEpochDay(year.firstEpochDay + year.dayIndexAt(instantMs));
  }

  /** The instant itself while open, otherwise the next time the office opens. */
  nextOpeningAt(instant: Date): Date {
    let instantMs = instantMsOf(instant);
    let year = this.yearAt(instantMs);
    for (let searched = 0; searched < MAX_YEARS_SEARCHED; searched++) {
      const openingMs = year.nextOpeningMs(instantMs);
      if (!Number.isNaN(openingMs)) return new Date(openingMs);
      year = this.year(year.year + 1);
      instantMs = year.startMs;
    }
    throw new Error(`No opening hours within ${MAX_YEARS_SEARCHED} years after ${instant.toISOString()}`);
  }

  /**
   * The instant at which `workingMinutes` of open time have passed since `from`. Outside
   * opening hours the clock starts at the next opening, so 0 minutes gives the next opening.
   * Running out exactly at a closing time gives that closing time, not the next opening.
   */
  addWorkingMinutes(from: Date, workingMinutes: number): Date {
    if (!Number.isFinite(workingMinutes) || workingMinutes < 0) {
      throw new RangeError(`workingMinutes must be a finite number >= 0, got ${workingMinutes}`);
    }
    const fromMs = instantMsOf(from);
    if (workingMinutes === 0) return this.nextOpeningAt(from);
    let year = this.yearAt(fromMs);
    let openMs = year.openMsBefore(fromMs) + workingMinutes * MS_PER_MINUTE;
    for (let searched = 0; openMs > year.totalOpenMs; searched++) {
      if (searched >= MAX_YEARS_SEARCHED)
        throw new RangeError(`${workingMinutes} working minutes run past ${MAX_YEARS_SEARCHED} years`);
      openMs -= year.totalOpenMs;
      year = this.year(year.year + 1);
    }
    return new Date(Math.ceil(year.instantAfterOpenMs(openMs)));
  }

  /**
   * "Within N working days" means: by the close of the N-th working day after the day of
   * arrival. A case arriving on a working day before that day's closing time has that day as
   * day 0; a case arriving after closing, or on a weekend, holiday or other closed day, is
   * treated as arriving on the next working day, which becomes day 0. Hence for the KKiK
   * measure "answered within 1 working day": an e-mail at Monday 10:00 is due by Tuesday's
   * close, one at Monday 20:00 or on Saturday by Wednesday's or Tuesday's close respectively.
   * N = 0 gives the close of the arrival day itself (or of the next working day).
   */
  addWorkingDays(from: Date, workingDays: number): Date {
    if (!Number.isInteger(workingDays) || workingDays < 0) {
      throw new RangeError(`workingDays must be a whole number >= 0, got ${workingDays}`);
    }
    let dueMs = NaN;
    this.walkWorkingDays(from, workingDays, (closingMs) => (dueMs = closingMs));
    return new Date(dueMs);
  }

  /**
   * addWorkingDays(from, n) for n = 0 .. count - 1 in one walk over the calendar: the closing
   * instants (UTC epoch ms, ascending) of day 0 of an arrival at `from` and of the working days
   * after it. A case done at an instant is within n working days exactly when that instant is at
   * or before the n-th of them (the daily figures' working days taken, for what-if targets).
   */
  workingDayClosings(from: Date, count: number): Float64Array {
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a whole number >= 1, got ${count}`);
    const closings = new Float64Array(count);
    let n = 0;
    this.walkWorkingDays(from, count - 1, (closingMs) => (closings[n++] = closingMs));
    return closings;
  }

  /** Walks from the day of arrival to day `workingDays`, handing each working day's closing over from day 0 on. */
  private walkWorkingDays(from: Date, workingDays: number, onWorkingDay: (closingMs: number) => void): void {
    const fromMs = instantMsOf(from);
    let year = this.yearAt(fromMs);
    let dayIndex = year.dayIndexAt(fromMs);
    const arrivesInTime = year.hasOpenTime(dayIndex) && fromMs < year.closingMs(dayIndex);
    if (arrivesInTime) onWorkingDay(year.closingMs(dayIndex));
    let workingDaysToSkip = arrivesInTime ? workingDays : workingDays + 1;
    let daysWalked = 0;
    while (workingDaysToSkip > 0) {
      if (++daysWalked > MAX_YEARS_SEARCHED * 366)
        throw new RangeError(`${workingDays} working days run past ${MAX_YEARS_SEARCHED} years`);
      dayIndex++;
      if (dayIndex === year.dayCount) {
        year = this.year(year.year + 1);
        dayIndex = 0;
      }
      if (year.hasOpenTime(dayIndex)) {
        workingDaysToSkip--;
        onWorkingDay(year.closingMs(dayIndex));
      }
    }
  }

  /** Open minutes (fractional for partial minutes) between two instants; 0 if b <= a. */
  workingMinutesBetween(a: Date, b: Date): number {
    const aMs = instantMsOf(a);
    const bMs = instantMsOf(b);
    if (bMs <= aMs) return 0;
    const aYear = this.yearAt(aMs);
    const aOpenMs = aYear.openMsBefore(aMs);
    const bYear = this.yearAt(bMs);
    if (aYear === bYear) return (bYear.openMsBefore(bMs) - aOpenMs) / MS_PER_MINUTE;
    let openMs = aYear.totalOpenMs - aOpenMs + bYear.openMsBefore(bMs);
    for (let year = aYear.year + 1; year < bYear.year; year++) openMs += this.year(year).totalOpenMs;
    return openMs / MS_PER_MINUTE;
  }

  private dayOfLocalDate(localDate: string): { year: OpenTimeYear; dayIndex: number } {
    const parts = parseLocalDate(localDate);
    if (!parts) throw new RangeError(`Not a local date YYYY-MM-DD: ${localDate}`);
    const year = this.year(parts.year);
    return { year, dayIndex: (epochDayOfLocalDate(localDate) as number) - year.firstEpochDay };
  }

  private yearAt(instantMs: number): OpenTimeYear {
    // Consecutive calls nearly always hit the same year, so remember the last one.
    if (this.lastYear?.contains(instantMs)) return this.lastYear;
    let year = this.year(new Date(instantMs).getUTCFullYear());
    if (instantMs < year.startMs) year = this.year(year.year - 1);
    else if (instantMs >= year.endMs) year = this.year(year.year + 1);
    this.lastYear = year;
    return year;
  }

  private year(year: number): OpenTimeYear {
    let openTimeYear = this.years.get(year);
    if (!openTimeYear) {
      const publicHolidays = this.settings.holidayCountry
        ? publicHolidayDates(this.settings.holidayCountry, year)
        : new Set<string>();
      const eves = evesOfYear(year);
      openTimeYear = OpenTimeYear.build(year, this.zone, (epochDay) =>
        this.openMinutesOn(epochDay, publicHolidays, eves),
      );
      this.years.set(year, openTimeYear);
    }
    return openTimeYear;
  }

  /** Closed dates and public holidays close the whole day; eves act on the weekday's hours. */
  private openMinutesOn(
    epochDay: number,
    publicHolidays: ReadonlySet<string>,
    eves: Map<number, EveName>,
  ): readonly number[] {
    if (this.closedEpochDays.has(epochDay) || publicHolidays.has(localDateOfEpochDay(epochDay))) return [];
    const weekdayMinutes = this.weeklyOpenMinutes[weekdayOfEpochDay(epochDay)];
    const eve = eves.get(epochDay);
    const policy = eve ? this.settings.eves[eve] : 'open';
    if (policy === 'closed') return [];
    if (policy === 'open') return weekdayMinutes;
    const clipped: number[] = [];
    for (let k = 0; k < weekdayMinutes.length; k += 2) {
      if (weekdayMinutes[k] >= this.halfDayClosesAtMinutes) break;
      clipped.push(weekdayMinutes[k], Math.min(weekdayMinutes[k + 1], this.halfDayClosesAtMinutes));
    }
    return clipped;
  }
}

/** Flat [opensAt, closesAt, ...] minute pairs, with touching intervals (08-12, 12-17) joined. */
function mergedMinutes(intervals: Array<[string, string]>): number[] {
  const minutes: number[] = [];
  for (const [opensAt, closesAt] of intervals) {
    const opensAtMinutes = clockMinutes(opensAt);
    const closesAtMinutes = clockMinutes(closesAt);
    if (minutes.length > 0 && minutes[minutes.length - 1] === opensAtMinutes)
      minutes[minutes.length - 1] = closesAtMinutes;
    else minutes.push(opensAtMinutes, closesAtMinutes);
  }
  return minutes;
}

function instantMsOf(instant: Date): number {
  const instantMs = instant instanceof Date ? instant.getTime() : NaN;
  if (Number.isNaN(instantMs)) throw new RangeError(`Not a valid instant: ${String(instant)}`);
  return instantMs;
}
