import { EntityManager } from 'typeorm';
import { Priority } from '../catalog/catalog.types';
import { CaseEvent } from '../cases/entities/case-event.entity';
import { Case } from '../cases/entities/case.entity';
import { newId } from '../common/ids';
import { localYear } from '../common/time-zone';
import { formatReference } from '../cases/reference-number';
import { ImportedCase } from './case-line-validator';
import { bulkInsert } from './bulk-insert';
import { allocateReferenceBlock } from './reference-block';

/** What an imported case takes from its catalog entry, since the file does not say. */
export interface CatalogTraits {
  priority: Priority;
  confidential: boolean;
}

export interface ImportWriteOptions {
  /** The admin who imported the file; null for history the system seeds itself. */
  importerId: string | null;
  now: Date;
  catalog: ReadonlyMap<string, CatalogTraits>;
}

/**
 * Inserts one batch of checked cases and their 'created' events inside the import's
 * transaction. Straight inserts, not CasesService.create: a historical case is already
 * finished business, so it must not be routed, notified or escalated, and it keeps the
 * times it had. References use the year the case was received, in file order.
 */
export async function insertImportedCases(
  manager: EntityManager,
  batch: ImportedCase[],
  options: ImportWriteOptions,
): Promise<void> {
  const references = await referencesFor(manager, batch);
  const cases = batch.map((imported, index): Partial<Case> => {
    const traits = options.catalog.get(imported.catalogCode) as CatalogTraits;
    return {
      ...imported,
      id: newId(),
      reference: references[index],
      statusBeforeWaiting: null,
      priority: traits.priority,
      confidential: traits.confidential,
      citizenId: null,
      address: null,
      postalCode: null,
      lat: null,
      lng: null,
      contactId: null,
      assigneeId: null,
      duplicateOfId: null,
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
    actorId: options.importerId,
    fromStatus: null,
    toStatus: row.status,
    reason: null,
    body: null,
    data: { imported: true, externalId: row.externalId },
    at: row.receivedAt,
  }));
  await bulkInsert(manager, CaseEvent, events);
}

/** One block of serials per year in the batch, handed out in the batch's order. */
async function referencesFor(manager: EntityManager, batch: ImportedCase[]): Promise<string[]> {
  const years = batch.map((imported) => localYear(imported.receivedAt));
  const next = new Map<number, number>();
  for (const year of new Set(years)) {
    next.set(year, await allocateReferenceBlock(manager, year, years.filter((y) => y === year).length));
  }
  return years.map((year) => {
    const serial = next.get(year) as number;
    next.set(year, serial + 1);
    return formatReference(year, serial);
  });
}
