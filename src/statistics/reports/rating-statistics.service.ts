import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../../auth/roles';
import { ratingIndex } from '../../ratings/rating-index';
import { StatisticsQuery } from '../dto/statistics-query.dto';
import { PERIOD_GRANULARITIES } from '../period-buckets';
import { ReportContextService, reportOf, StatisticsReport } from '../report-context.service';
import { GroupBy, GroupKey } from '../report-grouping';
import { groupByClause, ReportTable, reportSelection } from '../sql/report-selection';
import { SqlParameters, StatisticsSql } from '../sql/statistics-sql.service';
import { T } from '../sql/source-tables';

const RATINGS: ReportTable = {
  table: `${T.citizenRatings} r`,
  instantColumn: 'r.rated_at',
  dimensions: {
    department: 'r.department_code',
    channel: 'r.channel',
    servicePoint: 'r.service_point_code',
    gender: 'r.gender',
  },
  departmentColumn: 'r.department_code',
  channelColumn: 'r.channel',
};
const RATING_GROUPINGS: readonly GroupBy[] = [
  'department',
  'channel',
  'servicePoint',
  'gender',
  ...PERIOD_GRANULARITIES,
];

export interface RatingStatisticsRow {
  group: GroupKey;
  ratings: number;
  easeAnswers: number;
  easeIndex: number | null;
  treatmentAnswers: number;
  treatmentIndex: number | null;
  clarityAnswers: number;
  clarityIndex: number | null;
}

interface RatingSums {
  ratings: number;
  easeSum: number;
  easeAnswers: number;
  treatmentSum: number;
  treatmentAnswers: number;
  claritySum: number;
  clarityAnswers: number;
}

/**
 * GET /api/v1/statistics/ratings: citizen rating indexes (0-100, national service measurement
 * scale) of ease, treatment and clarity, by the time of rating. Sums and counts in SQL; the
 * index of a group is 25 * (mean score - 1), the mean of its answers' indexes.
 */
@Injectable()
export class RatingStatisticsService {
  constructor(
    private readonly contexts: ReportContextService,
    private readonly sql: StatisticsSql,
  ) {}

  async report(principal: StaffPrincipal, query: StatisticsQuery): Promise<StatisticsReport<RatingStatisticsRow>> {
    const context = await this.contexts.build(principal, query, RATING_GROUPINGS);
    const parameters: SqlParameters = {};
    const selection = reportSelection(RATINGS, context, this.sql, parameters, true);
    const rows = await this.sql.rows<Record<string, unknown>>(
      `${selection.withClause} SELECT group_key, COUNT(*) AS ratings,
         SUM(ease) AS ease_sum, COUNT(ease) AS ease_answers, SUM(treatment) AS treatment_sum, COUNT(treatment) AS treatment_answers,
         SUM(clarity) AS clarity_sum, COUNT(clarity) AS clarity_answers
       FROM (SELECT ${selection.groupColumn} AS group_key, r.ease AS ease, r.treatment AS treatment, r.clarity AS clarity FROM ${selection.from} WHERE ${selection.where}) rated
       ${groupByClause(this.sql, [['group_key', selection.groupColumn]])}`,
      parameters,
    );
    const sums = new Map<GroupKey, RatingSums>(
      rows.map((row) => [
        context.grouping.keyOfSqlGroup(row.group_key),
        {
          ratings: Number(row.ratings),
          easeSum: Number(row.ease_sum ?? 0),
          easeAnswers: Number(row.ease_answers),
          treatmentSum: Number(row.treatment_sum ?? 0),
          treatmentAnswers: Number(row.treatment_answers),
          claritySum: Number(row.clarity_sum ?? 0),
          clarityAnswers: Number(row.clarity_answers),
        },
      ]),
    );
    const total = emptySums();
    for (const group of sums.values())
      for (const field of Object.keys(total) as Array<keyof RatingSums>) total[field] += group[field];
    const result = context.grouping.keysInOrder(sums.keys()).map((key) => ratingRow(key, sums.get(key) ?? emptySums()));
    return reportOf('ratings', context, { scale: '1-5 as 0, 25, 50, 75, 100' }, result, ratingRow('total', total));
  }
}

function emptySums(): RatingSums {
  return {
    ratings: 0,
    easeSum: 0,
    easeAnswers: 0,
    treatmentSum: 0,
    treatmentAnswers: 0,
    claritySum: 0,
    clarityAnswers: 0,
  };
}

function ratingRow(group: GroupKey, sums: RatingSums): RatingStatisticsRow {
  return {
    group,
    ratings: sums.ratings,
    easeAnswers: sums.easeAnswers,
    easeIndex: ratingIndex(sums.easeSum, sums.easeAnswers),
    treatmentAnswers: sums.treatmentAnswers,
    treatmentIndex: ratingIndex(sums.treatmentSum, sums.treatmentAnswers),
    clarityAnswers: sums.clarityAnswers,
    clarityIndex: ratingIndex(sums.claritySum, sums.clarityAnswers),
  };
}
