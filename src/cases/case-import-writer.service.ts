import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Priority } from '../catalog/catalog.types';
import { newId } from '../common/ids';
import { localYear } from '../common/time-zone';
import { Channel } from '../contacts/contact.types';
import { bulkInsert } from '../database/bulk-insert';
import { CaseStatus } from './case-lifecycle';
import { CaseRecord, ServiceTargetState, UNPLANNED } from './case-record';
import { CaseEvent } from './entities/case-event.entity';
import { Case } from './entities/case.entity';
import { allocateReferenceSerials } from './reference-allocator';
import { formatReference } from './reference-number';

/** A case brought in from the system the municipality used before. Times are UTC. */
export interface HistoricalCase {
  externalId: string;
  receivedAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  departmentCode: string;
  catalogCode: string;
  channel: Channel;
  description: string;
  status: CaseStatus;
  /** The contact the case was registered from, when the old system knew it (UTC times as above). */
  contactId?: string | null;
  /** The service-target plan the case had, when the old system kept one; otherwise the columns stay empty. */
  serviceTargets?: HistoricalServiceTargets;
}

/**
 * The service-target bookkeeping of a historical case, planned by the caller with the policies
 * and business calendar (src/service-targets); UTC instants. A breach is recorded at its due time.
 */
export type HistoricalServiceTargets = Pick<
  ServiceTargetState,
  | 'firstResponseDueAt'
  | 'resolutionDueAt'
  | 'firstResponseBreachedAt'
  | 'resolutionBreachedAt'
  | 'targetClockStartedAt'
  | 'targetPlanVersion'
  | 'targetPlanBasis'
>;

/** What an imported case takes from its catalog entry, since the file does not say. */
export interface CatalogTraits {
  priority: Priority;
  confidential: boolean;
}

export interface ImportWriteOptions {
  /** The admin who imported the file; null for history the system seeds itself. */
  importerId: string | null;
  /** UTC. */
  now: Date;
  catalog: ReadonlyMap<string, CatalogTraits>;
}

/**
 * The other writer of cases besides CaseWorkflowService: historical cases, in bulk. A
 * historical case is already finished business, so it is inserted straight, not registered:
 * it must not be routed, notified or escalated (no CaseChangeEvent), and it keeps the times it
 * had. Each gets one `created` event. References use the year the case was received, in the
 * order given.
 */
@Injectable()
export class CaseImportWriter {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts one batch of checked cases and their `created` events inside the caller's
   * transaction, and answers the stored cases in the batch's order.
   */
  async insert(manager: EntityManager, batch: HistoricalCase[], options: ImportWriteOptions): Promise<CaseRecord[]> {
    const references = await referencesFor(manager, batch);
    const cases = batch.map((imported, index): Case => {
      const traits = options.catalog.get(imported.catalogCode) as CatalogTraits;
      const { contactId, serviceTargets, ...fields } = imported;
      return {
        ...fields,
        id: newId(),
        reference: references[index],
        statusBeforeWaiting: null,
        priority: traits.priority,
        confidential: traits.confidential,
        citizenId: null,
        citizenGender: null,
        anonymisedAt: null,
        address: null,
        postalCode: null,
        lat: null,
        lng: null,
        contactId: contactId ?? null,
        assigneeId: null,
        duplicateOfId: null,
        likelyDuplicateOfId: null,
        ...UNPLANNED,
        ...serviceTargets,
        createdById: options.importerId,
        reopenCount: 0,
        returnCount: 0,
        source: 'import',
        createdAt: options.now,
        updatedAt: options.now,
      };
    });
    await bulkInsert(manager, Case, cases);
    const events = cases.map((row): Partial<CaseEvent> => ({
      caseId: row.id,
      type: 'created',
      action: null,
      topic: null,
      actorId: options.importerId,
      fromStatus: null,
      toStatus: row.status,
      reason: null,
      body: null,
      data: { imported: true, externalId: row.externalId },
      at: row.receivedAt,
    }));
    await bulkInsert(manager, CaseEvent, events);
    return cases;
  }

  /** The references of cases already imported under these external ids, by external id. */
  async referencesOfImported(externalIds: string[]): Promise<Map<string, string>> {
    if (externalIds.length === 0) return new Map();
    const rows = await this.dataSource.manager
      .createQueryBuilder(Case, 'c')
      .select(['c.externalId', 'c.reference'])
      .where('c.externalId IN (:...externalIds)', { externalIds })
      .getMany();
    return new Map(rows.map((row) => [row.externalId as string, row.reference]));
  }
}

/** One block of serials per year in the batch, handed out in the batch's order. */
async function referencesFor(manager: EntityManager, batch: HistoricalCase[]): Promise<string[]> {
  const years = batch.map((imported) => localYear(imported.receivedAt));
  const next = new Map<number, number>();
  for (const year of new Set(years)) {
    next.set(year, await allocateReferenceSerials(manager, year, years.filter((y) => y === year).length));
  }
  return years.map((year) => {
    const serial = next.get(year) as number;
    next.set(year, serial + 1);
    return formatReference(year, serial);
  });
}
