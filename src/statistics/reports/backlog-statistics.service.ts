import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../../auth/roles';
import { OPEN_STATUSES } from '../../cases/case-lifecycle';
import { Clock } from '../../common/clock';
import { CalendarService } from '../../calendar/calendar.service';
import { BacklogGroupBy, BacklogQuery } from '../dto/backlog-query.dto';
import { ALL_GROUP, compareGroupKeys, GroupKey } from '../report-grouping';
import { departmentScope } from '../statistics-scope';
import { SqlParameters, StatisticsSql } from '../sql/statistics-sql.service';
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
const AGE_FIELDS = ['age0To2WorkingDays', 'age3To5WorkingDays', 'age6To10WorkingDays', 'ageOver10WorkingDays'] as const;

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
    const conditions = ['c.status IN (:...openStatuses)'];
    if (scope.departmentCodes) {
      conditions.push('c.department_code IN (:...departmentCodes)');
      parameters.departmentCodes = scope.departmentCodes;
    }
    if (query.channel) {
      conditions.push('c.channel = :channel');
      parameters.channel = query.channel;
    }
    const oldest = await this.sql.rows<{ oldest_ms: number | null }>(
      `SELECT MIN(${this.sql.epochMs('c.received_at')}) AS oldest_ms FROM ${T.cases} c WHERE ${conditions.join(' AND ')}`,
      parameters,
    );
    const groups = new Map<GroupKey, BacklogRow>();
    const total = backlogRow('total');
    const oldestMs = oldest[0]?.oldest_ms;
    if (oldestMs !== null && oldestMs !== undefined) {
      const groupColumn = query.groupBy ? GROUP_COLUMNS[query.groupBy] : 'NULL';
      const sql = `SELECT ${groupColumn} AS group_value, ${this.sql.epochMs('c.received_at')} AS received_ms FROM ${T.cases} c
        WHERE ${conditions.join(' AND ')} AND c.received_at >= :sliceFrom AND c.received_at < :sliceTo`;
      await readInTimeSlices(
        Number(oldestMs),
        nowMs + 1,
        (sliceFrom, sliceTo) =>
          this.sql.rows<{ group_value: string | null; received_ms: number }>(sql, {
            ...parameters,
            sliceFrom,
            sliceTo,
          }),
        (rows) => {
          for (const row of rows) {
            const key = query.groupBy ? row.group_value : ALL_GROUP;
            const received = new Date(Number(row.received_ms));
            const ageIndex = AGE_LIMITS_WORKING_DAYS.findIndex(
              (limit) => nowMs <= calendar.addWorkingDays(received, limit).getTime(),
            );
            const field = AGE_FIELDS[ageIndex === -1 ? AGE_FIELDS.length - 1 : ageIndex];
            const group = groups.get(key) ?? backlogRow(key);
            groups.set(key, group);
            for (const counted of [group, total]) {
              counted.open++;
              counted[field]++;
            }
          }
        },
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
