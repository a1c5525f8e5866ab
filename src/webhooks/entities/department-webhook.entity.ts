import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { instantType } from '../../database/column-types';

/**
 * Where a department's own system (work orders to field staff's mobiles, a business
 * system) wants to hear of the cases routed to it. The secret signs every delivery; it is
 * kept sealed (AES-GCM) and never shown again once set.
 */
@Entity('department_webhooks')
export class DepartmentWebhook {
  @ForeignKey('departments', { onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'varchar', length: 32 })
  departmentCode: string;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ type: 'varchar', length: 500, select: false })
  secretSealed: string;

  @Column({ type: 'boolean', default: () => 'true' })
  active: boolean;

  @ForeignKey('staff_users')
  @Column({ type: 'varchar', length: 36, nullable: true })
  updatedById: string | null;

  @CreateDateColumn({ type: instantType(), default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;

  @UpdateDateColumn({ type: instantType(), default: () => 'CURRENT_TIMESTAMP' })
  updatedAt: Date;
}
