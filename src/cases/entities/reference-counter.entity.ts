import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last serial handed out per year; incremented inside the case's own transaction. */
@Entity('reference_counters')
export class ReferenceCounter {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ type: 'integer', default: 0 })
  lastValue: number;
}
