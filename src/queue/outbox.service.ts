import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull, LessThan } from 'typeorm';
import { TransactionService } from '../database/transaction.service';
import { OutboxMessage } from './entities/outbox-message.entity';
import { QueueName } from './queue-names';

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
  pending: number;
  oldestPendingSeconds: number | null;
}

/** A claimed row stays with its relay this long; if that relay dies, another takes the row over after it. */
const CLAIM_LEASE_MS = 30_000;
/** After a failed dispatch (queue down) the row waits 250 ms, doubling per try, at most 10 s. */
const RETRY_FIRST_MS = 250;
const RETRY_MOST_MS = 10_000;

/** Set on the transaction's query runner so that the commit listener can nudge the relay. */
export const OUTBOX_WRITTEN = 'outboxWritten';

/**
 * The transactional outbox. `enqueue` writes in the caller's transaction, so the job
 * exists exactly when the change it follows from does. The relay side (claim, mark)
 * runs in short transactions of its own and never holds one while talking to Redis.
 *
 * Times here are the machine's real time, not the domain Clock: they schedule machinery.
 */
@Injectable()
export class OutboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
  ) {}

  async enqueue(manager: EntityManager, job: OutboxJob): Promise<void> {
    // The same job still waiting to be handed over is enough; the queue refuses later duplicates itself.
    if (await manager.existsBy(OutboxMessage, { jobKey: job.key, dispatchedAt: IsNull() })) return;
    const now = new Date();
    await manager.insert(OutboxMessage, {
      queue: job.queue,
      jobName: job.jobName,
      jobKey: job.key,
      payload: job.payload,
      runAfter: job.delayMs && job.delayMs > 0 ? new Date(now.getTime() + job.delayMs) : null,
      availableAt: now,
      createdAt: now,
      dispatchedAt: null,
      attempts: 0,
      lastError: null,
    });
    if (manager.queryRunner) (manager.queryRunner.data as Record<string, unknown>)[OUTBOX_WRITTEN] = true;
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
   * so no other relay takes it unless this one dies without finishing.
   */
  claimDue(limit: number): Promise<OutboxMessage[]> {
    return this.transactions.run(async (manager) => {
      const now = new Date();
      const builder = manager
        .createQueryBuilder(OutboxMessage, 'o')
        .where('o.dispatchedAt IS NULL')
        .andWhere('o.availableAt <= :now', { now })
        .orderBy('o.id', 'ASC')
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

  /** How many jobs wait to be handed to the queue, and for how long the oldest has waited. */
  async backlog(): Promise<OutboxBacklog> {
    const raw = await this.dataSource.manager
      .createQueryBuilder(OutboxMessage, 'o')
      .select('COUNT(*)', 'pending')
      .addSelect('MIN(o.createdAt)', 'oldest')
      .where('o.dispatchedAt IS NULL')
      .getRawOne<{ pending: string | number; oldest: string | Date | null }>();
    const pending = Number(raw?.pending ?? 0);
    if (!raw?.oldest || pending === 0) return { pending, oldestPendingSeconds: null };
    const oldest = raw.oldest instanceof Date ? raw.oldest : new Date(`${raw.oldest.replace(' ', 'T')}Z`);
    return { pending, oldestPendingSeconds: Math.max(0, Math.round((Date.now() - oldest.getTime()) / 100) / 10) };
  }

  /** Dispatched rows are kept a while to look back at, then deleted. */
  async purgeDispatched(olderThanMs: number): Promise<number> {
    const before = new Date(Date.now() - olderThanMs);
    const result = await this.transactions.run((manager) =>
      manager.delete(OutboxMessage, { dispatchedAt: LessThan(before) }),
    );
    return result.affected ?? 0;
  }
}
