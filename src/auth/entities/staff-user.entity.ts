import { Column, CreateDateColumn, Entity, JoinTable, ManyToMany, PrimaryColumn } from 'typeorm';
import { instantType } from '../../database/column-types';
import { Department } from '../../organisation/entities/department.entity';
import { Role } from '../roles';

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
  @ManyToMany(() => Department)
  @JoinTable({
    name: 'staff_user_departments',
    joinColumn: { name: 'user_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'department_code', referencedColumnName: 'code' },
  })
  departments: Department[];

  @CreateDateColumn({ type: instantType(), default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;
}
