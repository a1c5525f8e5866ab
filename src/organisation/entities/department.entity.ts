import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { instantType } from '../../database/column-types';

@Entity('departments')
export class Department {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @CreateDateColumn({ type: instantType(), default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;
}
