import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/roles';
import { Clock } from '../common/clock';
import { InvalidInputError } from '../common/domain-errors';
import { TransactionService } from '../database/transaction.service';
import {
  BusinessCalendar,
  BusinessCalendarSettingsInput,
  DEFAULT_CALENDAR_SETTINGS,
  MAX_YEARS_SEARCHED,
  validateCalendarSettings,
} from './business-calendar';
import { CalendarSettingsView } from './calendar-settings.view';
import { WorkingTimeQuery } from './dto/working-time-query.dto';
import { CalendarSettingsVersion } from './entities/calendar-settings-version.entity';
import { parseMunicipalTime } from './municipal-time';
import { sqlNames } from '../database/sql-names';

export interface WorkingTimeAnswer {
  from: Date;
  to?: Date;
  workingMinutes?: number;
  workingDays?: number;
  dueAt?: Date;
  calendarVersion: number;
}

/** A business calendar together with the settings version it was built from. */
export interface VersionedCalendar {
  version: number;
  calendar: BusinessCalendar;
  updatedAt: Date | null;
  updatedById: string | null;
}

/**
 * The municipality's business calendar for every other module: `current()` answers the calendar
 * of the newest settings version. Building one costs a few milliseconds per year it is asked
 * about, so it is kept and reused until a newer version appears. The version is looked up on
 * every call (one indexed row) rather than cached, because the worker process and the API
 * process must both see an administrator's change at once.
 */
@Injectable()
export class CalendarService {
  private cached: VersionedCalendar | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
  ) {}

  /**
   * Inside a transaction, pass its manager: on PostgreSQL the transaction holds a pooled
   * connection, and reading through the data source would wait for a second one (many
   * intakes at once would then wait on each other for good).
   */
  async current(manager?: EntityManager): Promise<BusinessCalendar> {
    return (await this.currentVersion(manager)).calendar;
  }

  async currentVersion(manager: EntityManager = this.dataSource.manager): Promise<VersionedCalendar> {
    // Written by hand: it runs in every intake, and TypeORM's builder took longer than the query.
    const { table, column } = sqlNames(manager, CalendarSettingsVersion);
    const [newest] = await manager.query<Array<{ version: number | string }>>(
      `SELECT ${column('version')} AS version FROM ${table} ORDER BY ${column('version')} DESC LIMIT 1`,
    );
    const version = newest ? Number(newest.version) : 0;
    if (this.cached?.version === version) return this.cached;
    const loaded =
      version === 0 ? defaultCalendar() : fromRow(await manager.findOneByOrFail(CalendarSettingsVersion, { version }));
    // A slower concurrent load of an older version must not replace a newer one.
    if (!this.cached || this.cached.version < loaded.version) this.cached = loaded;
    return loaded;
  }

  /**
   * A time as a person or a file gave it, read by the one rule of municipal-time.ts in the
   * calendar's time zone: local time unless the text names a zone; a bare date is local midnight.
   *
   * @throws InvalidInputError naming `field` when the text is not such a time.
   */
  async instant(field: string, text: string, manager?: EntityManager): Promise<Date> {
    const timeZone = (await this.current(manager)).settings.timeZone;
    const instant = parseMunicipalTime(text, timeZone);
    if (!instant) {
      throw new InvalidInputError([
        `${field}: "${text}" is not a date (YYYY-MM-DD), a local date and time (YYYY-MM-DD HH:MM) or an ISO 8601 instant`,
      ]);
    }
    return instant;
  }

  /** `instant` for an optional value: undefined stays undefined. */
  async optionalInstant(field: string, text: string | undefined, manager?: EntityManager): Promise<Date | undefined> {
    return text === undefined ? undefined : this.instant(field, text, manager);
  }

  async settings(): Promise<CalendarSettingsView> {
    return toView(await this.currentVersion());
  }

  /** All stored versions, newest first. */
  async history(): Promise<CalendarSettingsView[]> {
    const rows = await this.dataSource.manager.find(CalendarSettingsVersion, { order: { version: 'DESC' } });
    return rows.map((row) => toView(fromRow(row)));
  }

  /**
   * The working-time helper. Its work grows with the span it walks, so the span is bounded as
   * the calendar's own searches are: `to` at most MAX_YEARS_SEARCHED years from `from`, and a
   * deadline that would fall later is refused (400) rather than searched for.
   */
  async workingTime(query: WorkingTimeQuery): Promise<WorkingTimeAnswer> {
    const asked = [query.to, query.addWorkingDays, query.addWorkingMinutes].filter(
      (value) => value !== undefined,
    ).length;
    if (asked !== 1) throw new InvalidInputError(['give exactly one of to, addWorkingDays and addWorkingMinutes']);
    const { version, calendar } = await this.currentVersion();
    const from = await this.instant('from', query.from);
    if (query.to !== undefined) {
      const to = await this.instant('to', query.to);
      const start = DateTime.fromJSDate(from < to ? from : to, { zone: 'utc' });
      if (start.plus({ years: MAX_YEARS_SEARCHED }).toMillis() < Math.max(from.getTime(), to.getTime()))
        throw new InvalidInputError([`to: at most ${MAX_YEARS_SEARCHED} years from from`]);
      return { from, to, workingMinutes: calendar.workingMinutesBetween(from, to), calendarVersion: version };
    }
    if (query.addWorkingDays !== undefined) {
      const workingDays = query.addWorkingDays;
      const dueAt = withinSearch('addWorkingDays', () => calendar.addWorkingDays(from, workingDays));
      return { from, workingDays, dueAt, calendarVersion: version };
    }
    const workingMinutes = query.addWorkingMinutes as number;
    const dueAt = withinSearch('addWorkingMinutes', () => calendar.addWorkingMinutes(from, workingMinutes));
    return { from, workingMinutes, dueAt, calendarVersion: version };
  }

  /** Stores a new version. Bad settings change nothing and answer every problem at once. */
  async replace(principal: StaffPrincipal, input: unknown): Promise<CalendarSettingsView> {
    const problems = validateCalendarSettings(input);
    if (problems.length > 0) throw new InvalidInputError(problems);
    const calendar = new BusinessCalendar(input as BusinessCalendarSettingsInput);
    const stored = await this.transactions.run((manager) =>
      manager.save(
        manager.create(CalendarSettingsVersion, {
          settings: calendar.settings,
          createdAt: this.clock.now(),
          createdById: principal.id,
        }),
      ),
    );
    const versioned = {
      version: stored.version,
      calendar,
      updatedAt: stored.createdAt,
      updatedById: stored.createdById,
    };
    if (!this.cached || this.cached.version < versioned.version) this.cached = versioned;
    return toView(versioned);
  }
}

/** A deadline the calendar finds, or a 400 naming the parameter when it lies beyond the years searched. */
function withinSearch(parameter: string, find: () => Date): Date {
  try {
    return find();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new InvalidInputError([`${parameter}: the answer would be more than ${MAX_YEARS_SEARCHED} years after from`]);
  }
}

function defaultCalendar(): VersionedCalendar {
  return { version: 0, calendar: new BusinessCalendar(DEFAULT_CALENDAR_SETTINGS), updatedAt: null, updatedById: null };
}

function fromRow(row: CalendarSettingsVersion): VersionedCalendar {
  return {
    version: row.version,
    calendar: new BusinessCalendar(row.settings),
    updatedAt: row.createdAt,
    updatedById: row.createdById,
  };
}

function toView(versioned: VersionedCalendar): CalendarSettingsView {
  const { timeZone, openingHours, holidayCountry, closedDates, eves } = versioned.calendar.settings;
  return {
    version: versioned.version,
    timeZone,
    openingHours,
    holidayCountry,
    closedDates,
    eves,
    updatedAt: versioned.updatedAt,
    updatedById: versioned.updatedById,
  };
}
