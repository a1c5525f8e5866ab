import { PERIOD_GRANULARITIES } from '../period-buckets';
import { ReportContext } from '../report-context.service';
import { GroupBy, GroupDimension } from '../report-grouping';
import { StatisticsScope } from '../statistics-scope';
import { SqlParameters, StatisticsSql } from './statistics-sql.service';
import { T } from './source-tables';

/** What a report needs to know about a table to select a period's rows and group them. */
export interface ReportTable {
  /** e.g. 'contacts c'. */
  table: string;
  /** The instant that places a row in the period, e.g. 'c.started_at'. */
  instantColumn: string;
  dimensions: Partial<Record<GroupDimension, string>>;
  /** The row's department, for the caller's scope; null when rows have none. */
  departmentColumn: string | null;
  channelColumn: string | null;
  /** A join the department column needs, added only where a report groups or scopes by department. */
  departmentJoin?: string;
}

/**
 * A contact belongs to the department of the staff member who logged it: the department that gave
 * the citizen service, as Høje-Taastrup measured per center. For someone in several departments
 * the first by code counts, so that no contact is counted twice. Managers and admins belong to no
 * department, so their contacts have none. Joined as one small table of staff members and their
 * department, so that the database looks each contact's agent up in it (a hash join on
 * PostgreSQL) rather than running a subquery per contact.
 */
const CONTACT_DEPARTMENT_JOIN = `LEFT JOIN (SELECT sd.user_id, MIN(sd.department_code) AS department_code
  FROM ${T.staffUserDepartments} sd GROUP BY sd.user_id) cd ON cd.user_id = c.agent_id`;

export const CONTACTS: ReportTable = {
  table: `${T.contacts} c`,
  instantColumn: 'c.started_at',
  dimensions: {
    department: 'cd.department_code',
    channel: 'c.channel',
    servicePoint: 'c.service_point_code',
    catalog: 'c.catalog_code',
    gender: 'c.gender',
  },
  departmentColumn: 'cd.department_code',
  channelColumn: 'c.channel',
  departmentJoin: CONTACT_DEPARTMENT_JOIN,
};

/**
 * The column a case is grouped by for each dimension, for the reports over cases (aliased `c`).
 * The gender is the citizen's, which the database keeps on the case while the link holds and
 * after retention or an erasure removed it (migration 1766700001800): no citizen is looked up.
 */
export const CASE_DIMENSIONS: Partial<Record<GroupDimension, string>> = {
  department: 'c.department_code',
  channel: 'c.channel',
  catalog: 'c.catalog_code',
  gender: 'c.citizen_gender',
};

/** The columns a case is scoped and filtered by, for the reports over cases. */
export const CASE_SCOPE_COLUMNS: Pick<ReportTable, 'departmentColumn' | 'channelColumn'> = {
  departmentColumn: 'c.department_code',
  channelColumn: 'c.channel',
};

export const CONTACT_GROUPINGS: readonly GroupBy[] = [
  'department',
  'channel',
  'servicePoint',
  'catalog',
  'gender',
  ...PERIOD_GRANULARITIES,
];

/**
 * The conditions that keep a report to the caller's departments and to the channel asked for,
 * their parameters added to `parameters`. A column given as null is a table whose rows have no
 * such thing, and is not filtered.
 */
export function scopeConditions(
  scope: StatisticsScope,
  channel: string | undefined,
  columns: Pick<ReportTable, 'departmentColumn' | 'channelColumn'>,
  parameters: SqlParameters,
): string[] {
  const conditions: string[] = [];
  if (scope.departmentCodes && columns.departmentColumn) {
    conditions.push(`${columns.departmentColumn} IN (:...departmentCodes)`);
    parameters.departmentCodes = scope.departmentCodes;
  }
  if (channel && columns.channelColumn) {
    conditions.push(`${columns.channelColumn} = :channel`);
    parameters.channel = channel;
  }
  return conditions;
}

/**
 * What follows FROM for a report table: the table, the index SQLite must read it through
 * (StatisticsSql.indexedBy) if given, and the department join when the report groups or is
 * scoped by department.
 */
export function reportTableFrom(
  source: ReportTable,
  context: Pick<ReportContext, 'grouping' | 'scope'>,
  sql: StatisticsSql,
  sqliteIndex?: string,
): string {
  const byDepartment = context.grouping.dimension === 'department' || Boolean(context.scope.departmentCodes);
  const index = sqliteIndex ? sql.indexedBy(sqliteIndex) : '';
  return `${source.table}${index}${byDepartment && source.departmentJoin ? ` ${source.departmentJoin}` : ''}`;
}

/** The group column of a report that asks for no grouping: every row in one group. */
export const NO_GROUP = 'NULL';

/**
 * The GROUP BY clause of a counting query: the named output columns, on SQLite but those whose
 * expression is NO_GROUP. SQLite groups by sorting every row on every term, a constant one too: a
 * year's contacts by outcome at 1M took 45 ms grouped by the constant and the outcome, 28 by the
 * outcome alone. When no term is left the clause is `HAVING COUNT(*) > 0`: an aggregate without
 * GROUP BY answers one row even over no rows, and this keeps it to none, as GROUP BY would have.
 * PostgreSQL keeps every term: it groups by hashing, and refuses a derived table's column beside
 * aggregates without GROUP BY.
 */
export function groupByClause(sql: StatisticsSql, terms: Array<[name: string, expression: string]>): string {
  const names = terms.filter(([, expression]) => sql.postgres || expression !== NO_GROUP).map(([name]) => name);
  return names.length > 0 ? `GROUP BY ${names.join(', ')}` : 'HAVING COUNT(*) > 0';
}

export interface ReportSelection {
  /** A WITH clause, or ''. */
  withClause: string;
  /** What follows FROM. */
  from: string;
  where: string;
  /** The group column: a dimension, the period index when grouped in SQL, or NO_GROUP. */
  groupColumn: string;
}

/**
 * The rows of a report's period, scope and channel, with the group each belongs to.
 *
 * With periodsInSql, period groups are found by joining the report's periods as a small table;
 * the CROSS JOIN makes SQLite take each period in turn and range-scan the instant's index for it
 * (PostgreSQL plans the join itself). Otherwise the caller places rows in periods by their instant.
 * sqliteIndex: the index SQLite must read the table through (StatisticsSql.indexedBy), for a
 * report that reads every row of its period from a covering index.
 */
export function reportSelection(
  source: ReportTable,
  context: ReportContext,
  sql: StatisticsSql,
  parameters: SqlParameters,
  periodsInSql: boolean,
  conditions: string[] = [],
  sqliteIndex?: string,
): ReportSelection {
  return selectionOf(source, context, sql, parameters, periodsInSql, conditions, sqliteIndex);
}

/** reportSelection, joined to the run of period buckets from `firstBucket` (`bucketCount` of them) when grouped by period in SQL. */
function selectionOf(
  source: ReportTable,
  context: ReportContext,
  sql: StatisticsSql,
  parameters: SqlParameters,
  periodsInSql: boolean,
  conditions: string[],
  sqliteIndex?: string,
  firstBucket = 0,
  bucketCount = Infinity,
): ReportSelection {
  const table = reportTableFrom(source, context, sql, sqliteIndex);
  const { grouping, scope } = context;
  const where = [...conditions, ...scopeConditions(scope, context.channel, source, parameters)];
  if (grouping.periods && periodsInSql) {
    const buckets = grouping.periods.buckets.slice(firstBucket, firstBucket + bucketCount);
    // The buckets lie within the period, so their bounds alone select its rows. With the
    // period's bounds beside them, SQLite may range-scan the whole period once per bucket.
    return {
      withClause: `WITH ${sql.periodsTable(buckets, parameters, firstBucket)}`,
      from: `report_periods p CROSS JOIN ${table}`,
      where: [`${source.instantColumn} >= p.starts_at`, `${source.instantColumn} < p.ends_at`, ...where].join(' AND '),
      groupColumn: 'p.period_index',
    };
  }
  parameters.from = new Date(context.period.fromMs);
  parameters.to = new Date(context.period.toMs);
  const groupColumn = (grouping.dimension && source.dimensions[grouping.dimension]) ?? NO_GROUP;
  return {
    withClause: '',
    from: table,
    where: [`${source.instantColumn} >= :from`, `${source.instantColumn} < :to`, ...where].join(' AND '),
    groupColumn,
  };
}

/**
 * The report's selection (reportSelection) cut into at most `parts` pieces that together select
 * each row once, each with its own parameters (a copy of `parameters` and its bounds): grouped by
 * period in SQL, the buckets shared out in runs of consecutive buckets, each keeping its index;
 * otherwise the period cut at evenly spaced instants (on SQLite; one piece on PostgreSQL). For
 * counts that add up across the pieces: each piece is a query of its own, read side by side (two
 * SQLite readers, or two PostgreSQL connections), and its rows are added to the others'. The
 * pieces are separate statements, so they may see the database a few milliseconds apart (as the
 * service index's queries always have); their rows never overlap, so none is counted twice.
 */
export function reportSelectionParts(
  source: ReportTable,
  context: ReportContext,
  sql: StatisticsSql,
  parameters: SqlParameters,
  periodsInSql: boolean,
  conditions: string[],
  sqliteIndex: string | undefined,
  parts: number,
): Array<{ selection: ReportSelection; parameters: SqlParameters }> {
  const { periods } = context.grouping;
  const { fromMs, toMs } = context.period;
  if (periods && periodsInSql) {
    const buckets = periods.buckets;
    const perPart = Math.ceil(buckets.length / Math.max(1, Math.min(parts, buckets.length)));
    const pieces: Array<{ selection: ReportSelection; parameters: SqlParameters }> = [];
    for (let first = 0; first < buckets.length; first += perPart) {
      const own = { ...parameters };
      const selection = selectionOf(source, context, sql, own, true, conditions, sqliteIndex, first, perPart);
      pieces.push({ selection, parameters: own });
    }
    return pieces;
  }
  // PostgreSQL reads one range of the period in one query as fast as two side by side (at 1M,
  // contacts by channel took 67 ms in one query and 90 in two); it gains from parts only where
  // each bucket is a range scan of its own.
  const count = sql.postgres ? 1 : Math.max(1, Math.floor(parts));
  // The index-th cut: fromMs at 0 and toMs at count, whole milliseconds between.
  const cut = (index: number) => fromMs + Math.floor(((toMs - fromMs) * index) / count);
  return Array.from({ length: count }, (_, index) => {
    const own = { ...parameters };
    const selection = selectionOf(
      source,
      { ...context, period: { ...context.period, fromMs: cut(index), toMs: cut(index + 1) } },
      sql,
      own,
      periodsInSql,
      conditions,
      sqliteIndex,
    );
    return { selection, parameters: own };
  });
}
