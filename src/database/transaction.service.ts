import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** The most units of work one SQLite commit takes (see TransactionService). */
export const MOST_WORK_PER_COMMIT = 64;

/** How a unit of work is run (TransactionService.run). */
export interface RunOptions {
  /**
   * Commit it alone, never in a group (SQLite): for a large unit (an import, the demo history,
   * an erasure, a purge), and for one that awaits real I/O inside its transaction (reading a
   * spooled file). In a group it would run in a savepoint, which keeps in memory the first
   * version of every page of the database it changes, and the group's other units would wait
   * for it.
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
 * with what it set on the query runner's `data`. Every unit's promise settles only once the
 * transaction is over, so no caller answers for work that is not yet stored, and no caller's
 * code runs while the transaction is open; should the commit itself fail, every unit in it is
 * rejected and none is stored. Between groups the event loop runs with no transaction open:
 * reads outside a unit of work never see a group half done (but see RunOptions: a unit that
 * awaits real I/O inside its transaction lets other code run while it is open).
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
   * settles every unit's promise once the transaction is over, so that no caller's code runs
   * while it is open.
   */
  private async commitGroup(group: QueuedWork[]): Promise<void> {
    const queryRunner = this.dataSource.createQueryRunner();
    const dataBefore = { ...(queryRunner.data as Record<string, unknown>) };
    const outcomes: Outcome[] = [];
    try {
      await queryRunner.startTransaction();
      for (const queued of group) {
        outcomes.push(
          group.length === 1
            ? { stored: true, value: await queued.work(queryRunner.manager) }
            : await this.runInSavepoint(queryRunner, queued),
        );
      }
      await queryRunner.commitTransaction();
    } catch (error) {
      await this.rollBackAll(queryRunner, dataBefore);
      // The unit of a group of one threw, or the transaction could not begin, a savepoint could
      // not be set or let go, or the commit failed: nothing of the group is stored. A unit that
      // had failed before keeps its own error.
      for (const [index, queued] of group.entries()) {
        const outcome = outcomes[index];
        queued.reject(outcome && !outcome.stored ? outcome.error : error);
      }
      return;
    } finally {
      await queryRunner.release();
    }
    for (const [index, queued] of group.entries()) {
      const outcome = outcomes[index];
      if (outcome.stored) queued.resolve(outcome.value);
      else queued.reject(outcome.error);
    }
  }

  /**
   * Rolls the whole transaction back and puts the query runner's `data` back as it was before
   * the group. When the transaction did not begin, or SQLite has ended it by itself (a full
   * disk, an I/O error), the rollback statements fail: then TypeORM is told the transaction is
   * over, so the shared query runner does not stay "in a transaction" for good.
   */
  private async rollBackAll(queryRunner: QueryRunner, dataBefore: Record<string, unknown>): Promise<void> {
    try {
      while (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction();
    } catch {
      await queryRunner.query('ROLLBACK').catch(() => undefined);
      Object.assign(queryRunner as unknown as { isTransactionActive: boolean; transactionDepth: number }, {
        isTransactionActive: false,
        transactionDepth: 0,
      });
    }
    queryRunner.data = dataBefore;
  }

  /**
   * Runs `queued` in a savepoint and answers its outcome. When the unit throws, it is rolled
   * back to the savepoint and the query runner's `data` is put back as it was: nothing of it
   * will be stored, whatever the others do.
   * @throws what setting, letting go of or rolling back to the savepoint threw.
   */
  private async runInSavepoint(queryRunner: QueryRunner, queued: QueuedWork): Promise<Outcome> {
    const data = { ...(queryRunner.data as Record<string, unknown>) };
    await queryRunner.startTransaction();
    let value: unknown;
    try {
      value = await queued.work(queryRunner.manager);
    } catch (error) {
      await queryRunner.rollbackTransaction();
      queryRunner.data = data;
      return { stored: false, error };
    }
    await queryRunner.commitTransaction();
    return { stored: true, value };
  }
}

/** What became of one unit of a group: its value if it ran to the end, else its error. */
type Outcome = { stored: true; value: unknown } | { stored: false; error: unknown };
