import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CaseRecord } from './case-record';

/**
 * The order of a department inbox, in one place (listing it, and claiming the next case): most urgent priority first, then what
 * is due first (the resolution due time the service targets set), then received first.
 */
const URGENCY_RANK = (alias: string) =>
  `CASE ${alias}.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END`;

export function orderByInboxUrgency<T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
  alias: string,
): SelectQueryBuilder<T> {
  // Due first by the resolution due time (service targets); a case without one comes after, oldest first.
  return builder
    .orderBy(URGENCY_RANK(alias), 'ASC')
    .addOrderBy(`${alias}.resolutionDueAt`, 'ASC', 'NULLS LAST')
    .addOrderBy(`${alias}.receivedAt`, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC');
}

/** When the case is due: its resolution due time, null when no service target sets one. */
export function inboxDueAt(row: CaseRecord): Date | null {
  return row.resolutionDueAt;
}
