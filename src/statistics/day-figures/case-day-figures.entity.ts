import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { instantType, usesPostgres } from '../../database/column-types';

/**
 * The cases report's figures of the cases received on one local day, for one department over all
 * channels, or for it and a channel, catalog entry, or both (byCatalog), or gender (byGender): a
 * daily roll-up, rebuilt from the cases by CaseDayFiguresService and used by the report only while
 * its day is fresh (CaseDayFiguresDay). docs/statistics.md, "Daily figures".
 *
 * Counts are of cases received that day; met and late compare each case's first response and
 * resolution with its stored due time, or the default target's when it has none. What depends on
 * the moment of the report (missed or pending) is kept as the due times of the cases not yet
 * answered or resolved, so the report counts it against its own "now". Lists of numbers are
 * Float64 values, little-endian, 8 bytes each (`lists`).
 */
@Entity('case_day_figures')
@Index('IDX_case_day_figures_day', ['byCatalog', 'byGender', 'localDay', 'channel'])
export class CaseDayFigures {
  @PrimaryGeneratedColumn('increment')
  id: number;

  /** YYYY-MM-DD in the calendar's time zone: the day the cases were received. */
  @Column({ type: 'varchar', length: 10 })
  localDay: string;

  /**
   * Each day's cases are added up six times: per department over all channels and entries
   * (false, channel and catalogCode null), which the report reads but by channel, of one channel,
   * by catalog entry and by gender; per department and channel (false, catalogCode null); per
   * department and catalog entry over all channels (true, channel null), for the report by catalog
   * entry; per department, channel and catalog entry (true, both set), for that report of one
   * channel; per department and gender over all channels (false, channel null, byGender true);
   * and per department, channel and gender (false, channel set, byGender true).
   */
  @Column({ type: 'boolean' })
  byCatalog: boolean;

  /**
   * The gender levels: per department and the citizen's gender over all channels, for the report
   * by gender (channel and catalogCode null), and per department, channel and gender, for that
   * report of one channel (catalogCode null); false at the other four (migration 1766700001300,
   * the level per channel since layout 3).
   */
  @Column({ type: 'boolean', default: () => 'false' })
  byGender: boolean;

  @Column({ type: 'varchar', length: 32, nullable: true })
  departmentCode: string | null;

  /** Null at the levels over all channels. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  channel: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  catalogCode: string | null;

  /**
   * At the gender level, the gender of the cases' citizen, or the one kept on the case once the
   * link was removed; null there for cases without one, and at the other levels.
   */
  @Column({ type: 'varchar', length: 16, nullable: true })
  gender: string | null;

  /** Every case received, duplicates included. */
  @Column({ type: 'integer' })
  received: number;

  @Column({ type: 'integer' })
  duplicates: number;

  /** Non-duplicates returned at least once. */
  @Column({ type: 'integer' })
  returned: number;

  /** Non-duplicates reopened at least once. */
  @Column({ type: 'integer' })
  reopened: number;

  @Column({ type: 'integer' })
  firstResponseMet: number;

  @Column({ type: 'integer' })
  firstResponseLate: number;

  @Column({ type: 'integer' })
  resolutionMet: number;

  @Column({ type: 'integer' })
  resolutionLate: number;

  /** Non-duplicates without a first response: the first list's length. */
  @Column({ type: 'integer' })
  firstResponseOpen: number;

  /** Unresolved non-duplicates: the second list's length. */
  @Column({ type: 'integer' })
  resolutionOpen: number;

  /** Resolved non-duplicates: the third list's length. */
  @Column({ type: 'integer' })
  resolved: number;

  /**
   * Three lists one after the other, in one value so that a year is read as one blob per row:
   * the due times (epoch ms, ascending) of the non-duplicates without a first response; those
   * of the unresolved non-duplicates; and the working minutes from receipt to resolution of the
   * resolved non-duplicates, by the calendar version of the day.
   */
  @Column({ type: usesPostgres() ? 'bytea' : 'blob' })
  lists: Buffer;

  /**
   * For a what-if target in the query: how many whole working days each non-duplicate took to
   * its first response and to resolution, and the arrivals of those still open, one per day 0
   * (WorkingDaysTaken, workingDaysTakenBytes: Int32 values, little-endian, the four lists'
   * lengths and then the lists, each arrival as milliseconds after the day's start). Null only on days
   * built before migration 1766700001900, which their layout keeps from being read.
   */
  @Column({ type: usesPostgres() ? 'bytea' : 'blob', nullable: true })
  workingDaysTaken: Buffer | null;
}

/**
 * One local day whose CaseDayFigures are built: with the calendar version they were measured with,
 * the change mark of the cases at the time (the sum of the CaseDayChange counters of the UTC
 * days the local day overlaps) and the layout of its figures. The day's figures are fresh while
 * all three still hold.
 */
@Entity('case_day_figures_days')
export class CaseDayFiguresDay {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  localDay: string;

  @Column({ type: 'integer' })
  calendarVersion: number;

  @Column({ type: 'integer' })
  changeMark: number;

  /**
   * How the day's figures are laid out (DAY_FIGURES_LAYOUT in CaseDayFiguresService): a day built
   * with another layout, by an older or newer version of the code, is not fresh. 0: before the
   * layouts were recorded.
   */
  @Column({ type: 'integer', default: 0 })
  layout: number;

  @Column({ type: instantType() })
  builtAt: Date;
}

/**
 * How often a case received on a UTC day has been inserted, changed in a column the cases report
 * reads (its citizen link and kept gender among them), or deleted, or had its citizen's gender
 * changed or its citizen deleted, since the day was first counted: written by database triggers
 * on the cases and citizens tables (migrations CaseDayFigures1766700000000 and
 * DayFiguresGenderLevel1766700001300), so no code path that writes them can forget it. Only
 * cases received more than two days before the change are counted; the last days are always read
 * from the cases.
 */
@Entity('case_day_changes')
export class CaseDayChange {
  /** YYYY-MM-DD, UTC. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  utcDay: string;

  @Column({ type: 'integer', default: 0 })
  changeCount: number;
}
