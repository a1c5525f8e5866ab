import { BusinessCalendar } from '../../calendar/business-calendar';
import { DeadlineTally } from '../deadline-tally';
import { hours, percent } from '../figures';
import { MedianAndP90, ValueList } from '../percentiles';
import { GroupKey } from '../report-grouping';

/** One case as the cases report reads it: instants as epoch milliseconds. */
export interface CaseFactsRow {
  receivedMs: number;
  firstResponseMs: number | null;
  resolvedMs: number | null;
  returnCount: number;
  reopenCount: number;
  /** A duplicate is handled through the case it repeats, so it is counted but not measured. */
  duplicate: boolean;
  /** Stored due times, when service targets have set them on the case. */
  firstResponseDueMs: number | null;
  resolutionDueMs: number | null;
}

export interface CaseTargets {
  firstResponseTargetWorkingDays: number;
  resolutionTargetWorkingDays: number;
}

/** The targets a case without stored due times is held to, unless the query asks for others. */
export const DEFAULT_CASE_TARGETS: Readonly<CaseTargets> = {
  firstResponseTargetWorkingDays: 2,
  resolutionTargetWorkingDays: 10,
};

export interface CaseStatisticsRow {
  group: GroupKey;
  received: number;
  resolved: number;
  medianResolutionWorkingHours: number | null;
  p90ResolutionWorkingHours: number | null;
  firstResponseTargetWorkingDays: number;
  firstResponseWithinTarget: number;
  firstResponseMeasured: number;
  firstResponseWithinTargetPercent: number | null;
  firstResponsePending: number;
  resolutionTargetWorkingDays: number;
  resolutionWithinTarget: number;
  resolutionMeasured: number;
  resolutionWithinTargetPercent: number | null;
  resolutionPending: number;
  returned: number;
  returnedPercent: number | null;
  reopened: number;
  reopenedPercent: number | null;
  duplicates: number;
}

/**
 * The figures of a group of cases that need no working time, counted in SQL: everything but the
 * working time to resolution. Deadline counts are of non-duplicates.
 */
export interface CaseCounts {
  received: number;
  duplicates: number;
  returned: number;
  reopened: number;
  firstResponse: { met: number; late: number; missed: number; pending: number };
  resolution: { met: number; late: number; missed: number; pending: number };
}

class CaseGroupFigures {
  received = 0;
  resolved = 0;
  returned = 0;
  reopened = 0;
  duplicates = 0;
  readonly resolutionWorkingMinutes = new ValueList();
  readonly firstResponse = new DeadlineTally();
  readonly resolution = new DeadlineTally();
}

/**
 * Adds up the cases report per group in one pass over the cases received in the period. The
 * working time of each resolved case is measured with the business calendar from receipt to
 * resolution; compliance is checked against the case's stored due time when it has one, else
 * against the close of the N-th working day after receipt (BusinessCalendar.addWorkingDays).
 */
export class CaseFigures {
  private readonly groups = new Map<GroupKey, CaseGroupFigures>();
  private readonly all = new CaseGroupFigures();
  /** The median and 90th percentile of each list of working times, asked for once. */
  private readonly selected = new Map<CaseGroupFigures, Promise<MedianAndP90>>();

  /**
   * medianAndP90: how the working times of a group are reduced to their median and 90th
   * percentile once the group is complete (OrderStatisticsThread in the app, off the event loop);
   * it may take the values over.
   */
  constructor(
    private readonly calendar: BusinessCalendar,
    private readonly nowMs: number,
    private readonly targets: CaseTargets,
    private readonly medianAndP90: (list: ValueList) => Promise<MedianAndP90> = (list) =>
      Promise.resolve(list.medianAndP90()),
  ) {}

  add(key: GroupKey, row: CaseFactsRow): void {
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = new CaseGroupFigures()));
    if (row.duplicate) {
      for (const figures of [group, this.all]) {
        figures.received++;
        figures.duplicates++;
      }
      return;
    }
    const received = new Date(row.receivedMs);
    const workingMinutes =
      row.resolvedMs === null ? null : this.calendar.workingMinutesBetween(received, new Date(row.resolvedMs));
    const firstResponseDueMs =
      row.firstResponseDueMs ??
      this.calendar.addWorkingDays(received, this.targets.firstResponseTargetWorkingDays).getTime();
    const resolutionDueMs =
      row.resolutionDueMs ?? this.calendar.addWorkingDays(received, this.targets.resolutionTargetWorkingDays).getTime();
    for (const figures of [group, this.all]) {
      figures.received++;
      if (workingMinutes !== null) {
        figures.resolved++;
        figures.resolutionWorkingMinutes.push(workingMinutes);
      }
      if (row.returnCount > 0) figures.returned++;
      if (row.reopenCount > 0) figures.reopened++;
      figures.firstResponse.add(row.firstResponseMs, firstResponseDueMs, this.nowMs);
      figures.resolution.add(row.resolvedMs, resolutionDueMs, this.nowMs);
    }
  }

  /** Adds the counts of cases of one group (SQL aggregates); their working times come apart. */
  addCounts(key: GroupKey, counts: CaseCounts): void {
    const group = this.groupOf(key);
    for (const figures of [group, this.all]) {
      figures.received += counts.received;
      figures.duplicates += counts.duplicates;
      figures.returned += counts.returned;
      figures.reopened += counts.reopened;
      const { firstResponse: f, resolution: r } = counts;
      figures.firstResponse.addCounts(f.met, f.late, f.missed, f.pending);
      figures.resolution.addCounts(r.met, r.late, r.missed, r.pending);
    }
  }

  /** Adds one resolved non-duplicate case of the group counted with addCounts: its working time. */
  addResolved(key: GroupKey, receivedMs: number, resolvedMs: number): void {
    const workingMinutes = this.calendar.workingMinutesBetween(new Date(receivedMs), new Date(resolvedMs));
    const group = this.groupOf(key);
    group.resolved++;
    group.resolutionWorkingMinutes.push(workingMinutes);
    this.all.resolved++;
    this.all.resolutionWorkingMinutes.push(workingMinutes);
  }

  /** Adds the working times to resolution (working minutes) of resolved non-duplicate cases counted with addCounts. */
  addWorkingMinutes(key: GroupKey, workingMinutes: Float64Array): void {
    const group = this.groupOf(key);
    for (const figures of [group, this.all]) {
      figures.resolved += workingMinutes.length;
      figures.resolutionWorkingMinutes.pushAll(workingMinutes);
    }
  }

  private groupOf(key: GroupKey): CaseGroupFigures {
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = new CaseGroupFigures()));
    return group;
  }

  keys(): GroupKey[] {
    return [...this.groups.keys()];
  }

  /** The group's row; each group's row (and the total) is asked for once, as its working times are handed over. */
  row(key: GroupKey): Promise<CaseStatisticsRow> {
    return this.rowOf(key, this.groups.get(key) ?? new CaseGroupFigures());
  }

  total(): Promise<CaseStatisticsRow> {
    return this.rowOf('total', this.all);
  }

  /**
   * The median and 90th percentile of a group's working times. Every working time goes to its
   * group and to the total, so a group with as many as the total (a report without grouping) has
   * the same values: they are selected once, for both rows.
   */
  private medianAndP90Of(figures: CaseGroupFigures): Promise<MedianAndP90> {
    const count = this.all.resolutionWorkingMinutes.length;
    const values =
      figures === this.all
        ? ([...this.groups.values()].find((group) => group.resolutionWorkingMinutes.length === count) ?? this.all)
        : figures;
    let selected = this.selected.get(values);
    if (!selected) this.selected.set(values, (selected = this.medianAndP90(values.resolutionWorkingMinutes)));
    return selected;
  }

  private async rowOf(key: GroupKey, figures: CaseGroupFigures): Promise<CaseStatisticsRow> {
    const { median, p90 } = await this.medianAndP90Of(figures);
    return {
      group: key,
      received: figures.received,
      resolved: figures.resolved,
      medianResolutionWorkingHours: hours(median),
      p90ResolutionWorkingHours: hours(p90),
      firstResponseTargetWorkingDays: this.targets.firstResponseTargetWorkingDays,
      firstResponseWithinTarget: figures.firstResponse.met,
      firstResponseMeasured: figures.firstResponse.measured,
      firstResponseWithinTargetPercent: percent(figures.firstResponse.met, figures.firstResponse.measured),
      firstResponsePending: figures.firstResponse.pending,
      resolutionTargetWorkingDays: this.targets.resolutionTargetWorkingDays,
      resolutionWithinTarget: figures.resolution.met,
      resolutionMeasured: figures.resolution.measured,
      resolutionWithinTargetPercent: percent(figures.resolution.met, figures.resolution.measured),
      resolutionPending: figures.resolution.pending,
      returned: figures.returned,
      returnedPercent: percent(figures.returned, figures.received),
      reopened: figures.reopened,
      reopenedPercent: percent(figures.reopened, figures.received),
      duplicates: figures.duplicates,
    };
  }
}
