import { EntityManager } from 'typeorm';
import { CHANNELS } from '../contacts/contact.types';
import { CaseImportWriter, HistoricalCase } from '../cases/case-import-writer.service';
import { generateDemoHistory } from './demo-history';
import { SeededRandom } from './seeded-random';
import { DEMO_CATALOG } from './demo-municipality';

const DAY_MS = 24 * 3600_000;

/**
 * A year of closed cases, as if imported from the municipality's old case system, so
 * that a fresh demo has history: the triage classifier learns from it (and reports its
 * accuracy on a held-out part), and the statistics have something to show. Written the
 * way the historical import writes, without routing, notifications or escalations.
 */
export async function seedDemoHistory(
  writer: CaseImportWriter,
  manager: EntityManager,
  now: Date,
  count = 600,
): Promise<number> {
  const random = new SeededRandom(2026);
  const byCode = new Map(DEMO_CATALOG.map((entry) => [entry.code, entry]));
  const examples = generateDemoHistory(DEMO_CATALOG, count, 2026);
  // Oldest first, so reference numbers follow the order cases came in.
  const receivedTimes = examples
    .map(() => now.getTime() - (1 + random.int(364)) * DAY_MS - random.int(8 * 3600_000))
    .sort((a, b) => a - b);

  const history: HistoricalCase[] = [];
  for (const [index, example] of examples.entries()) {
    const entry = byCode.get(example.catalogCode);
    if (!entry) continue;
    const receivedAt = new Date(receivedTimes[index]);
    const firstResponseAt = new Date(receivedAt.getTime() + (1 + random.int(48)) * 3600_000);
    const resolvedAt = new Date(firstResponseAt.getTime() + random.int(10) * DAY_MS + random.int(6 * 3600_000));
    history.push({
      externalId: `demo-history-${index + 1}`,
      receivedAt,
      firstResponseAt,
      resolvedAt,
      closedAt: new Date(resolvedAt.getTime() + DAY_MS),
      departmentCode: entry.departmentCode,
      catalogCode: entry.code,
      channel: CHANNELS[random.int(4)],
      description: example.text,
      status: 'closed',
    });
  }
  const catalog = new Map(
    DEMO_CATALOG.map((entry) => [entry.code, { priority: entry.priority, confidential: entry.confidential }]),
  );
  // The import's own batch size: the writer's multi-row inserts are sized for it.
  for (let start = 0; start < history.length; start += 500) {
    await writer.insert(manager, history.slice(start, start + 500), { importerId: null, now, catalog });
  }
  return history.length;
}
