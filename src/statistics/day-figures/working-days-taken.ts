import { BusinessCalendar } from '../../calendar/business-calendar';

/**
 * The largest target in working days a what-if can ask of the cases report (its query takes 0-60
 * for the first response and 0-250 for resolution): a case that took longer counts as
 * MOST_WORKING_DAYS + 1, late under every target.
 */
export const MOST_WORKING_DAYS = 250;

/**
 * How one measure (first response or resolution) of a day's cases stands against any target in
 * whole working days, so that a what-if target is answered from the daily figures
 * (docs/statistics.md, "Daily figures"). "Within N working days" is by the close of the N-th
 * working day after day 0 of the arrival (BusinessCalendar.addWorkingDays), so a case done at an
 * instant is within N exactly when it took at most N working days: the fewest n with the instant
 * at or before the n-th closing (BusinessCalendar.workingDayClosings).
 *
 * - `taken`: (working days taken, cases) pairs of the cases done, ascending by days, flat;
 * - `open`: (arrival instant, cases) pairs of the cases not done, one pair per day 0 they share,
 *   flat: cases with the same day 0 have the same due instant under every target, so one arrival
 *   (UTC epoch ms) stands for them all.
 */
export interface WorkingDaysTaken {
  taken: Int32Array;
  open: Float64Array;
}

/** Met, late, missed and pending of one measure against a target, as the cases report counts them. */
export interface DeadlineCounts {
  met: number;
  late: number;
  missed: number;
  pending: number;
}

/**
 * The counts of one measure against `targetWorkingDays`: met when done within it, late when done
 * after; of the open cases, missed when their due instant (`dueMs` of an arrival) is before
 * `nowMs`, else pending, as the report's SQL counts them. RangeError: a target outside
 * 0-MOST_WORKING_DAYS.
 */
export function countAgainstTarget(
  figures: WorkingDaysTaken,
  targetWorkingDays: number,
  nowMs: number,
  dueMs: (arrivalMs: number) => number,
): DeadlineCounts {
  // A case that took more than MOST_WORKING_DAYS is only counted as such.
  if (!(targetWorkingDays >= 0 && targetWorkingDays <= MOST_WORKING_DAYS))
    throw new RangeError(`a target of ${targetWorkingDays} working days is outside 0-${MOST_WORKING_DAYS}`);
  const counts = { met: 0, late: 0, missed: 0, pending: 0 };
  const { taken, open } = figures;
  for (let index = 0; index < taken.length; index += 2)
    if (taken[index] <= targetWorkingDays) counts.met += taken[index + 1];
    else counts.late += taken[index + 1];
  for (let index = 0; index < open.length; index += 2)
    if (dueMs(open[index]) < nowMs) counts.missed += open[index + 1];
    else counts.pending += open[index + 1];
  return counts;
}

/**
 * Working days taken by cases of the days being built, with the calendar the day is built with.
 * Each day 0 (the closing instant of addWorkingDays(arrival, 0)) has its MOST_WORKING_DAYS + 1
 * closings walked once; a case then costs a binary search.
 */
export class WorkingDaysCounter {
  private readonly closingsByDay0 = new Map<number, Float64Array>();

  constructor(private readonly calendar: BusinessCalendar) {}

  /**
   * The fewest whole working days n (0 .. MOST_WORKING_DAYS, else MOST_WORKING_DAYS + 1) with
   * `doneMs` at or before the n-th closing from an arrival at `arrivalMs`, whose day 0 closes at
   * `day0ClosingMs`.
   */
  daysTaken(arrivalMs: number, day0ClosingMs: number, doneMs: number): number {
    let closings = this.closingsByDay0.get(day0ClosingMs);
    if (!closings)
      this.closingsByDay0.set(
        day0ClosingMs,
        (closings = this.calendar.workingDayClosings(new Date(arrivalMs), MOST_WORKING_DAYS + 1)),
      );
    return countBelow(closings, doneMs);
  }
}

/**
 * How many of the ascending values are below `limit`: the closings before a case was done, or the
 * due times of open cases already passed.
 */
export function countBelow(ascending: Float64Array, limit: number): number {
  let low = 0;
  let high = ascending.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ascending[middle] < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Adds up one measure of a group of one day's cases (received from `dayStartMs`, UTC epoch ms)
 * into WorkingDaysTaken.
 */
export class WorkingDaysTakenTally {
  /** Cases by working days taken: a sparse array, its indices in ascending order. */
  private readonly taken: number[] = [];
  /** Day 0's closing -> [an arrival, cases]; made at the first open case. */
  private open: Map<number, [number, number]> | null = null;

  constructor(private readonly dayStartMs: number) {}

  addDone(workingDays: number): void {
    this.taken[workingDays] = (this.taken[workingDays] ?? 0) + 1;
  }

  addOpen(arrivalMs: number, day0ClosingMs: number): void {
    this.open ??= new Map();
    const known = this.open.get(day0ClosingMs);
    if (known) known[1]++;
    else this.open.set(day0ClosingMs, [arrivalMs, 1]);
  }

  /** The pairs as Int32 values, each open arrival as milliseconds after the day's start (under 26 hours). */
  pairs(): { taken: number[]; open: number[] } {
    const taken: number[] = [];
    // forEach visits the indices set, in ascending order.
    this.taken.forEach((cases, workingDays) => taken.push(workingDays, cases));
    const open: number[] = [];
    for (const [arrivalMs, cases] of this.open?.values() ?? []) open.push(arrivalMs - this.dayStartMs, cases);
    return { taken, open };
  }
}

/**
 * The first response's and resolution's figures in one value (CaseDayFigures.workingDaysTaken):
 * Int32 values, little-endian: the four lists' lengths (taken and open of the first response,
 * then of resolution), then the four lists, the open arrivals as milliseconds after the start of
 * the day of the figures.
 */
export function workingDaysTakenBytes(firstResponse: WorkingDaysTakenTally, resolution: WorkingDaysTakenTally): Buffer {
  const first = firstResponse.pairs();
  const second = resolution.pairs();
  const lists = [first.taken, first.open, second.taken, second.open];
  const values = new Int32Array(4 + lists.reduce((sum, list) => sum + list.length, 0));
  let offset = 4;
  lists.forEach((list, index) => {
    values[index] = list.length;
    values.set(list, offset);
    offset += list.length;
  });
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

/**
 * The two measures' figures back from workingDaysTakenBytes' bytes, of a day that starts at
 * `dayStartMs`. The taken pairs are a view of the bytes (copied first when not 4-byte aligned):
 * count them, do not keep them.
 */
export function workingDaysTakenOf(
  bytes: Uint8Array,
  dayStartMs: number,
): { firstResponse: WorkingDaysTaken; resolution: WorkingDaysTaken } {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Uint8Array.from(bytes);
  const values = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
  let offset = 4;
  const [firstTaken, firstOpen, resolutionTaken, resolutionOpen] = [0, 1, 2, 3].map((index) => {
    const list = values.subarray(offset, offset + values[index]);
    offset += values[index];
    return list;
  });
  const arrivals = (open: Int32Array) => {
    const pairs = Float64Array.from(open);
    for (let index = 0; index < pairs.length; index += 2) pairs[index] += dayStartMs;
    return pairs;
  };
  return {
    firstResponse: { taken: firstTaken, open: arrivals(firstOpen) },
    resolution: { taken: resolutionTaken, open: arrivals(resolutionOpen) },
  };
}
