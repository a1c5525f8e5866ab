import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { CaseKind, Priority } from '../../catalog/catalog.types';
import { Channel } from '../../contacts/contact.types';
import { instantType } from '../../database/column-types';
import { TargetUnit } from '../service-target.types';

/**
 * A written service target ("servicemål"): for the cases and contacts its scope names, how
 * soon the first response, the resolution and a promised callback are due. Scope fields left
 * null match anything; the most specific matching policy wins (see policy-selection.ts).
 * Each target is a value with its unit; a null pair leaves that measure to a less specific policy.
 */
@Entity('service_target_policies')
export class ServiceTargetPolicy {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The scope as one text ("pothole|*|*|*"), unique: one policy per scope. */
  @Column({ type: 'varchar', length: 160, unique: true })
  scopeKey: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  catalogCode: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  kind: CaseKind | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  priority: Priority | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  channel: Channel | null;

  @Column({ type: 'double precision', nullable: true })
  firstResponseValue: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  firstResponseUnit: TargetUnit | null;

  @Column({ type: 'double precision', nullable: true })
  resolutionValue: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  resolutionUnit: TargetUnit | null;

  @Column({ type: 'double precision', nullable: true })
  callbackValue: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  callbackUnit: TargetUnit | null;

  /** Where the target comes from: a council decision, the KKiK definition, a service declaration. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  // The default is for the rows the migration seeds; the service sets both times from the clock.
  @Column({ type: instantType(), default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;

  @Column({ type: instantType(), default: () => 'CURRENT_TIMESTAMP' })
  updatedAt: Date;

  @ForeignKey('staff_users', { onDelete: 'SET NULL' })
  @Column({ type: 'varchar', length: 36, nullable: true })
  updatedById: string | null;
}
