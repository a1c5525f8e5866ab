import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../../auth/roles';
import { OPEN_STATUSES } from '../../cases/case-lifecycle';
import { Clock } from '../../common/clock';
import { BusinessCalendar } from '../../calendar/business-calendar';
import { CalendarService } from '../../calendar/calendar.service';
import { BacklogGroupBy, BacklogQuery } from '../dto/backlog-query.dto';
import { ALL_GROUP, compareGroupKeys, GroupKey } from '../report-grouping';
import { departmentScope } from '../statistics-scope';
import { SqlParameters, StatisticsSql } from '../sql/statistics-sql.service';
import { CASE_SCOPE_COLUMNS, scopeConditions } from '../sql/report-selection';
import { readInTimeSlices } from '../sql/time-sliced-reader';
import { T } from '../sql/source-tables';

const GROUP_COLUMNS: Record<BacklogGroupBy, string> = {
  department: 'c.department_code',
  channel: 'c.channel',
  catalog: 'c.catalog_code',
  status: 'c.status',
};

export interface BacklogRow {
  group: GroupKey;
  open: number;
  age0To2WorkingDays: number;
  age3To5WorkingDays: number;
  age6To10WorkingDays: number;
  ageOver10WorkingDays: number;
}

export interface BacklogReport {
  report: 'backlog';
  at: string;
  timeZone: string;
  calendarVersion: number;
  groupBy: BacklogGroupBy | null;
  scope: { departmentCodes: string[] | 'all' };
  rows: BacklogRow[];
  total: BacklogRow;
}

/** Age limits in working days, with the same rule as every "within N working days" figure. */
const AGE_LIMITS_WORKING_DAYS = [2, 5, 10] as const;

/**
 * GET /api/v1/statistics/backlog: the open cases now (status new, triaged, routed, in_progress,
 * waiting, returned or reopened), by age in working days. A case is in "0-2" while it would
 * still meet a 2-working-day target if resolved now (now <= addWorkingDays(received, 2)), in
 * "3-5" while within 5, in "6-10" while within 10, and "over 10" after that.
 */
@Injectable()
export class BacklogStatisticsService {
  constructor(
    private readonly sql: StatisticsSql,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
  ) {}

  async report(principal: StaffPrincipal, query: BacklogQuery): Promise<BacklogReport> {
    const scope = departmentScope(principal, query.departmentCode);
    const { calendar, version } = await this.calendars.currentVersion();
    const nowMs = this.clock.now().getTime();
    const parameters: SqlParameters = { openStatuses: [...OPEN_STATUSES] };
    const conditions = [
      'c.status IN (:...openStatuses)',
      ...scopeConditions(scope, query.channel, CASE_SCOPE_COLUMNS, parameters),
    ];
    // On SQLite the open cases' index is named: without planner statistics (the app gathers none),
    // SQLite would take the index of department and status, or of channel and receipt, and read
    // every case's row or every case of the channel since the oldest open one.
    const openCases = `${T.cases} c${this.sql.indexedBy('IDX_cases_open_by_status')}`;
    const oldest = await this.sql.rows<{ oldest_ms: number | null }>(
      `SELECT MIN(${this.sql.epochMs('c.received_at')}) AS oldest_ms FROM ${openCases} WHERE ${conditions.join(' AND ')}`,
      parameters,
    );
    const groups = new Map<GroupKey, BacklogRow>();
    const total = backlogRow('total');
    const oldestMs = oldest[0]?.oldest_ms;
    if (oldestMs !== null && oldestMs !== undefined) {
      // The age band of a case depends only on whether it arrived before each band's threshold,
      // so the database counts the bands and no row comes to JavaScript.
      const thresholds = AGE_LIMITS_WORKING_DAYS.map((limit) =>
        earliestArrivalStillWithin(calendar, limit, nowMs, Number(oldestMs)),
      );
      const groupColumn = query.groupBy ? GROUP_COLUMNS[query.groupBy] : 'NULL';
      const sql = `SELECT ${groupColumn} AS group_value, COUNT(*),
          ${thresholds.map((thresholdMs) => `SUM(CASE WHEN c.received_at >= ${this.sql.instantLiteral(thresholdMs)} THEN 1 ELSE 0 END)`).join(', ')}
        FROM ${openCases}
        WHERE ${conditions.join(' AND ')} AND c.received_at >= :sliceFrom AND c.received_at < :sliceTo
        ${query.groupBy ? `GROUP BY ${groupColumn}` : ''}`;
      await readInTimeSlices(
        Number(oldestMs),
        nowMs + 1,
        (sliceFrom, sliceTo) =>
          this.sql.arrays<[GroupKey, ...Array<number | string | null>]>(sql, { ...parameters, sliceFrom, sliceTo }),
        (rows) => {
          for (const [groupValue, ...values] of rows) {
            const [open, within2, within5, within10] = values.map((value) => Number(value ?? 0));
            if (open === 0) continue;
            const key = query.groupBy ? groupValue : ALL_GROUP;
            const group = groups.get(key) ?? backlogRow(key);
            groups.set(key, group);
            for (const counted of [group, total]) {
              counted.open += open;
              counted.age0To2WorkingDays += within2;
              counted.age3To5WorkingDays += within5 - within2;
              counted.age6To10WorkingDays += within10 - within5;
              counted.ageOver10WorkingDays += open - within10;
            }
          }
        },
        (rows) => rows.reduce((sum, row) => sum + Number(row[1] ?? 0), 0),
      );
    }
    const keys = query.groupBy ? [...groups.keys()].sort(compareGroupKeys) : [ALL_GROUP];
    return {
      report: 'backlog',
      at: new Date(nowMs).toISOString(),
      timeZone: calendar.settings.timeZone,
      calendarVersion: version,
      groupBy: query.groupBy ?? null,
      scope: { departmentCodes: scope.departmentCodes ?? 'all' },
      rows: keys.map((key) => groups.get(key) ?? backlogRow(key)),
      total,
    };
  }
}

/**
 * The earliest arrival (UTC epoch ms, >= lowestMs) that is still within the limit now:
 * now <= addWorkingDays(arrival, limit). A later arrival never has an earlier deadline, so the
 * arrivals still within form one range from this instant on, found by binary search.
 */
export function earliestArrivalStillWithin(
  calendar: BusinessCalendar,
  limitWorkingDays: number,
  nowMs: number,
  lowestMs: number,
): number {
  let low = Math.min(lowestMs, nowMs);
  let high = nowMs;
  while (low < high) {
    const middle = low + Math.floor((high - low) / 2);
    if (nowMs <= calendar.addWorkingDays(new Date(middle), limitWorkingDays).getTime()) high = middle;
    else low = middle + 1;
  }
  return low;
}

function backlogRow(group: GroupKey): BacklogRow {
  return {
    group,
    open: 0,
    age0To2WorkingDays: 0,
    age3To5WorkingDays: 0,
    age6To10WorkingDays: 0,
    ageOver10WorkingDays: 0,
  };
}
