import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instantType } from '../../database/column-types';

/** Who read a confidential case and when; changes are on the timeline. */
@Entity('case_access_log')
@Index(['caseId', 'at'])
export class CaseAccess {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @ForeignKey('cases', { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36 })
  caseId: string;

  @ForeignKey('staff_users')
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  /** `read` for the case itself, `timeline` for its history, `list` when it came in a list with content. */
  @Column({ type: 'varchar', length: 16 })
  access: 'read' | 'timeline' | 'list';

  @Column({ type: instantType() })
  at: Date;
}
