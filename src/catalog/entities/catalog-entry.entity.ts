import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { instantType } from '../../database/column-types';
import { CaseKind, Priority } from '../catalog.types';

/** One type of case in the service catalog ("bilaga 1": who handles what). */
@Entity('catalog_entries')
export class CatalogEntry {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  nameSv: string;

  @Column({ type: 'varchar', length: 200 })
  nameEn: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  nameDa: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind: CaseKind;

  @ForeignKey('departments')
  @Column({ type: 'varchar', length: 32 })
  departmentCode: string;

  @Column({ type: 'boolean', default: () => 'false' })
  handledByServiceCenter: boolean;

  @Column({ type: 'varchar', length: 10 })
  priority: Priority;

  @Column({ type: 'simple-json' })
  keywords: string[];

  @Column({ type: 'boolean', default: () => 'false' })
  confidential: boolean;

  @Column({ type: 'boolean', default: () => 'true' })
  active: boolean;

  @CreateDateColumn({ type: instantType(), default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;

  @UpdateDateColumn({ type: instantType(), default: () => 'CURRENT_TIMESTAMP' })
  updatedAt: Date;
}
