import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instantType } from '../../database/column-types';
import { TargetMeasure } from '../service-target.types';

export const ALERT_KINDS = ['warning', 'breach', 'on_call'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/**
 * An in-app alert to the managers of a department: a service target is about to run out
 * (warning) or has run out (breach), on a case or on a promised callback; or an urgent case came
 * in while the service center was closed and the on-call staff were alerted (on_call). One row
 * per event; every manager of the department sees it until someone acknowledges it.
 */
@Entity('manager_alerts')
@Index(['departmentCode', 'raisedAt'])
@Index(['caseId'])
export class ManagerAlert {
  @PrimaryGeneratedColumn('increment')
  id: number;

  /** What the alert is about, e.g. "breach:case:<id>:resolution:3", "on_call:case:<id>"; unique, so a job run twice alerts once. */
  @Column({ type: 'varchar', length: 160, unique: true })
  alertKey: string;

  @Column({ type: 'varchar', length: 16 })
  kind: AlertKind;

  /** The service target a warning or breach is about; null for an on-call alert. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  measure: TargetMeasure | null;

  @ForeignKey('cases', { onDelete: 'SET NULL' })
  @Column({ type: 'varchar', length: 36, nullable: true })
  caseId: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  caseReference: string | null;

  @ForeignKey('contacts', { onDelete: 'SET NULL' })
  @Column({ type: 'varchar', length: 36, nullable: true })
  contactId: string | null;

  /** The department whose managers are alerted; the service center's for callbacks. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  departmentCode: string | null;

  /** When the target runs or ran out; null for an on-call alert. */
  @Column({ type: instantType(), nullable: true })
  dueAt: Date | null;

  @Column({ type: instantType() })
  raisedAt: Date;

  @Column({ type: instantType(), nullable: true })
  acknowledgedAt: Date | null;

  @ForeignKey('staff_users')
  @Column({ type: 'varchar', length: 36, nullable: true })
  acknowledgedById: string | null;
}
