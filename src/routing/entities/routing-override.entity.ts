import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { instantType } from '../../database/column-types';

/** While it exists, every case of the catalog type goes to this department, whatever its area. */
@Entity('routing_overrides')
export class RoutingOverride {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @ForeignKey('catalog_entries')
  @Column({ type: 'varchar', length: 64, unique: true })
  catalogCode: string;

  @ForeignKey('departments')
  @Column({ type: 'varchar', length: 32 })
  departmentCode: string;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @ForeignKey('staff_users')
  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: instantType(), default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;
}
