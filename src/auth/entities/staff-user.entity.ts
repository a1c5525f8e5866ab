import { Column, CreateDateColumn, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import { instantType } from '../../database/column-types';
import { Role } from '../roles';
import { StaffDepartment } from './staff-department.entity';

@Entity('staff_users')
export class StaffUser {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 200, select: false })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ type: 'boolean', default: () => 'true' })
  active: boolean;

  /** The departments a handler works in; managers and admins see all. */
  @OneToMany(() => StaffDepartment, (membership) => membership.user, { cascade: ['insert'] })
  departments: StaffDepartment[];

  @CreateDateColumn({ type: instantType(), default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;
}
