import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, FindOptionsWhere, In } from 'typeorm';
import { AccessPolicy } from '../auth/access-policy';
import { Page } from '../common/pagination.dto';
import { CaseStatus, OPEN_STATUSES } from './case-lifecycle';
import { CaseEventRecord, CaseRecord } from './case-record';
import { loadCaseForUpdate } from './case-timeline';
import { CaseEvent } from './entities/case-event.entity';
import { Case } from './entities/case.entity';
import { orderByInboxUrgency } from './inbox-order';
import { sqlNames } from '../database/sql-names';
import { selectRow } from '../database/select-rows';

/** Which cases a department inbox holds: its own in `claimable` statuses, and (for the service center) every case in `alsoInStatuses`. */
export interface InboxCriteria {
  departmentCode: string;
  claimable: readonly CaseStatus[];
  alsoInStatuses?: readonly CaseStatus[];
}

/** Open fault reports that may be repeated by a new one: same type, recent, at the same street or inside a box (degrees). */
export interface NeighbourCriteria {
  catalogCode: string;
  excludeId: string;
  /** UTC: received at or after this. */
  since: Date;
  /** A street address prefix, lower case. */
  streetPrefix: string | null;
  box: { minLat: number; maxLat: number; minLng: number; maxLng: number } | null;
  /**
   * Confidential cases count only when they belong to this department (the new case is itself
   * confidential there); null: none do. A hint must not tell that a confidential case exists at an
   * address, or how far away.
   */
  confidentialOfDepartment: string | null;
  limit: number;
}

/** Which cases a public listing asks for (Open311 `GET requests`); every criterion is optional. */
export interface PublicCaseCriteria {
  references?: string[];
  caseIds?: string[];
  catalogCodes?: string[];
  statuses?: readonly CaseStatus[];
  /** UTC: received at or after this. */
  receivedFrom?: Date;
  /** UTC: received before this. */
  receivedBefore?: Date;
}

/**
 * The cases area's read model for other areas: cases as read-only records, and the few queries
 * other areas need over cases and their timelines. Nothing here writes; changes go through
 * CaseWorkflowService. Methods that take a `manager` read inside the caller's transaction.
 * The access policy is the caller's to apply to what it shows.
 */
@Injectable()
export class CaseRecordsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The case, or null. */
  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<CaseRecord | null> {
    return selectRow(manager, Case, { id });
  }

  /** The case with this reference number (2026-000541), or null. */
  findByReference(reference: string): Promise<CaseRecord | null> {
    return this.dataSource.manager.findOneBy(Case, { reference });
  }

  /**
   * What passed between the citizen and the staff on a case, oldest first: replies to the
   * citizen, the answers given at resolution (`status` events of the action `resolve`), and the
   * citizen's own messages. Never notes. The access policy decides whether the citizen reads them.
   */
  correspondence(caseId: string): Promise<CaseEventRecord[]> {
    return this.dataSource.manager.find(CaseEvent, {
      where: [
        { caseId, type: In(['reply', 'message']) },
        { caseId, type: 'status', action: 'resolve' },
      ],
      order: { id: 'ASC' },
    });
  }

  /** The case locked for a change until the caller's transaction ends. @throws NotFoundError. */
  lock(manager: EntityManager, id: string): Promise<CaseRecord> {
    return loadCaseForUpdate(manager, id);
  }

  /** Reference numbers of these cases, by case id. */
  async references(caseIds: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(caseIds)];
    if (unique.length === 0) return new Map();
    const cases = await this.dataSource.manager.find(Case, {
      select: { id: true, reference: true },
      where: { id: In(unique) },
    });
    return new Map(cases.map((row) => [row.id, row.reference]));
  }

  /** The id of the case with this reference number, or null. */
  async idByReference(reference: string): Promise<string | null> {
    const found = await this.dataSource.manager.findOne(Case, { select: { id: true }, where: { reference } });
    return found?.id ?? null;
  }

  /** The cases confirmed as repeats of `originalId`. */
  duplicatesOf(manager: EntityManager, originalId: string): Promise<CaseRecord[]> {
    return manager.findBy(Case, { duplicateOfId: originalId, status: 'duplicate' });
  }

  /** One timeline event, or null. */
  event(id: number): Promise<CaseEventRecord | null> {
    return this.dataSource.manager.findOneBy(CaseEvent, { id });
  }

  /** The case's newest timeline event that matches, or null. */
  latestEvent(
    manager: EntityManager,
    caseId: string,
    match: Pick<FindOptionsWhere<CaseEvent>, 'type' | 'action' | 'topic' | 'toStatus'> = {},
  ): Promise<CaseEventRecord | null> {
    return manager.findOne(CaseEvent, { where: { caseId, ...match }, order: { id: 'DESC' } });
  }

  /** A department's inbox, most urgent first then due first (inbox-order.ts), a page of it and the total. */
  async inbox(criteria: InboxCriteria, page: { limit: number; offset: number }): Promise<Page<CaseRecord>> {
    const { departmentCode, claimable, alsoInStatuses } = criteria;
    const builder = this.dataSource.manager.createQueryBuilder(Case, 'c').where(
      new Brackets((either) => {
        either.where('(c.departmentCode = :departmentCode AND c.status IN (:...claimable))', {
          departmentCode,
          claimable,
        });
        if (alsoInStatuses?.length) either.orWhere('c.status IN (:...alsoInStatuses)', { alsoInStatuses });
      }),
    );
    const [items, total] = await orderByInboxUrgency(builder, 'c').take(page.limit).skip(page.offset).getManyAndCount();
    return { items, total, ...page };
  }

  /**
   * Cases the public may see (AccessPolicy.publishableCondition: never a confidential one) that
   * match the criteria, newest first, a page of them and the total. What of them may be shown is
   * the caller's to redact.
   */
  async publicCases(criteria: PublicCaseCriteria, page: { limit: number; offset: number }): Promise<Page<CaseRecord>> {
    const publishable = AccessPolicy.publishableCondition({ confidential: 'c.confidential' });
    const query = this.dataSource.manager.createQueryBuilder(Case, 'c').where(publishable.sql, publishable.parameters);
    const lists = { references: criteria.references, caseIds: criteria.caseIds, codes: criteria.catalogCodes };
    if (Object.values(lists).some((list) => list?.length === 0) || criteria.statuses?.length === 0) {
      return { items: [], total: 0, ...page };
    }
    if (lists.references) query.andWhere('c.reference IN (:...references)', { references: lists.references });
    if (lists.caseIds) query.andWhere('c.id IN (:...caseIds)', { caseIds: lists.caseIds });
    if (lists.codes) query.andWhere('c.catalogCode IN (:...codes)', { codes: lists.codes });
    if (criteria.statuses) query.andWhere('c.status IN (:...statuses)', { statuses: criteria.statuses });
    if (criteria.receivedFrom) query.andWhere('c.receivedAt >= :from', { from: criteria.receivedFrom });
    if (criteria.receivedBefore) query.andWhere('c.receivedAt < :before', { before: criteria.receivedBefore });
    const [items, total] = await query
      .orderBy('c.receivedAt', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
    return { items, total, ...page };
  }

  /** The timeline events of these cases, of these types, at or after `from` and before `before` (UTC), oldest first. */
  eventsOf(
    caseIds: string[],
    criteria: { types: readonly CaseEventRecord['type'][]; from?: Date; before?: Date; limit: number },
  ): Promise<CaseEventRecord[]> {
    if (caseIds.length === 0) return Promise.resolve([]);
    const query = this.dataSource.manager
      .createQueryBuilder(CaseEvent, 'e')
      .where('e.caseId IN (:...caseIds)', { caseIds })
      .andWhere('e.type IN (:...types)', { types: criteria.types });
    if (criteria.from) query.andWhere('e.at >= :from', { from: criteria.from });
    if (criteria.before) query.andWhere('e.at < :before', { before: criteria.before });
    return query.orderBy('e.at', 'ASC').addOrderBy('e.id', 'ASC').take(criteria.limit).getMany();
  }

  /** Open cases of a type near a new one (see NeighbourCriteria), for likely-duplicate detection. */
  openNeighbours(manager: EntityManager, criteria: NeighbourCriteria): Promise<CaseRecord[]> {
    const query = manager
      .createQueryBuilder(Case, 'c')
      .where('c.catalogCode = :code', { code: criteria.catalogCode })
      .andWhere('c.status IN (:...statuses)', { statuses: OPEN_STATUSES })
      .andWhere('c.receivedAt >= :since', { since: criteria.since })
      .andWhere('c.id <> :id', { id: criteria.excludeId });
    if (criteria.confidentialOfDepartment) {
      query.andWhere('(c.confidential = :notConfidential OR c.departmentCode = :ownDepartment)', {
        notConfidential: false,
        ownDepartment: criteria.confidentialOfDepartment,
      });
    } else {
      query.andWhere('c.confidential = :notConfidential', { notConfidential: false });
    }
    const conditions: string[] = [];
    if (criteria.streetPrefix) {
      conditions.push('LOWER(c.address) LIKE :street');
      query.setParameter('street', `${criteria.streetPrefix.replace(/[\\%_]/g, '')}%`);
    }
    if (criteria.box) {
      conditions.push('(c.lat BETWEEN :minLat AND :maxLat AND c.lng BETWEEN :minLng AND :maxLng)');
      query.setParameters(criteria.box);
    }
    if (conditions.length === 0) return Promise.resolve([]);
    return query
      .andWhere(`(${conditions.join(' OR ')})`)
      .limit(criteria.limit)
      .getMany();
  }

  /**
   * Ids of cases still `triaged` whose last change lies between `after` and `before` (UTC),
   * oldest first, leaving out the catalog types in `exceptCatalogCodes`: what the routing
   * sweeper asks to route again.
   */
  async triagedUntouched(window: {
    after: Date;
    before: Date;
    exceptCatalogCodes: string[];
    limit: number;
  }): Promise<string[]> {
    const builder = this.dataSource.manager
      .createQueryBuilder(Case, 'c')
      .select('c.id', 'id')
      .where('c.status = :triaged', { triaged: 'triaged' })
      .andWhere('c.updatedAt < :before AND c.updatedAt > :after', { before: window.before, after: window.after });
    if (window.exceptCatalogCodes.length > 0) {
      builder.andWhere('c.catalogCode NOT IN (:...except)', { except: window.exceptCatalogCodes });
    }
    const rows = await builder.orderBy('c.updatedAt', 'ASC').limit(window.limit).getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  /**
   * Open cases whose service-target plan still has a check to run (a measure running, not
   * breached, clock not stopped), by id: up to `limit` of them after the case `afterId` (null
   * from the start), so a caller walks through them all in batches.
   *
   * The ids are read through the partial index IDX_cases_running_target_plans, which holds these
   * cases alone (migration 1766700000700): its condition is written here term for term, the open
   * statuses as literals in the same order, as SQLite uses a partial index only for a query that
   * states the index's condition. On SQLite the index is named (INDEXED BY): without ANALYZE
   * statistics its planner would rather look up the cases whose breach times are NULL, nearly
   * every case. Should OPEN_STATUSES or this condition change without a migration for the index,
   * SQLite finds no plan and this throws (test/running-target-plans.e2e-spec.ts).
   */
  async runningTargetPlans(afterId: string | null, limit: number): Promise<CaseRecord[]> {
    const { table, column } = sqlNames(this.dataSource.manager, Case);
    const c = (property: string) => `c.${column(property)}`;
    const indexed = this.dataSource.options.type === 'postgres' ? '' : ' INDEXED BY "IDX_cases_running_target_plans"';
    const [sql, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      `SELECT ${c('id')} AS id FROM ${table} c${indexed}
       WHERE ${c('status')} IN (${OPEN_STATUSES.map((status) => `'${status}'`).join(', ')})
         AND ${c('targetPlanVersion')} > 0 AND ${c('targetPausedAt')} IS NULL
         AND (${c('firstResponseDueAt')} IS NOT NULL AND ${c('firstResponseAt')} IS NULL AND ${c('firstResponseBreachedAt')} IS NULL
           OR ${c('resolutionDueAt')} IS NOT NULL AND ${c('resolvedAt')} IS NULL AND ${c('resolutionBreachedAt')} IS NULL)
         AND ${c('id')} > :afterId
       ORDER BY ${c('id')} LIMIT :limit`,
      { afterId: afterId ?? '', limit },
    );
    const ids = (await this.dataSource.query<Array<{ id: string }>>(sql, parameters)).map((row) => row.id);
    if (ids.length === 0) return [];
    return this.dataSource.manager.find(Case, { where: { id: In(ids) }, order: { id: 'ASC' } });
  }

  /** Cases that missed a service target, the earliest breach first; `departmentCodes` null for all. */
  async breached(criteria: {
    departmentCodes: string[] | null;
    includeClosed: boolean;
    limit: number;
    offset: number;
  }): Promise<Page<CaseRecord>> {
    const builder = this.dataSource.manager
      .createQueryBuilder(Case, 'c')
      .where(
        new Brackets((either) =>
          either.where('c.firstResponseBreachedAt IS NOT NULL').orWhere('c.resolutionBreachedAt IS NOT NULL'),
        ),
      );
    if (criteria.departmentCodes) {
      builder.andWhere('c.departmentCode IN (:...departments)', { departments: criteria.departmentCodes });
    }
    if (!criteria.includeClosed) builder.andWhere('c.status IN (:...open)', { open: OPEN_STATUSES });
    const firstBreach = 'COALESCE(c.first_response_breached_at, c.resolution_breached_at)';
    const [items, total] = await builder
      .orderBy(firstBreach, 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(criteria.limit)
      .skip(criteria.offset)
      .getManyAndCount();
    return { items, total, limit: criteria.limit, offset: criteria.offset };
  }

  /**
   * What the triage classifier learns from, newest first: cases whose type a person set or
   * corrected (a staff triage on the timeline), or that came from the old system by import.
   * Types the classifier itself set are left out, so it does not teach itself its mistakes.
   * `id` is what the quality report's held-out split hashes: the old system's id for an imported
   * case (the same whichever database it was imported into), else the case id.
   */
  async triageHistory(limit: number): Promise<Array<{ id: string; text: string; catalogCode: string }>> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(Case, 'c')
      .select([
        'c.id AS id',
        'c.externalId AS external_id',
        'c.description AS description',
        'c.catalogCode AS catalog_code',
      ])
      .where('c.catalogCode IS NOT NULL')
      .andWhere("c.status <> 'duplicate'")
      .andWhere(
        new Brackets((either) =>
          either
            .where("c.source = 'import'")
            .orWhere(
              `EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.to_status = 'triaged' AND e.actor_id IS NOT NULL)`,
            ),
        ),
      )
      .orderBy('c.receivedAt', 'DESC')
      .limit(limit)
      .getRawMany<{ id: string; external_id: string | null; description: string; catalog_code: string }>();
    return rows.map((row) => ({
      id: row.external_id ?? row.id,
      text: row.description,
      catalogCode: row.catalog_code,
    }));
  }
}
