import { EntityManager } from 'typeorm';
import { ConfigurationRevision } from './entities/configuration-revision.entity';
import { selectRow } from './select-rows';

/** The configuration tables whose every change gives them a new revision (migration 1766700000900). */
export const REVISED_TABLES = ['catalog_entries', 'service_target_policies'] as const;
export type RevisedTable = (typeof REVISED_TABLES)[number];

/**
 * What a process derives from one configuration table (the catalog, the service-target
 * policies), kept while the table's revision stays the same, so that a case's intake reads one
 * short row instead of the table. Every statement that changes the table, in any process (the
 * API, a worker, a migration, a seed, an administrator's SQL), gives it a new revision through a
 * database trigger in its own transaction; `get` compares the revision on every call, inside the
 * caller's transaction, so the next case in every process sees a change, as the table itself
 * would show it. The revision is a random token, not a counter: a change rolled back, or a
 * database built again, never brings back a revision a kept value belongs to.
 *
 * On PostgreSQL (read committed) the revision and the table are read by two statements, so a
 * value loaded while a change commits may belong to the newer table; it is then kept under the
 * older revision, which no transaction that starts after the commit sees again.
 */
export class RevisionCache<T> {
  private kept: { revision: string; value: T } | undefined;

  /** `load` reads the table inside the caller's transaction and derives the value kept. */
  constructor(
    private readonly table: RevisedTable,
    private readonly load: (manager: EntityManager) => Promise<T>,
  ) {}

  /**
   * The value for the table as `manager` sees it: the kept one while the revision is the same,
   * else loaded, and kept when loaded inside a transaction. Outside one, on SQLite, the read
   * shares the one connection with any transaction under way and could see its change before a
   * rollback; so a value read there is answered but not kept. The intake and the plans always
   * read inside their transaction.
   */
  async get(manager: EntityManager): Promise<T> {
    const revision = await currentRevision(manager, this.table);
    const kept = this.kept;
    if (kept && kept.revision === revision) return kept.value;
    const value = await this.load(manager);
    if (manager.queryRunner?.isTransactionActive) this.kept = { revision, value };
    return value;
  }
}

/** The table's revision; empty when it has no row (then any change writes one). */
export async function currentRevision(manager: EntityManager, table: RevisedTable): Promise<string> {
  return (await selectRow(manager, ConfigurationRevision, { tableName: table }))?.revision ?? '';
}
