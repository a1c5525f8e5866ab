/**
 * "Within N working days" as a step function of the arrival instant, so that SQL can compare
 * every case with its deadline without the business calendar.
 *
 * BusinessCalendar.addWorkingDays depends on the arrival only through its local day and whether
 * it came before that day's closing time. Over a report's period the deadline therefore takes one
 * value from local midnight to the day's closing time and another from closing to the next
 * midnight (one value all day on a closed day), and neighbouring spans with the same deadlines
 * join: a year has some 260 spans instead of a deadline per case. Each span is computed with
 * addWorkingDays itself at its first instant, so the figures are those of the calendar.
 */
import { BusinessCalendar } from '../calendar/business-calendar';
import { PeriodBuckets } from './period-buckets';

/** Arrivals in [startMs, endMs) (UTC epoch ms) share their deadlines and their report period. */
export interface ArrivalSpan {
  startMs: number;
  endMs: number;
  /** The report period the span lies in (index into the grouping's buckets), 0 when not grouped by period. */
  periodIndex: number;
  /** Due instant (UTC epoch ms) of each target in working days, in the order asked for. */
  dueMs: number[];
}

/**
 * The spans covering [fromMs, toMs) for the targets (whole working days >= 0), in time order.
 * periods: the report's period buckets, so that no span crosses a period boundary; null when the
 * report is not grouped by period. The same arguments with the same calendar answer the same
 * list, kept from the first time (frozen: the spans are shared).
 */
export function arrivalSpans(
  calendar: BusinessCalendar,
  fromMs: number,
  toMs: number,
  targetsWorkingDays: readonly number[],
  periods: PeriodBuckets | null,
): readonly ArrivalSpan[] {
  let known = spansKnown.get(calendar);
  if (!known) spansKnown.set(calendar, (known = new Map<string, readonly ArrivalSpan[]>()));
  const key = [
    fromMs,
    toMs,
    targetsWorkingDays.join(','),
    periods?.buckets.map((bucket) => bucket.startMs).join(','),
  ].join('/');
  let spans = known.get(key);
  if (!spans) {
    if (known.size >= SPAN_LISTS_KEPT_PER_CALENDAR) known.clear();
    spans = computeArrivalSpans(calendar, fromMs, toMs, targetsWorkingDays, periods);
    for (const span of spans) {
      Object.freeze(span.dueMs);
      Object.freeze(span);
    }
    known.set(key, Object.freeze(spans));
  }
  return spans;
}

/**
 * The span lists computed with each calendar (one per settings version), by period, targets and
 * report periods: the same report asked again, and the service index after the callbacks report
 * in the comparison export, use the spans already computed. A year's spans are computed in about
 * 10 ms, several times that while the process is new.
 */
const spansKnown = new WeakMap<BusinessCalendar, Map<string, readonly ArrivalSpan[]>>();
const SPAN_LISTS_KEPT_PER_CALENDAR = 64;

function computeArrivalSpans(
  calendar: BusinessCalendar,
  fromMs: number,
  toMs: number,
  targetsWorkingDays: readonly number[],
  periods: PeriodBuckets | null,
): ArrivalSpan[] {
  const days = new PeriodBuckets(fromMs, toMs, 'day', calendar.settings.timeZone).buckets;
  const spans: ArrivalSpan[] = [];
  const push = (startMs: number, endMs: number) => {
    if (!(startMs < endMs)) return;
    const periodIndex = periods ? periods.indexOf(startMs) : 0;
    const dueMs = targetsWorkingDays.map((days) => calendar.addWorkingDays(new Date(startMs), days).getTime());
    const last = spans[spans.length - 1];
    if (
      last &&
      last.endMs === startMs &&
      last.periodIndex === periodIndex &&
      last.dueMs.every((due, k) => due === dueMs[k])
    )
      last.endMs = endMs;
    else spans.push({ startMs, endMs, periodIndex, dueMs });
  };
  for (const day of days) {
    const intervals = calendar.openIntervalsOn(day.key);
    const closingMs = intervals.length > 0 ? intervals[intervals.length - 1].end.getTime() : NaN;
    if (closingMs > day.startMs && closingMs < day.endMs) {
      push(day.startMs, closingMs);
      push(closingMs, day.endMs);
    } else push(day.startMs, day.endMs);
  }
  return spans;
}

/** The spans within [fromMs, toMs), cut to it: the spans of one time slice of a report. */
export function clipSpans(spans: readonly ArrivalSpan[], fromMs: number, toMs: number): ArrivalSpan[] {
  const clipped: ArrivalSpan[] = [];
  for (const span of spans) {
    if (span.endMs <= fromMs || span.startMs >= toMs) continue;
    clipped.push({ ...span, startMs: Math.max(span.startMs, fromMs), endMs: Math.min(span.endMs, toMs) });
  }
  return clipped;
}

/**
 * The due instants of arrivals looked up by binary search in the spans instead of counting
 * working days per arrival; for code that goes through cases one by one (the build of daily
 * figures).
 */
export class ArrivalDeadlines {
  private readonly spans: readonly ArrivalSpan[];
  private readonly startsMs: Float64Array;

  constructor(
    private readonly calendar: BusinessCalendar,
    fromMs: number,
    toMs: number,
    private readonly targetsWorkingDays: readonly number[],
  ) {
    // Not kept: a build of daily figures asks for a week's spans once.
    this.spans = computeArrivalSpans(calendar, fromMs, toMs, targetsWorkingDays, null);
    this.startsMs = Float64Array.from(this.spans.map((span) => span.startMs));
  }

  /** Due instant (UTC epoch ms) of the k-th target for an arrival; outside the period, counted directly. */
  dueMs(arrivedMs: number, k: number): number {
    const starts = this.startsMs;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= arrivedMs) low = middle;
      else high = middle - 1;
    }
    const span = this.spans[low];
    if (span && arrivedMs >= span.startMs && arrivedMs < span.endMs) return span.dueMs[k];
    return this.calendar.addWorkingDays(new Date(arrivedMs), this.targetsWorkingDays[k]).getTime();
  }
}
