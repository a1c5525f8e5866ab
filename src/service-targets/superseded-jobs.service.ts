import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { MessageQueue } from '../queue/message-queue';
import { OutboxService } from '../queue/outbox.service';

/** Set on the transaction's query runner: job keys to take out of the queue once it commits. */
const SUPERSEDED_KEYS = 'serviceTargetSupersededKeys';

/**
 * Takes back checks that a re-plan made obsolete. A check not yet handed to the queue is
 * withdrawn from the outbox in the caller's transaction; one already in the queue (it was
 * nearly due) is removed after the transaction commits, so a rolled-back re-plan leaves the old
 * plan's checks in place. Removal is tidiness, not correctness: a check that escapes it (it was
 * running just then, the relay was handing it over, or Redis did not answer) finds a newer plan
 * on the case and does nothing.
 */
@Injectable()
export class SupersededJobs implements OnApplicationBootstrap {
  private readonly logger = new Logger('ServiceTargets');

  constructor(
    private readonly outbox: OutboxService,
    private readonly queue: MessageQueue,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.dataSource.subscribers.push(new SupersededJobsCommitListener((keys) => this.removeFromQueue(keys)));
  }

  async supersede(manager: EntityManager, keys: string[]): Promise<void> {
    // Most checks are still in the outbox (a delayed job waits there until it is nearly due):
    // withdrawn, they never reached the queue, and only the others need taking out of it.
    const handedOver: string[] = [];
    for (const key of keys) if ((await this.outbox.withdraw(manager, key)) === 0) handedOver.push(key);
    if (handedOver.length === 0) return;
    const data = manager.queryRunner?.data;
    if (!data || !manager.queryRunner?.isTransactionActive) {
      this.removeFromQueue(handedOver);
      return;
    }
    data[SUPERSEDED_KEYS] = [...((data[SUPERSEDED_KEYS] as string[] | undefined) ?? []), ...handedOver];
  }

  private removeFromQueue(keys: string[]): void {
    for (const key of keys) {
      this.queue
        .remove('service-targets', key)
        .catch((error: Error) => this.logger.warn(`Could not remove the superseded check ${key}: ${error.message}`));
    }
  }
}

class SupersededJobsCommitListener implements EntitySubscriberInterface {
  constructor(private readonly remove: (keys: string[]) => void) {}

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A savepoint released (TransactionService's group commit on SQLite) stores nothing yet.
    if (event.queryRunner.isTransactionActive) return;
    const data = event.queryRunner.data as Record<string, unknown>;
    const keys = data[SUPERSEDED_KEYS] as string[] | undefined;
    if (!keys?.length) return;
    data[SUPERSEDED_KEYS] = [];
    this.remove(keys);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    // On SQLite every transaction shares the query runner: forget what a rolled-back one superseded.
    // A savepoint rolled back: TransactionService puts back what the group had set before it.
    if (event.queryRunner.isTransactionActive) return;
    (event.queryRunner.data as Record<string, unknown>)[SUPERSEDED_KEYS] = [];
  }
}
