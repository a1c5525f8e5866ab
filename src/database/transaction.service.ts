import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a unit of work in one database transaction.
 *
 * On SQLite every request shares one connection, so two transactions that overlap in
 * time would nest inside each other; they are queued here one after the other. SQLite
 * allows one writer at a time anyway, so nothing is lost by the queue. PostgreSQL takes
 * a pooled connection per transaction and needs no queue.
 */
@Injectable()
export class TransactionService {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type === 'postgres') {
      return this.dataSource.transaction(work);
    }
    const result = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = result.catch(() => undefined);
    return result;
  }
}
