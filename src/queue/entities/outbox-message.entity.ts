import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instantType } from '../../database/column-types';

/**
 * A job written in the same transaction as the change it follows from (the outbox), so
 * that a queue outage delays the job but cannot lose it. The relay hands each row to the
 * queue and marks it dispatched.
 */
@Entity('outbox')
@Index(['dispatchedAt', 'availableAt'])
@Index(['queue', 'dispatchedAt', 'availableAt'])
@Index(['jobKey'])
@Index('IDX_outbox_backlog', ['dispatchedAt', 'runAfter', 'createdAt'])
export class OutboxMessage {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ type: 'varchar', length: 64 })
  queue: string;

  @Column({ type: 'varchar', length: 64 })
  jobName: string;

  /** What the job is about, e.g. `route:<caseId>`; the queue's idempotency key (jobId). */
  @Column({ type: 'varchar', length: 200 })
  jobKey: string;

  @Column({ type: 'simple-json' })
  payload: object;

  /**
   * The job must not run before this. A delayed job waits here, not in the queue: the relay hands
   * it over shortly before (HANDOVER_LEAD_MS) with the remaining delay.
   */
  @Column({ type: instantType(), nullable: true })
  runAfter: Date | null;

  /**
   * When the relay may next try to dispatch it: now for a new row, shortly before `runAfter` for a
   * delayed one, later while claimed or after a failed try.
   */
  @Column({ type: instantType() })
  availableAt: Date;

  @Column({ type: instantType() })
  createdAt: Date;

  @Column({ type: instantType(), nullable: true })
  dispatchedAt: Date | null;

  /** Dispatch tries so far (not job attempts: those are the queue's). */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
