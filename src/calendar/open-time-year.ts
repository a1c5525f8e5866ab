/**
 * One local calendar year of opening hours, precomputed as UTC instants.
 *
 * Statistics ask for working time between pairs of instants up to a million times, so all
 * time-zone work (luxon) happens once per year when the table is built. Afterwards a question is
 * answered with plain number arithmetic: find the local day of an instant from the table of
 * local midnights, then use a running total of open milliseconds per day. A span of any length
 * within one year costs the same as a span of one minute.
 */
import { IANAZone } from 'luxon';
import { epochDayOf } from './local-time';
import { wallClockToInstantForYear } from './zone-clock';

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/**
 * Open times of one local date as flat pairs of minutes after local midnight,
 * [opensAt, closesAt, opensAt, closesAt, ...], ascending and not touching each other.
 */
export type OpenMinutesOfDay = (epochDay: number) => readonly number[];

export class OpenTimeYear {
  private constructor(
    readonly year: number,
    readonly firstEpochDay: number,
    readonly dayCount: number,
    /** Instant of each local midnight; one extra entry for the next year's first midnight. */
    private readonly dayStartMs: Float64Array,
    /** The open intervals of day i are openBoundsMs[boundsOffset[i] .. boundsOffset[i + 1]). */
    private readonly openBoundsMs: Float64Array,
    private readonly boundsOffset: Int32Array,
    /** Open milliseconds of this year before day i; the extra last entry is the year's total. */
    private readonly openMsBeforeDay: Float64Array,
  ) {}

  static build(year: number, zone: IANAZone, openMinutesOn: OpenMinutesOfDay): OpenTimeYear {
    const firstEpochDay = epochDayOf(year, 1, 1);
    const dayCount = epochDayOf(year + 1, 1, 1) - firstEpochDay;
    const dayStartMs = new Float64Array(dayCount + 1);
    const boundsOffset = new Int32Array(dayCount + 1);
    const openMsBeforeDay = new Float64Array(dayCount + 1);
    const bounds: number[] = [];
    const wallClockToInstant = wallClockToInstantForYear(zone, year);
    const localInstantMs = (epochDay: number, minutesAfterMidnight: number) =>
      wallClockToInstant(epochDay * MS_PER_DAY + minutesAfterMidnight * MS_PER_MINUTE);
    for (let i = 0; i <= dayCount; i++) dayStartMs[i] = localInstantMs(firstEpochDay + i, 0);
    for (let i = 0; i < dayCount; i++) {
      boundsOffset[i] = bounds.length;
      let openMs = 0;
      const minutes = openMinutesOn(firstEpochDay + i);
      for (let k = 0; k < minutes.length; k += 2) {
        const opensAtMs = Math.max(localInstantMs(firstEpochDay + i, minutes[k]), dayStartMs[i]);
        const closesAtMs = Math.min(localInstantMs(firstEpochDay + i, minutes[k + 1]), dayStartMs[i + 1]);
        const previousCloseMs = bounds.length > boundsOffset[i] ? bounds[bounds.length - 1] : -Infinity;
        // Wall times in a spring-forward gap collapse onto the change, and a repeated fall-back
        // hour counts once, so intervals there can shrink to nothing or touch the previous one.
        if (closesAtMs <= opensAtMs || opensAtMs < previousCloseMs) continue;
        bounds.push(opensAtMs, closesAtMs);
        openMs += closesAtMs - opensAtMs;
      }
      openMsBeforeDay[i + 1] = openMsBeforeDay[i] + openMs;
    }
    boundsOffset[dayCount] = bounds.length;
    return new OpenTimeYear(
      year,
      firstEpochDay,
      dayCount,
      dayStartMs,
      Float64Array.from(bounds),
      boundsOffset,
      openMsBeforeDay,
    );
  }

  get startMs(): number {
    return this.dayStartMs[0];
  }

  /** Exclusive: the first instant of the next year. */
  get endMs(): number {
    return this.dayStartMs[this.dayCount];
  }

  get totalOpenMs(): number {
    return this.openMsBeforeDay[this.dayCount];
  }

  contains(instantMs: number): boolean {
    return instantMs >= this.dayStartMs[0] && instantMs < this.dayStartMs[this.dayCount];
  }

  /** Index of the local day containing the instant; the instant must lie in this year. */
  dayIndexAt(instantMs: number): number {
    // Local days are 23 to 25 hours long, so the estimate is off by at most one day.
    let index = Math.min(this.dayCount - 1, Math.max(0, Math.floor((instantMs - this.dayStartMs[0]) / MS_PER_DAY)));
    while (index > 0 && this.dayStartMs[index] > instantMs) index--;
    while (index < this.dayCount - 1 && this.dayStartMs[index + 1] <= instantMs) index++;
    return index;
  }

  hasOpenTime(dayIndex: number): boolean {
    return this.boundsOffset[dayIndex + 1] > this.boundsOffset[dayIndex];
  }

  /** The instant the office closes for the day; NaN on a day without opening hours. */
  closingMs(dayIndex: number): number {
    return this.hasOpenTime(dayIndex) ? this.openBoundsMs[this.boundsOffset[dayIndex + 1] - 1] : NaN;
  }

  openIntervalsMs(dayIndex: number): Array<[opensAtMs: number, closesAtMs: number]> {
    const intervals: Array<[number, number]> = [];
    for (let k = this.boundsOffset[dayIndex]; k < this.boundsOffset[dayIndex + 1]; k += 2) {
      intervals.push([this.openBoundsMs[k], this.openBoundsMs[k + 1]]);
    }
    return intervals;
  }

  isOpenAt(instantMs: number): boolean {
    const dayIndex = this.dayIndexAt(instantMs);
    for (let k = this.boundsOffset[dayIndex]; k < this.boundsOffset[dayIndex + 1]; k += 2) {
      if (instantMs < this.openBoundsMs[k]) return false;
      if (instantMs < this.openBoundsMs[k + 1]) return true;
    }
    return false;
  }

  /** Open milliseconds from the start of this year up to the instant. */
  openMsBefore(instantMs: number): number {
    const dayIndex = this.dayIndexAt(instantMs);
    let openMs = this.openMsBeforeDay[dayIndex];
    for (let k = this.boundsOffset[dayIndex]; k < this.boundsOffset[dayIndex + 1]; k += 2) {
      if (instantMs <= this.openBoundsMs[k]) break;
      openMs += Math.min(instantMs, this.openBoundsMs[k + 1]) - this.openBoundsMs[k];
    }
    return openMs;
  }

  /**
   * The earliest instant by which openMs of this year's open time have passed, for
   * 0 < openMs <= totalOpenMs. Ending exactly at a closing time returns that closing time.
   */
  instantAfterOpenMs(openMs: number): number {
    let low = 0;
    let high = this.dayCount - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.openMsBeforeDay[middle + 1] >= openMs) high = middle;
      else low = middle + 1;
    }
    let remainingMs = openMs - this.openMsBeforeDay[low];
    for (let k = this.boundsOffset[low]; k < this.boundsOffset[low + 1]; k += 2) {
      const intervalMs = this.openBoundsMs[k + 1] - this.openBoundsMs[k];
      if (remainingMs <= intervalMs) return this.openBoundsMs[k] + remainingMs;
      remainingMs -= intervalMs;
    }
    return this.closingMs(low);
  }

  /** The instant itself when open, else the next opening in this year; NaN if there is none. */
  nextOpeningMs(instantMs: number): number {
    const firstDay = this.dayIndexAt(instantMs);
    for (let k = this.boundsOffset[firstDay]; k < this.boundsOffset[this.dayCount]; k += 2) {
      if (instantMs < this.openBoundsMs[k + 1]) return Math.max(instantMs, this.openBoundsMs[k]);
    }
    return NaN;
  }
}
