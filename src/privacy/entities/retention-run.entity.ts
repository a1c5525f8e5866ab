import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instantType } from '../../database/column-types';
import type { RetentionCounts } from '../retention-counts';

/**
 * One run of the retention rules: the daily job (`schedule`, once per local date in
 * `scheduledFor`) or an admin's `POST /api/v1/retention/run` (`admin`). What was removed is kept
 * as counts only, never the data.
 */
@Entity('retention_runs')
@Index(['scheduledFor'], { unique: true })
export class RetentionRun {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ type: 'varchar', length: 16 })
  trigger: 'schedule' | 'admin';

  /** The municipality's local date (YYYY-MM-DD) a scheduled run is for; null for an admin's run. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  scheduledFor: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  requestedById: string | null;

  @Column({ type: instantType() })
  startedAt: Date;

  @Column({ type: instantType() })
  finishedAt: Date;

  @Column({ type: 'simple-json' })
  counts: RetentionCounts;
}
