import { ServicePointKind } from '../organisation.types';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { instantType } from '../../database/column-types';

/** Where a contact happens: the main desk, the phone line, e-mail, the web, a library branch office. */
@Entity('service_points')
export class ServicePoint {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ServicePointKind;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Column({ type: 'boolean', default: () => 'true' })
  active: boolean;

  @CreateDateColumn({ type: instantType(), default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;
}
