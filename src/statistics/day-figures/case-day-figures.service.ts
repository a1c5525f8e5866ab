import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BusinessCalendar } from '../../calendar/business-calendar';
import { CalendarService } from '../../calendar/calendar.service';
import { Clock } from '../../common/clock';
import { bulkInsert, bulkInsertInBatches } from '../../database/bulk-insert';
import { TransactionService } from '../../database/transaction.service';
import { ArrivalDeadlines } from '../arrival-deadlines';
import { atMostAtOnce } from '../at-most-at-once';
import { DEFAULT_CASE_TARGETS } from '../reports/case-figures';
import { T } from '../sql/source-tables';
import { scopeConditions } from '../sql/report-selection';
import { SqlParameters, StatisticsSql } from '../sql/statistics-sql.service';
import { letOthersRun } from '../sql/time-sliced-reader';
import { CaseDayChange, CaseDayFigures, CaseDayFiguresDay } from './case-day-figures.entity';
import { LocalDay, localDayOf, utcDaysOf, wholeLocalDays } from './local-days';
import {
  WorkingDaysCounter,
  WorkingDaysTaken,
  WorkingDaysTakenTally,
  workingDaysTakenBytes,
  workingDaysTakenOf,
} from './working-days-taken';

/**
 * Days that ended less than this many days ago are not built: their cases still change often,
 * and the triggers leave changes to cases of the last two days uncounted (migration
 * CaseDayFigures1766700000000), which this margin of a day keeps on the safe side.
 */
export const DAYS_READ_FROM_CASES = 3;
/** Days built in one transaction: a week of a large city's cases is some 60,000 rows. */
const DAYS_PER_BUILD = 7;
/** Fresh days read in one query by a report: a month of a year's daily figures, a few thousand rows. */
const DAYS_PER_READ = 31;
/**
 * Such reads under way at once: while the report adds up one month's rows on the event loop, the
 * next month's are read (by the second SQLite reader, or on a second PostgreSQL connection).
 */
const READS_AT_ONCE = 2;
/**
 * Daily figures handed to the report at a time: at ten million cases a year a row's lists are
 * five kilobytes on average (twice that as the hex text PostgreSQL sends), so a batch is about
 * a megabyte of text.
 */
const DAY_FIGURES_PER_BATCH = 100;
const MS_PER_DAY = 86_400_000;
/** PostgreSQL's lock_not_available: a writer holds a day's change counter; the day is built next time. */
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * The daily figures of one department over all channels (channel and catalogCode null), of one
 * department and channel (catalogCode null), of one department and catalog entry (channel null),
 * of one department, channel and catalog entry, of one department and gender (channel null), or of
 * one department, channel and gender, on a fresh day, as the report reads them.
 */
export interface DayFiguresRow {
  day: LocalDay;
  departmentCode: string | null;
  channel: string | null;
  catalogCode: string | null;
  /** At the gender levels, the citizen's gender (null: none); null at the other levels. */
  gender: string | null;
  received: number;
  duplicates: number;
  returned: number;
  reopened: number;
  firstResponse: { met: number; late: number; openDueMs: Float64Array };
  resolution: { met: number; late: number; openDueMs: Float64Array };
  resolutionWorkingMinutes: Float64Array;
  /** Read when the filter asks (whatIf): each measure against any target in working days. */
  workingDaysTaken?: { firstResponse: WorkingDaysTaken; resolution: WorkingDaysTaken };
}

/**
 * Which daily figures a report reads: those of its department scope (null: all) and channel, at
 * the catalog level (byCatalog) or the gender level (byGender), never both; else per channel
 * (byChannel, or a channel given), else over all channels. At the catalog and gender levels a
 * channel given picks the rows of that channel, none the rows over all channels.
 */
export interface DayFiguresFilter {
  departmentCodes?: string[] | null;
  channel?: string;
  byCatalog: boolean;
  byGender?: boolean;
  /** Rows per channel wanted without a channel given: grouping by channel. */
  byChannel?: boolean;
  /** The rows' working days taken wanted too (DayFiguresRow.workingDaysTaken): a what-if target. */
  whatIf?: boolean;
}

/** The parts of a report's period that daily figures do not cover, left to read from the cases. */
export interface DayFiguresRead {
  /** [fromMs, toMs) instants, in order, not covered by a fresh day. */
  fromCases: Array<[number, number]>;
}

/** What a refresh did: days built now, and days found fresh. */
export interface DayFiguresRefresh {
  built: number;
  fresh: number;
  /** Days left for the next refresh because a writer held their change counter (PostgreSQL). */
  skipped: number;
}

/**
 * The layout of the figures this code builds and reads (CaseDayFiguresDay.layout): 1, the three
 * levels of migration 1766700001100; 2, the five of DAY_FIGURES_LEVELS, with the level over all
 * channels and the gender level (migration 1766700001300); 3, the six of DAY_FIGURES_LEVELS, with
 * the level per channel and gender (no migration: the same columns); 4, with the working days
 * taken for what-if targets (migration 1766700001900). Raise it with any change to what a
 * day's rows hold, so that days built the old way, by a process of the version before or by this
 * code before the change, are built again rather than read.
 */
export const DAY_FIGURES_LAYOUT = 4;

/** Runs a hand-written query without parameters and answers its rows as objects. */
type ReadRows = (sql: string) => Promise<unknown[]>;

/**
 * Daily figures of the cases report (docs/statistics.md, "Daily figures"): a roll-up per local
 * day, department, channel, catalog entry and citizen's gender of the cases received that day,
 * built from the cases themselves and used only while it is fresh, so it can never drift from them:
 *
 * - **fresh** means built with the calendar version now in force and this code's layout
 *   (DAY_FIGURES_LAYOUT), and no case received that day inserted, changed in a reported column
 *   (its citizen link and kept gender among them) or deleted since, nor its citizen's gender
 *   changed or its citizen deleted (the change counters the database triggers keep per UTC day,
 *   case_day_changes);
 * - a report takes the fresh days wholly inside its period from here and reads the rest of the
 *   period (the last days, changed days, the edges of a period that starts or ends within a day)
 *   from the cases, as before;
 * - refresh() builds every day that is not fresh, up to DAYS_READ_FROM_CASES days ago. It runs
 *   with the reconcilers (CaseDayFiguresReconciler: at start and every few minutes, in each
 *   process that runs jobs), so a changed day is rebuilt within minutes, and as the command
 *   `npm run statistics:refresh`.
 *
 * Figures are the same either way: counts and met/late are taken as the report would take them
 * (stored due time, else the default target's), the due times of what is still open are kept so
 * that missed and pending are counted against the report's own "now", and the working times of
 * resolved cases are kept whole for exact medians and 90th percentiles.
 */
@Injectable()
export class CaseDayFiguresService {
  private refreshing: Promise<DayFiguresRefresh> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly sql: StatisticsSql,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
  ) {}

  /**
   * Builds every day that is not fresh; a refresh already under way is waited for instead of
   * starting another. `stop`: asked between batches of days (a shutdown does not wait for a
   * first build of years); the days left are built next time.
   */
  refresh(stop: () => boolean = () => false): Promise<DayFiguresRefresh> {
    this.refreshing ??= this.refreshAll(stop).finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  /**
   * Hands the figures of the fresh days wholly inside the context's period to `onRows`, in no
   * order of days: read a month at a time, READS_AT_ONCE months under way at once, and handed over
   * DAY_FIGURES_PER_BATCH rows at most at a time (a batch may be empty), filtered to the
   * department scope and channel, and answers the rest
   * of the period as instant ranges to read from the cases. By catalog entry, the rows over all
   * channels are read, or with a channel those of that channel; by gender likewise, at the gender
   * level over all channels or the one per channel (DAY_FIGURES_LEVELS).
   *
   * A year of daily figures is tens of thousands of rows with their lists of times; read and
   * handed over in pieces with other requests let in between, it does not hold the event loop.
   */
  async read(
    context: { calendarVersion: number; timeZone: string; period: { fromMs: number; toMs: number } },
    filter: DayFiguresFilter,
    onRows: (rows: DayFiguresRow[]) => void,
  ): Promise<DayFiguresRead> {
    const { fromMs, toMs } = context.period;
    const days = wholeLocalDays(fromMs, toMs, context.timeZone);
    const fresh = await this.freshDays(days, context.calendarVersion, (sql) => this.sql.rows(sql, {}));
    const freshByName = new Map(fresh.map((day) => [day.localDay, day]));
    const reads: LocalDay[][] = [];
    for (let index = 0; index < fresh.length; index += DAYS_PER_READ)
      reads.push(fresh.slice(index, index + DAYS_PER_READ));
    // Read a month at a time, READS_AT_ONCE months under way at once: rows come in no order of days.
    await atMostAtOnce(
      reads.map(
        (days) => () =>
          this.readDays(days[0], days[days.length - 1], filter, (read) => {
            // Days between first and last that are not fresh have rows too: those are left out.
            const rows: DayFiguresRow[] = [];
            for (const row of read) {
              const day = freshByName.get(row[0]);
              if (day) rows.push(dayFiguresRow(day, row));
            }
            onRows(rows);
          }),
      ),
      READS_AT_ONCE,
    );
    const fromCases: Array<[number, number]> = [];
    let cursor = fromMs;
    for (const day of fresh) {
      if (day.startMs > cursor) fromCases.push([cursor, day.startMs]);
      cursor = day.endMs;
    }
    if (cursor < toMs) fromCases.push([cursor, toMs]);
    return { fromCases };
  }

  /** The daily figures of the days first to last (local dates), in the filter's scope, in batches. */
  private readDays(
    first: LocalDay,
    last: LocalDay,
    filter: DayFiguresFilter,
    onBatch: (rows: DayFiguresSqlRow[]) => void,
  ): Promise<void> {
    const parameters: SqlParameters = { fromDay: first.localDay, toDay: last.localDay };
    // Literal, as both databases spell it: better-sqlite3 takes no boolean parameter.
    const conditions = [
      `by_catalog = ${filter.byCatalog ? 'TRUE' : 'FALSE'}`,
      `by_gender = ${filter.byGender ? 'TRUE' : 'FALSE'}`,
      'local_day >= :fromDay',
      'local_day <= :toDay',
    ];
    // With a channel, scopeConditions picks the rows of that channel, at the catalog or gender
    // level or per channel; without, the rows over all channels, unless those per channel are wanted.
    if (!filter.channel) conditions.push(filter.byChannel ? 'channel IS NOT NULL' : 'channel IS NULL');
    conditions.push(
      ...scopeConditions(
        { departmentCodes: filter.departmentCodes ?? null },
        filter.channel,
        { departmentColumn: 'department_code', channelColumn: 'channel' },
        parameters,
      ),
    );
    return this.sql.arrayBatches<DayFiguresSqlRow>(
      `SELECT local_day, department_code, channel, catalog_code, gender, received, duplicates, returned, reopened,
         first_response_met, first_response_late, resolution_met, resolution_late,
         first_response_open, resolution_open, resolved, lists${filter.whatIf ? ', working_days_taken' : ''}
       FROM case_day_figures WHERE ${conditions.join(' AND ')}`,
      parameters,
      DAY_FIGURES_PER_BATCH,
      onBatch,
    );
  }

  private async refreshAll(stop: () => boolean): Promise<DayFiguresRefresh> {
    const { calendar, version } = await this.calendars.currentVersion();
    const timeZone = calendar.settings.timeZone;
    // MIN alone in its query, so that both databases answer it from the index on received_at.
    const [earliest] = await this.dataSource.query<Array<{ received: number | string | null }>>(
      `SELECT ${this.sql.epochMs('m.received_at')} AS received FROM (SELECT MIN(received_at) AS received_at FROM ${T.cases}) m`,
    );
    const result: DayFiguresRefresh = { built: 0, fresh: 0, skipped: 0 };
    if (earliest?.received === null || earliest?.received === undefined) return result;
    // The database's triggers count by the real clock; a clock set ahead (tests, demos) must not build days they would miss.
    const nowMs = Math.min(this.clock.now().getTime(), Date.now());
    const until = localDayOf(nowMs - DAYS_READ_FROM_CASES * MS_PER_DAY, timeZone).startMs;
    const days = wholeLocalDays(localDayOf(Number(earliest.received), timeZone).startMs, until, timeZone);
    const fresh = new Set(
      (await this.freshDays(days, version, (sql) => this.dataSource.query(sql))).map((day) => day.localDay),
    );
    result.fresh = fresh.size;
    const stale = days.filter((day) => !fresh.has(day.localDay));
    for (let index = 0; index < stale.length && !stop();) {
      // Consecutive days only, so one range of received_at covers the batch.
      let end = index + 1;
      while (end < stale.length && end - index < DAYS_PER_BUILD && stale[end].startMs === stale[end - 1].endMs) end++;
      const batch = stale.slice(index, end);
      index = end;
      if (await this.build(batch, calendar, version)) result.built += batch.length;
      else result.skipped += batch.length;
      await letOthersRun();
    }
    return result;
  }

  /** Of `days`, those built with `calendarVersion` and this layout whose cases have not changed since. */
  private async freshDays(days: LocalDay[], calendarVersion: number, read: ReadRows): Promise<LocalDay[]> {
    if (days.length === 0) return [];
    const from = days[0].localDay;
    const to = days[days.length - 1].localDay;
    const built = (await read(
      `SELECT local_day, change_mark FROM case_day_figures_days
       WHERE local_day >= '${from}' AND local_day <= '${to}' AND calendar_version = ${Number(calendarVersion)}
         AND layout = ${DAY_FIGURES_LAYOUT}`,
    )) as Array<{ local_day: string; change_mark: number | string }>;
    if (built.length === 0) return [];
    const changes = await this.changeCounts(
      read,
      utcDaysOf({ startMs: days[0].startMs, endMs: days[days.length - 1].endMs }),
    );
    const builtMarks = new Map(built.map((row) => [row.local_day, Number(row.change_mark)]));
    return days.filter((day) => builtMarks.get(day.localDay) === changeMark(day, changes));
  }

  private async changeCounts(read: ReadRows, utcDays: string[]): Promise<Map<string, number>> {
    const rows = (await read(
      `SELECT utc_day, change_count FROM case_day_changes
       WHERE utc_day >= '${utcDays[0]}' AND utc_day <= '${utcDays[utcDays.length - 1]}'`,
    )) as Array<{ utc_day: string; change_count: number | string }>;
    return new Map(rows.map((row) => [row.utc_day, Number(row.change_count)]));
  }

  /**
   * Builds consecutive days in one transaction: reads their change counters, then their cases,
   * and replaces their figures. On PostgreSQL the counters are locked first (NOWAIT), so a case
   * written while the day is read either commits before (and is read) or after (and marks the
   * day changed again); a counter a writer holds leaves the batch for next time (answers false).
   * On SQLite the transaction reads one snapshot and is the only writer.
   */
  private async build(days: LocalDay[], calendar: BusinessCalendar, calendarVersion: number): Promise<boolean> {
    const fromMs = days[0].startMs;
    const toMs = days[days.length - 1].endMs;
    const utcDays = utcDaysOf({ startMs: fromMs, endMs: toMs });
    try {
      await this.transactions.run(
        async (manager) => {
          const changes = await this.lockChangeCounts(manager, utcDays);
          const rows = await this.figuresOf(manager, days, calendar);
          const names = days.map((day) => `'${day.localDay}'`).join(', ');
          await manager.query(`DELETE FROM case_day_figures WHERE local_day IN (${names})`);
          await manager.query(`DELETE FROM case_day_figures_days WHERE local_day IN (${names})`);
          await bulkInsertInBatches(manager, CaseDayFigures, rows);
          const builtAt = new Date();
          await bulkInsert(
            manager,
            CaseDayFiguresDay,
            days.map((day) => ({
              localDay: day.localDay,
              calendarVersion,
              changeMark: changeMark(day, changes),
              layout: DAY_FIGURES_LAYOUT,
              builtAt,
            })),
          );
        },
        { alone: true },
      );
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) return false;
      throw error;
    }
  }

  private async lockChangeCounts(manager: EntityManager, utcDays: string[]): Promise<Map<string, number>> {
    if (!this.sql.postgres) return this.changeCounts((sql) => manager.query(sql), utcDays);
    await manager
      .createQueryBuilder()
      .insert()
      .into(CaseDayChange)
      .values(utcDays.map((utcDay) => ({ utcDay, changeCount: 0 })))
      .orIgnore()
      .execute();
    const rows = await manager.query<Array<{ utc_day: string; change_count: number | string }>>(
      `SELECT utc_day, change_count FROM case_day_changes WHERE utc_day = ANY($1) ORDER BY utc_day FOR UPDATE NOWAIT`,
      [utcDays],
    );
    return new Map(rows.map((row) => [row.utc_day, Number(row.change_count)]));
  }

  /** The figures of the cases received on `days`, measured as the cases report measures them. */
  private async figuresOf(
    manager: EntityManager,
    days: LocalDay[],
    calendar: BusinessCalendar,
  ): Promise<Array<Partial<CaseDayFigures>>> {
    const fromMs = days[0].startMs;
    const toMs = days[days.length - 1].endMs;
    const ms = (column: string) => this.sql.epochMs(column);
    // The gender as the report by gender takes it: the citizen's, kept on the case.
    const cases = await manager.query<CaseSqlRow[]>(
      `SELECT ${ms('c.received_at')} AS received, c.status, c.department_code, c.channel, c.catalog_code,
         c.citizen_gender AS gender,
         ${ms('c.first_response_at')} AS first_response, ${ms('c.resolved_at')} AS resolved,
         ${ms('c.first_response_due_at')} AS first_response_due, ${ms('c.resolution_due_at')} AS resolution_due,
         c.return_count, c.reopen_count
       FROM ${T.cases} c
       WHERE c.received_at >= ${this.sql.instantLiteral(fromMs)} AND c.received_at < ${this.sql.instantLiteral(toMs)}`,
    );
    // The default targets, and day 0 (within 0 working days), from which the working days taken are counted.
    const deadlines = new ArrivalDeadlines(calendar, fromMs, toMs, [
      DEFAULT_CASE_TARGETS.firstResponseTargetWorkingDays,
      DEFAULT_CASE_TARGETS.resolutionTargetWorkingDays,
      0,
    ]);
    const workingDays = new WorkingDaysCounter(calendar);
    const groups = new Map<string, DayGroup>();
    const groupsOf = (day: LocalDay, row: CaseSqlRow): DayGroup[] => {
      // Each code as JSON, once per case: a null code stays apart from an empty one, and the
      // joined codes of two groups are equal only when every code is.
      const [department, channel, catalog, gender] = [
        row.department_code,
        row.channel,
        row.catalog_code,
        row.gender,
      ].map((code) => JSON.stringify(code));
      return DAY_FIGURES_LEVELS.map((level, levelIndex) => {
        const key = `${levelIndex},${day.localDay},${department},${level.byChannel ? channel : 'null'},${
          level.byCatalog ? catalog : 'null'
        },${level.byGender ? gender : 'null'}`;
        let group = groups.get(key);
        if (!group) groups.set(key, (group = new DayGroup(day, row, level)));
        return group;
      });
    };
    for (const row of cases) {
      const receivedMs = Number(row.received);
      const ofCase = groupsOf(days[dayIndex(days, receivedMs)], row);
      if (row.status === 'duplicate') {
        for (const group of ofCase) group.addDuplicate();
        continue;
      }
      const resolvedMs = orNull(row.resolved);
      const firstResponseMs = orNull(row.first_response);
      const day0ClosingMs = deadlines.dueMs(receivedMs, 2);
      const daysTaken = (doneMs: number | null) =>
        doneMs === null ? null : workingDays.daysTaken(receivedMs, day0ClosingMs, doneMs);
      const measured: MeasuredCase = {
        receivedMs,
        day0ClosingMs,
        returned: Number(row.return_count) > 0,
        reopened: Number(row.reopen_count) > 0,
        firstResponseMs,
        firstResponseDaysTaken: daysTaken(firstResponseMs),
        resolutionDaysTaken: daysTaken(resolvedMs),
        firstResponseDueMs: orNull(row.first_response_due) ?? deadlines.dueMs(receivedMs, 0),
        resolvedMs,
        resolutionDueMs: orNull(row.resolution_due) ?? deadlines.dueMs(receivedMs, 1),
        workingMinutes:
          resolvedMs === null ? null : calendar.workingMinutesBetween(new Date(receivedMs), new Date(resolvedMs)),
      };
      for (const group of ofCase) group.add(measured);
    }
    return [...groups.values()].map((group) => group.entity());
  }
}

type DayFiguresSqlRow = [
  localDay: string,
  departmentCode: string | null,
  channel: string | null,
  catalogCode: string | null,
  gender: string | null,
  ...counts: Array<number | string>,
];

interface CaseSqlRow {
  received: number | string;
  status: string;
  department_code: string | null;
  channel: string;
  catalog_code: string | null;
  gender: string | null;
  first_response: number | string | null;
  resolved: number | string | null;
  first_response_due: number | string | null;
  resolution_due: number | string | null;
  return_count: number | string;
  reopen_count: number | string;
}

/** What one level of the daily figures adds each day's cases up by, besides their department. */
interface DayFiguresLevel {
  byChannel: boolean;
  byCatalog: boolean;
  byGender: boolean;
}

/**
 * The levels each day's cases are added up at (CaseDayFigures.byCatalog, byGender):
 * - over all channels and catalog entries (channel null), which every ask but by channel, of one
 *   channel, by catalog entry and by gender reads: a year of it at 1M cases is some 3,300 rows
 *   against 16,400 per channel, and each row costs the reader and the main thread a few
 *   microseconds whatever its size;
 * - per channel over all catalog entries, for the report by channel or of one channel;
 * - per catalog entry over all channels (channel null), for the report by catalog entry: a fifth
 *   of the rows it would be with channels too;
 * - per channel and catalog entry, for the report by catalog entry of one channel only;
 * - per citizen's gender over all channels (channel null), for the report by gender: with
 *   channels too it has some five times the rows of the first level, and a year of them took
 *   longer to read than the report's 300 ms (428 ms at 1M cases on SQLite);
 * - per channel and citizen's gender, for the report by gender of one channel only, which reads
 *   one channel's rows: without it that report read every case of the channel (12.7 s at 10M
 *   cases on PostgreSQL).
 */
const DAY_FIGURES_LEVELS: readonly DayFiguresLevel[] = [
  { byChannel: false, byCatalog: false, byGender: false },
  { byChannel: true, byCatalog: false, byGender: false },
  { byChannel: false, byCatalog: true, byGender: false },
  { byChannel: true, byCatalog: true, byGender: false },
  { byChannel: false, byCatalog: false, byGender: true },
  { byChannel: true, byCatalog: false, byGender: true },
];

/** Met and late of the cases done, and the due times of those still open. */
class DeadlineFigures {
  met = 0;
  late = 0;
  readonly openDueMs: number[] = [];

  add(doneMs: number | null, dueMs: number): void {
    if (doneMs === null) this.openDueMs.push(dueMs);
    else if (doneMs <= dueMs) this.met++;
    else this.late++;
  }
}

/** A non-duplicate case as a day's figures count it. */
interface MeasuredCase {
  receivedMs: number;
  /** The close of day 0 of its arrival: addWorkingDays(received, 0). */
  day0ClosingMs: number;
  /** Whole working days to the first response and to resolution (WorkingDaysCounter); null while not done. */
  firstResponseDaysTaken: number | null;
  resolutionDaysTaken: number | null;
  returned: boolean;
  reopened: boolean;
  firstResponseMs: number | null;
  firstResponseDueMs: number;
  resolvedMs: number | null;
  resolutionDueMs: number;
  workingMinutes: number | null;
}

class DayGroup {
  received = 0;
  duplicates = 0;
  returned = 0;
  reopened = 0;
  readonly firstResponse = new DeadlineFigures();
  readonly resolution = new DeadlineFigures();
  readonly workingMinutes: number[] = [];
  readonly firstResponseDays: WorkingDaysTakenTally;
  readonly resolutionDays: WorkingDaysTakenTally;

  constructor(
    private readonly day: LocalDay,
    private readonly key: Pick<CaseSqlRow, 'department_code' | 'channel' | 'catalog_code' | 'gender'>,
    private readonly level: DayFiguresLevel,
  ) {
    this.firstResponseDays = new WorkingDaysTakenTally(day.startMs);
    this.resolutionDays = new WorkingDaysTakenTally(day.startMs);
  }

  addDuplicate(): void {
    this.received++;
    this.duplicates++;
  }

  add(measured: MeasuredCase): void {
    this.received++;
    if (measured.returned) this.returned++;
    if (measured.reopened) this.reopened++;
    this.firstResponse.add(measured.firstResponseMs, measured.firstResponseDueMs);
    this.resolution.add(measured.resolvedMs, measured.resolutionDueMs);
    if (measured.workingMinutes !== null) this.workingMinutes.push(measured.workingMinutes);
    for (const [tally, daysTaken] of [
      [this.firstResponseDays, measured.firstResponseDaysTaken],
      [this.resolutionDays, measured.resolutionDaysTaken],
    ] as const)
      if (daysTaken === null) tally.addOpen(measured.receivedMs, measured.day0ClosingMs);
      else tally.addDone(daysTaken);
  }

  entity(): Partial<CaseDayFigures> {
    return {
      localDay: this.day.localDay,
      byCatalog: this.level.byCatalog,
      byGender: this.level.byGender,
      departmentCode: this.key.department_code,
      channel: this.level.byChannel ? this.key.channel : null,
      catalogCode: this.level.byCatalog ? this.key.catalog_code : null,
      gender: this.level.byGender ? this.key.gender : null,
      received: this.received,
      duplicates: this.duplicates,
      returned: this.returned,
      reopened: this.reopened,
      firstResponseMet: this.firstResponse.met,
      firstResponseLate: this.firstResponse.late,
      resolutionMet: this.resolution.met,
      resolutionLate: this.resolution.late,
      firstResponseOpen: this.firstResponse.openDueMs.length,
      resolutionOpen: this.resolution.openDueMs.length,
      resolved: this.workingMinutes.length,
      lists: float64Bytes(
        Float64Array.from([
          ...this.firstResponse.openDueMs.sort((a, b) => a - b),
          ...this.resolution.openDueMs.sort((a, b) => a - b),
          ...this.workingMinutes,
        ]),
      ),
      workingDaysTaken: workingDaysTakenBytes(this.firstResponseDays, this.resolutionDays),
    };
  }
}

/** The sum of the change counters of the UTC days a local day touches: it only grows. */
function changeMark(day: LocalDay, changes: Map<string, number>): number {
  return utcDaysOf(day).reduce((sum, utcDay) => sum + (changes.get(utcDay) ?? 0), 0);
}

/** Index of the day an instant falls in; days are consecutive and the instant within them. */
function dayIndex(days: LocalDay[], instantMs: number): number {
  let low = 0;
  let high = days.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (days[middle].startMs <= instantMs) low = middle;
    else high = middle - 1;
  }
  return low;
}

function orNull(value: number | string | null): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** Little-endian Float64 bytes, as x86 and ARM hold them. */
function float64Bytes(values: Float64Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

/**
 * The Float64 values of bytes read back: a Buffer (pooled, so perhaps not 8-byte aligned) or a
 * Uint8Array from a SQLite reader (a view into the one buffer of the whole answer, at a multiple
 * of eight bytes). Aligned bytes are viewed as they are; others are copied once. A view keeps
 * that whole buffer alive and shares it with the answer's other rows: its values are copied into
 * a ValueList (pushAll), never kept or handed to another thread themselves.
 */
export function float64Values(bytes: Uint8Array): Float64Array {
  if (bytes.byteOffset % 8 === 0) return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float64Array(copy.buffer);
}

function dayFiguresRow(day: LocalDay, row: DayFiguresSqlRow): DayFiguresRow {
  const [, departmentCode, channel, catalogCode, gender, ...rest] = row;
  const n = rest.slice(0, 11).map(Number);
  const lists = float64Values(rest[11] as unknown as Uint8Array);
  const workingDaysTaken = rest[12] as unknown as Uint8Array | null | undefined;
  const [firstResponseOpen, resolutionOpen, resolved] = [n[8], n[9], n[10]];
  return {
    day,
    departmentCode,
    channel,
    catalogCode,
    gender,
    received: n[0],
    duplicates: n[1],
    returned: n[2],
    reopened: n[3],
    firstResponse: { met: n[4], late: n[5], openDueMs: lists.subarray(0, firstResponseOpen) },
    resolution: {
      met: n[6],
      late: n[7],
      openDueMs: lists.subarray(firstResponseOpen, firstResponseOpen + resolutionOpen),
    },
    resolutionWorkingMinutes: lists.subarray(
      firstResponseOpen + resolutionOpen,
      firstResponseOpen + resolutionOpen + resolved,
    ),
    // Null only on a day of an older layout, which is never fresh.
    ...(workingDaysTaken ? { workingDaysTaken: workingDaysTakenOf(workingDaysTaken, day.startMs) } : {}),
  };
}
