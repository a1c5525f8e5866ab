import { EntityManager } from 'typeorm';
import { allocateReference } from '../cases/reference-allocator';
import { appendCaseEvent } from '../cases/case-timeline';
import { Case } from '../cases/entities/case.entity';
import { CHANNELS } from '../contacts/contact.types';
import { newId } from '../common/ids';
import { localYear } from '../common/time-zone';
import { generateDemoHistory } from '../triage/demo-history';
import { SeededRandom } from '../triage/seeded-random';
import { DEMO_CATALOG } from './demo-municipality';

const DAY_MS = 24 * 3600_000;

/**
 * A year of closed cases, as if imported from the municipality's old case system, so
 * that a fresh demo has history: the triage classifier learns from it (and reports its
 * accuracy on a held-out part), and the statistics have something to show.
 */
export async function seedDemoHistory(manager: EntityManager, now: Date, count = 600): Promise<number> {
  const random = new SeededRandom(2026);
  const byCode = new Map(DEMO_CATALOG.map((entry) => [entry.code, entry]));
  const examples = generateDemoHistory(DEMO_CATALOG, count, 2026);
  // Oldest first, so reference numbers follow the order cases came in.
  const receivedTimes = examples.map(() => now.getTime() - (1 + random.int(364)) * DAY_MS - random.int(8 * 3600_000)).sort((a, b) => a - b);

  for (const [index, example] of examples.entries()) {
    const entry = byCode.get(example.catalogCode);
    if (!entry) continue;
    const receivedAt = new Date(receivedTimes[index]);
    const firstResponseAt = new Date(receivedAt.getTime() + (1 + random.int(48)) * 3600_000);
    const resolvedAt = new Date(firstResponseAt.getTime() + random.int(10) * DAY_MS + random.int(6 * 3600_000));
    const closedAt = new Date(resolvedAt.getTime() + DAY_MS);
    const historic = manager.create(Case, {
      id: newId(),
      reference: await allocateReference(manager, localYear(receivedAt)),
      description: example.text,
      catalogCode: entry.code,
      departmentCode: entry.departmentCode,
      status: 'closed',
      statusBeforeWaiting: null,
      priority: entry.priority,
      channel: CHANNELS[random.int(4)],
      citizenId: null,
      address: null,
      postalCode: null,
      lat: null,
      lng: null,
      contactId: null,
      confidential: entry.confidential,
      assigneeId: null,
      duplicateOfId: null,
      createdById: null,
      receivedAt,
      firstResponseAt,
      resolvedAt,
      closedAt,
      reopenCount: 0,
      returnCount: 0,
      source: 'import',
      externalId: `demo-history-${index + 1}`,
    });
    await manager.save(historic);
    await appendCaseEvent(manager, { caseId: historic.id, type: 'created', actorId: null, at: receivedAt, toStatus: 'closed', data: { imported: true, externalId: historic.externalId } });
  }
  return examples.length;
}
