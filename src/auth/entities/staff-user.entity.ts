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

  /** An argon2id hash; null for staff who only sign in through the identity provider. */
  @Column({ type: 'varchar', length: 200, select: false, nullable: true })
  passwordHash: string | null;

  /**
   * The identity provider's subject (`sub`) for this person: the key a sign-in through the
   * provider is matched by, never reassigned by the provider and at most 255 characters (OpenID
   * Connect Core 1.0, 2). Null for staff who have not signed in through it.
   */
  @Column({ type: 'varchar', length: 255, unique: true, nullable: true })
  oidcSubject: string | null;

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
