import { EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { OUTBOX_WRITTEN } from './outbox.service';

/**
 * Tells the relay, the moment a transaction that wrote to the outbox commits, that there
 * is something to hand over: routing starts within milliseconds instead of at the next poll.
 */
export class OutboxCommitListener implements EntitySubscriberInterface {
  constructor(private readonly nudge: () => void) {}

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A savepoint released (TransactionService's group commit on SQLite) stores nothing yet.
    if (event.queryRunner.isTransactionActive) return;
    const data = event.queryRunner.data as Record<string, unknown>;
    if (!data[OUTBOX_WRITTEN]) return;
    data[OUTBOX_WRITTEN] = false;
    this.nudge();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    // On SQLite the query runner is shared by every transaction: forget what a rolled-back one wrote.
    // A savepoint rolled back: TransactionService puts back what the group had set before it.
    if (event.queryRunner.isTransactionActive) return;
    (event.queryRunner.data as Record<string, unknown>)[OUTBOX_WRITTEN] = false;
  }
}
