import { Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StaffUser } from './staff-user.entity';

/**
 * A staff member's membership of a department: handlers work in one or more, agents in the
 * service center's; managers and admins belong to none and see all. The department is named by
 * its code (the organisation area owns departments); a renamed code is carried along.
 */
@Entity('staff_user_departments')
export class StaffDepartment {
  @Index()
  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;

  @Index()
  @ForeignKey('departments', { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @PrimaryColumn({ type: 'varchar', length: 32 })
  departmentCode: string;

  @ManyToOne(() => StaffUser, (user) => user.departments, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: StaffUser;
}
