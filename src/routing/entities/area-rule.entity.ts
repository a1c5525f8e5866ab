import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { instantType } from '../../database/column-types';

/** Cases of one catalog type in one area go to another department than the type's own. */
@Entity('area_rules')
@Index(['catalogCode'])
export class AreaRule {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @ForeignKey('catalog_entries')
  @Column({ type: 'varchar', length: 64 })
  catalogCode: string;

  /** The first 1-5 digits of a Swedish postal code; either this or a district. */
  @Column({ type: 'varchar', length: 5, nullable: true })
  postalCodePrefix: string | null;

  /** A district name that the case's address mentions. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  district: string | null;

  @ForeignKey('departments')
  @Column({ type: 'varchar', length: 32 })
  departmentCode: string;

  /** Higher wins when several rules match. */
  @Column({ type: 'integer', default: 0 })
  priority: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @ForeignKey('staff_users')
  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: instantType(), default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;
}
