import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** The most units of work one SQLite commit takes (see TransactionService). */
export const MOST_WORK_PER_COMMIT = 64;

/** How a unit of work is run (TransactionService.run). */
export interface RunOptions {
  /**
   * Commit it alone, never in a group (SQLite): for a large unit (an import, the demo history).
   * In a group it would run in a savepoint, and a savepoint keeps in memory the first version of
   * every page of the database it changes.
   */
  alone?: boolean;
}

interface QueuedWork {
  work: (manager: EntityManager) => Promise<unknown>;
  alone: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Runs a unit of work in one database transaction: all of it is stored, or none of it.
 *
 * PostgreSQL takes a pooled connection per unit of work, each with a transaction of its own.
 *
 * On SQLite every request shares one connection and the database takes one writer at a time,
 * so units of work queue here and run one after the other. The units that queued while one
 * group ran share the next commit (group commit; up to MOST_WORK_PER_COMMIT): each runs in a
 * savepoint of one transaction, and a unit that fails is rolled back to its savepoint alone,
 * with what it set on the query runner's `data`, and rejected at once. The others settle only
 * after the commit, so no caller answers for work that is not yet stored; should the commit
 * itself fail, every unit in it is rejected and none is stored. Between groups the event loop
 * runs with no transaction open: reads outside a unit of work never see a group half done.
 *
 * Why: a commit writes every page the transaction changed to the write-ahead log, and the pages
 * that every intake changes (the last page of each table and each time-ordered index, the
 * reference counter, the outbox) are written once per group instead of once per unit. At 16
 * intakes in flight a group holds about eight units (docs/performance.md).
 *
 * A group of one unit, and a unit run `alone`, has a transaction of its own and no savepoint.
 *
 * Listeners of TypeORM's transaction events see a savepoint released as a commit while the
 * transaction is still active (`queryRunner.isTransactionActive`): only the last one stores.
 */
@Injectable()
export class TransactionService {
  private readonly queued: QueuedWork[] = [];
  private draining = false;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `work` with a manager inside the transaction and answers what it answers, once all it
   * wrote is committed.
   * @throws what `work` threw (nothing it wrote is stored), or what the database threw when the
   *   transaction, a savepoint or the commit failed (nothing of the group is stored).
   */
  run<T>(work: (manager: EntityManager) => Promise<T>, options: RunOptions = {}): Promise<T> {
    if (this.dataSource.options.type === 'postgres') {
      return this.dataSource.transaction(work);
    }
    return new Promise<T>((resolve, reject) => {
      this.queued.push({ work, alone: options.alone ?? false, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  /** Commits the queue in groups until it is empty. */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queued.length > 0) {
        // Requests that arrived with this one (the same turn of the event loop) join its group.
        await new Promise((resolve) => setImmediate(resolve));
        await this.commitGroup(this.queued.splice(0, this.nextGroupSize()));
      }
    } finally {
      this.draining = false;
    }
  }

  /** How many of the queued units the next group takes: up to the first unit run alone. */
  private nextGroupSize(): number {
    if (this.queued[0].alone) return 1;
    const alone = this.queued.findIndex((queued) => queued.alone);
    return Math.min(alone === -1 ? this.queued.length : alone, MOST_WORK_PER_COMMIT);
  }

  /**
   * One transaction over `group` (each unit in a savepoint when there are more than one);
   * settles every unit's promise.
   */
  private async commitGroup(group: QueuedWork[]): Promise<void> {
    const queryRunner = this.dataSource.createQueryRunner();
    const stored: Array<() => void> = [];
    try {
      await queryRunner.startTransaction();
      try {
        for (const queued of group) {
          const value =
            group.length === 1
              ? { value: await queued.work(queryRunner.manager) }
              : await this.runInSavepoint(queryRunner, queued);
          if (value !== FAILED) stored.push(() => queued.resolve(value.value));
        }
        await queryRunner.commitTransaction();
      } catch (error) {
        await queryRunner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
    } catch (error) {
      // The unit of a group of one threw, or the transaction could not begin, a savepoint could
      // not be set or let go, or the commit failed: nothing of the group is stored (units
      // already rejected stay rejected with their own error).
      for (const queued of group) queued.reject(error);
      return;
    } finally {
      await queryRunner.release();
    }
    for (const resolve of stored) resolve();
  }

  /**
   * Runs `queued` in a savepoint. Answers its value, or FAILED when the unit threw: then it is
   * rolled back to the savepoint, the query runner's `data` is put back as it was, and the
   * unit's promise is rejected at once (nothing of it will be stored, whatever the others do).
   * @throws what setting, letting go of or rolling back to the savepoint threw.
   */
  private async runInSavepoint(
    queryRunner: QueryRunner,
    queued: QueuedWork,
  ): Promise<{ value: unknown } | typeof FAILED> {
    const data = { ...(queryRunner.data as Record<string, unknown>) };
    await queryRunner.startTransaction();
    let value: unknown;
    try {
      value = await queued.work(queryRunner.manager);
    } catch (error) {
      await queryRunner.rollbackTransaction();
      queryRunner.data = data;
      queued.reject(error);
      return FAILED;
    }
    await queryRunner.commitTransaction();
    return { value };
  }
}

/** runInSavepoint's answer for a unit of work that threw. */
const FAILED = Symbol('failed');
