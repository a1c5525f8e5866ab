import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull, LessThan } from 'typeorm';
import { bulkInsertInBatches } from '../database/bulk-insert';
import { sqlNames } from '../database/sql-names';
import { TransactionService } from '../database/transaction.service';
import { OutboxMessage } from './entities/outbox-message.entity';
import { QueueName } from './queue-names';
import { selectRows } from '../database/select-rows';

/** A job to write into the outbox. */
export interface OutboxJob {
  queue: QueueName;
  jobName: string;
  /** What the job is about, e.g. `route:<caseId>`: the queue will not hold two jobs with one key. */
  key: string;
  payload: object;
  /** Run the job no sooner than this long after the transaction. */
  delayMs?: number;
}

export interface OutboxBacklog {
  /** Jobs due (or with no delay) and not yet handed to the queue. */
  pending: number;
  /** How long the oldest of them has been due, seconds; null when none. */
  oldestPendingSeconds: number | null;
  /** Delayed jobs waiting in the outbox for their time (service-target checks days ahead): not a backlog. */
  scheduled: number;
}

/**
 * A claimed row stays with its relay this long; if that relay dies, another (or the same app,
 * restarted) takes the row over after it. A hand-over takes milliseconds, at most the queue's
 * 5 s timeout; a row handed over twice is refused by the queue's jobId anyway.
 */
const CLAIM_LEASE_MS = 15_000;
/** SQLite takes at most 32766 parameters a statement; these stay well below it. */
const KEYS_PER_QUERY = 500;
const ROWS_PER_INSERT = 100;
/** After a failed dispatch (queue down) the row waits 250 ms, doubling per try, at most 10 s. */
const RETRY_FIRST_MS = 250;
const RETRY_MOST_MS = 10_000;

/**
 * A delayed job waits in the outbox, not in the queue, until this long before its time; then the
 * relay hands it over with the rest of its delay. So the queue holds only what is nearly due (the
 * in-process queue's memory does not grow with every case's checks days ahead, and a Redis that
 * loses its data loses only those), while the queue's own timer still runs the job on time.
 */
export const HANDOVER_LEAD_MS = 10_000;

/** Set on the transaction's query runner so that the commit listener can nudge the relay. */
export const OUTBOX_WRITTEN = 'outboxWritten';

/**
 * The transactional outbox. `enqueue` writes in the caller's transaction, so the job
 * exists exactly when the change it follows from does. A delayed job stays here until it is
 * nearly due (HANDOVER_LEAD_MS), so the database, not the queue, holds what is planned ahead. The relay side (claim, mark)
 * runs in short transactions of its own and never holds one while talking to Redis.
 *
 * Times here are the machine's real time, not the domain Clock: they schedule machinery.
 */
@Injectable()
export class OutboxService {
  private insertUnlessWaitingSql: string | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
  ) {}

  /**
   * Writes `job` in the caller's transaction unless a job with its key waits to be handed over
   * (that one is enough; the queue refuses later duplicates itself). One statement: every intake
   * writes a few of these.
   */
  async enqueue(manager: EntityManager, job: OutboxJob): Promise<void> {
    const row = outboxRow(job, new Date());
    const sql = (this.insertUnlessWaitingSql ??= insertUnlessWaitingSql(manager));
    await manager.query(sql, [...INSERTED_COLUMNS.map((column) => persisted(manager, column, row)), row.jobKey]);
    markWritten(manager);
  }

  /**
   * Writes the jobs of `jobs` whose key has no row waiting to be handed over, in the caller's
   * transaction; answers how many it wrote. For the reconcilers, which offer again, in bulk, work
   * the queue may have lost: a job the queue still holds under its key is not added twice.
   */
  async enqueueMissing(manager: EntityManager, jobs: OutboxJob[]): Promise<number> {
    const waiting = await this.waitingKeys(manager, jobs);
    const missing: OutboxJob[] = [];
    for (const job of jobs) {
      if (waiting.has(job.key)) continue;
      waiting.add(job.key);
      missing.push(job);
    }
    await this.enqueueNew(manager, missing);
    return missing.length;
  }

  /**
   * Writes `jobs` in the caller's transaction without looking for waiting rows first: for jobs
   * whose keys this transaction has just made (the checks of a plan version it created), so no
   * row can hold them yet. One statement fewer than enqueueMissing on every intake; should a key
   * repeat all the same, the queue still refuses the second job under it.
   */
  async enqueueNew(manager: EntityManager, jobs: OutboxJob[]): Promise<void> {
    if (jobs.length === 0) return;
    const now = new Date();
    // Nothing read back: no generated id is needed.
    await bulkInsertInBatches(
      manager,
      OutboxMessage,
      jobs.map((job) => outboxRow(job, now)),
      ROWS_PER_INSERT,
    );
    markWritten(manager);
  }

  /** The keys among `jobs` that have a row waiting to be handed over (a delayed job waits here until nearly due). */
  async waitingKeys(manager: EntityManager, jobs: OutboxJob[]): Promise<Set<string>> {
    const keys = [...new Set(jobs.map((job) => job.key))];
    const waiting = new Set<string>();
    for (let start = 0; start < keys.length; start += KEYS_PER_QUERY) {
      // By key alone, so the planner takes the key's index rather than walking every row still waiting.
      const rows = await selectRows(manager, OutboxMessage, { jobKey: keys.slice(start, start + KEYS_PER_QUERY) });
      for (const row of rows) if (row.dispatchedAt === null) waiting.add(row.jobKey);
    }
    return waiting;
  }

  /** Takes back jobs with this key that are not yet handed to the queue (to plan them anew). */
  async withdraw(manager: EntityManager, key: string): Promise<number> {
    const result = await manager.delete(OutboxMessage, { jobKey: key, dispatchedAt: IsNull() });
    return result.affected ?? 0;
  }

  /**
   * Claims up to `limit` due rows for this relay. On PostgreSQL, rows another relay is
   * claiming at this moment are skipped (FOR UPDATE SKIP LOCKED); on SQLite the database
   * takes one writer at a time. A claimed row is pushed `CLAIM_LEASE_MS` into the future,
   * so no other relay takes it unless this one dies without finishing. With `queue`, only
   * that queue's rows.
   */
  claimDue(limit: number, queue?: QueueName): Promise<OutboxMessage[]> {
    return this.transactions.run(async (manager) => {
      const now = new Date();
      const builder = manager.createQueryBuilder(OutboxMessage, 'o');
      // One queue's rows come from the index on (queue, dispatched_at, available_at), in the same order.
      if (queue) builder.where('o.queue = :queue', { queue }).andWhere('o.dispatchedAt IS NULL');
      else builder.where('o.dispatchedAt IS NULL');
      builder
        .andWhere('o.availableAt <= :now', { now })
        // The index on (dispatched_at, available_at) gives this order too: no sort, however many rows wait.
        .orderBy('o.availableAt', 'ASC')
        .addOrderBy('o.id', 'ASC')
        .limit(limit);
      if (manager.connection.options.type === 'postgres')
        builder.setLock('pessimistic_write').setOnLocked('skip_locked');
      const rows = await builder.getMany();
      if (rows.length === 0) return rows;
      const leaseEnd = new Date(now.getTime() + CLAIM_LEASE_MS);
      await manager.update(
        OutboxMessage,
        { id: In(rows.map((row) => row.id)) },
        { availableAt: leaseEnd, attempts: () => 'attempts + 1' },
      );
      return rows.map((row) => Object.assign(row, { availableAt: leaseEnd, attempts: row.attempts + 1 }));
    });
  }

  async markDispatched(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.transactions.run((manager) =>
      manager.update(OutboxMessage, { id: In(ids) }, { dispatchedAt: new Date(), lastError: null }),
    );
  }

  /** The queue did not take the rows; they are tried again after a growing pause. */
  async markFailed(rows: OutboxMessage[], error: string): Promise<void> {
    if (rows.length === 0) return;
    const now = Date.now();
    await this.transactions.run(async (manager) => {
      for (const row of rows) {
        const pauseMs = Math.min(RETRY_FIRST_MS * 2 ** (row.attempts - 1), RETRY_MOST_MS);
        await manager.update(
          OutboxMessage,
          { id: row.id },
          { availableAt: new Date(now + pauseMs), lastError: error.slice(0, 2000) },
        );
      }
    });
  }

  /**
   * How many jobs are due and wait to be handed to the queue, for how long the oldest has been
   * due, and how many delayed jobs wait in the outbox for their time. Read by every health check
   * and metrics scrape: three range reads of the index on (dispatched_at, run_after, created_at),
   * none of which reads a row, and the jobs due are found without walking the delayed ones (a
   * case's four service-target checks wait for days; only their count walks them).
   */
  async backlog(): Promise<OutboxBacklog> {
    const now = new Date();
    const waiting = () =>
      this.dataSource.manager
        .createQueryBuilder(OutboxMessage, 'o')
        .select('COUNT(*)', 'count')
        .where('o.dispatchedAt IS NULL');
    type Counted = { count: string | number; oldest?: string | Date | null } | undefined;
    const [immediate, due, delayed] = await Promise.all([
      waiting().addSelect('MIN(o.createdAt)', 'oldest').andWhere('o.runAfter IS NULL').getRawOne<Counted>(),
      waiting().addSelect('MIN(o.runAfter)', 'oldest').andWhere('o.runAfter <= :now', { now }).getRawOne<Counted>(),
      waiting().andWhere('o.runAfter > :now', { now }).getRawOne<Counted>(),
    ]);
    const pending = Number(immediate?.count ?? 0) + Number(due?.count ?? 0);
    const scheduled = Number(delayed?.count ?? 0);
    const since = [immediate?.oldest, due?.oldest].filter((value) => value != null).map(instantOf);
    if (pending === 0 || since.length === 0) return { pending, oldestPendingSeconds: null, scheduled };
    const oldest = Math.min(...since.map((instant) => instant.getTime()));
    return {
      pending,
      oldestPendingSeconds: Math.max(0, Math.round((now.getTime() - oldest) / 100) / 10),
      scheduled,
    };
  }

  /** Dispatched rows are kept a while to look back at, then deleted. */
  async purgeDispatched(olderThanMs: number): Promise<number> {
    const before = new Date(Date.now() - olderThanMs);
    const result = await this.transactions.run(
      (manager) => manager.delete(OutboxMessage, { dispatchedAt: LessThan(before) }),
      { alone: true },
    );
    return result.affected ?? 0;
  }
}

/** The row of a new job: a delayed one becomes available to the relay shortly before its time (HANDOVER_LEAD_MS). */
type OutboxRow = Omit<OutboxMessage, 'id'>;

function outboxRow(job: OutboxJob, now: Date): OutboxRow {
  const runAfter = job.delayMs && job.delayMs > 0 ? new Date(now.getTime() + job.delayMs) : null;
  return {
    queue: job.queue,
    jobName: job.jobName,
    jobKey: job.key,
    payload: job.payload,
    runAfter,
    availableAt:
      runAfter && runAfter.getTime() - HANDOVER_LEAD_MS > now.getTime()
        ? new Date(runAfter.getTime() - HANDOVER_LEAD_MS)
        : now,
    createdAt: now,
    dispatchedAt: null,
    attempts: 0,
    lastError: null,
  };
}

/** The columns `enqueue` writes, in its statement's order; the others keep their defaults. */
const INSERTED_COLUMNS = ['queue', 'jobName', 'jobKey', 'payload', 'runAfter', 'availableAt', 'createdAt'] as const;

/** A row's value as the database stores it (dates as the driver writes them, the payload as JSON). */
function persisted(manager: EntityManager, property: (typeof INSERTED_COLUMNS)[number], row: OutboxRow): unknown {
  const column = manager.connection.getMetadata(OutboxMessage).findColumnWithPropertyName(property);
  if (!column) throw new Error(`outbox has no column for ${property}`);
  return manager.connection.driver.preparePersistentValue(row[property], column);
}

/**
 * INSERT … SELECT … WHERE NOT EXISTS: a job is written unless one with its key waits to be handed
 * over, in one statement. The parameters are the INSERTED_COLUMNS, then the key again. PostgreSQL
 * is told each parameter's type (a bare parameter in a SELECT list is text there).
 */
function insertUnlessWaitingSql(manager: EntityManager): string {
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(OutboxMessage);
  const columns = INSERTED_COLUMNS.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`outbox has no column for ${property}`);
    return column;
  });
  const typed = driver.options.type === 'postgres';
  const values = columns.map((column, index) => {
    const parameter = driver.createParameter(column.propertyName, index);
    return typed ? `CAST(${parameter} AS ${driver.normalizeType(column)})` : parameter;
  });
  const { table, column: name } = sqlNames(manager, OutboxMessage);
  const key = driver.createParameter('key', columns.length);
  return (
    `INSERT INTO ${table} (${columns.map((column) => driver.escape(column.databaseName)).join(', ')}) ` +
    `SELECT ${values.join(', ')} WHERE NOT EXISTS (SELECT 1 FROM ${table} ` +
    `WHERE ${name('jobKey')} = ${typed ? `CAST(${key} AS varchar)` : key} AND ${name('dispatchedAt')} IS NULL)`
  );
}

/** Tells the commit listener that this transaction wrote an outbox row, so the relay is nudged. */
function markWritten(manager: EntityManager): void {
  if (manager.queryRunner) (manager.queryRunner.data as Record<string, unknown>)[OUTBOX_WRITTEN] = true;
}

/** An instant as the driver answers an aggregate: a Date (PostgreSQL) or SQLite's UTC text. */
function instantOf(value: string | Date): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}
