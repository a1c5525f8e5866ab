import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { instantType } from '../../database/column-types';
import { CallOutcome, CallRecordSource } from '../call-record.types';

/**
 * One call to the service center's phone queue, as the telephony platform reports it.
 * The raw material of the phone accessibility figures (share answered, waiting times,
 * KKiK's "direct answer to a simple question"). The caller's number is deliberately not
 * kept: the figures do not need it, and it would make every row personal data.
 */
@Entity('call_records')
// Begins with startedAt, so it serves every lookup by start; the phone report reads a period's
// calls from it alone (src/database/migrations/1766700000300-statistics-covering-indexes.ts).
@Index('IDX_call_records_statistics_started', [
  'startedAt',
  'outcome',
  'waitSeconds',
  'directAnswer',
  'queue',
  'servicePointCode',
])
@Index(['queue', 'startedAt'])
export class CallRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The platform's own id of the call; a second report of the same call is ignored. */
  @Column({ type: 'varchar', length: 100, unique: true })
  callId: string;

  /** When the call entered the queue (UTC). */
  @Column({ type: instantType() })
  startedAt: Date;

  @Column({ type: 'varchar', length: 32 })
  queue: string;

  @Column({ type: 'integer' })
  waitSeconds: number;

  @Column({ type: 'varchar', length: 16 })
  outcome: CallOutcome;

  @Column({ type: 'integer' })
  talkSeconds: number;

  @Column({ type: 'boolean' })
  callbackRequested: boolean;

  @Column({ type: 'varchar', length: 254, nullable: true })
  agentEmail: string | null;

  @ForeignKey('service_points')
  @Column({ type: 'varchar', length: 32, nullable: true })
  servicePointCode: string | null;

  /** Did the caller get a direct answer to a simple question; null when the agent did not say. */
  @Column({ type: 'boolean', nullable: true })
  directAnswer: boolean | null;

  @Column({ type: 'varchar', length: 16 })
  source: CallRecordSource;

  @CreateDateColumn({ type: instantType(), default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;
}
