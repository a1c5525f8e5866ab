import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { instantType } from '../../database/column-types';
import type { CaseKind } from '../../catalog/catalog.types';

/**
 * One retention rule (gallringsregel) of the information-management plan: how many days after a
 * case is closed its personal data is kept, and how many days after a contact answered without a
 * case. For one catalog entry (`catalogCode`), for every entry of a kind (`kind`), or, with
 * neither, the default. The stored rules replace the built-in ones as a whole (docs/personal-data.md).
 */
@Entity('retention_policies')
export class RetentionPolicyRow {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  catalogCode: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  kind: CaseKind | null;

  /** Days after closing that a case keeps its personal data. */
  @Column({ type: 'integer' })
  caseRetentionDays: number;

  /** Days after it ended that a contact with no case keeps its personal data. */
  @Column({ type: 'integer' })
  contactRetentionDays: number;

  @Column({ type: instantType() })
  updatedAt: Date;

  @Column({ type: 'varchar', length: 36, nullable: true })
  updatedById: string | null;
}
