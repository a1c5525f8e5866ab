import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { instantType } from '../../database/column-types';
import type { PublishedContent } from '../register-publication';

/**
 * How cases of one catalog type appear in the public register: after how many hours, and with
 * their summary or with their existence only. A type without a rule follows DEFAULT_PUBLICATION_RULE.
 */
@Entity('register_publication_rules')
export class RegisterPublicationRule {
  @ForeignKey('catalog_entries')
  @PrimaryColumn({ type: 'varchar', length: 64 })
  catalogCode: string;

  @Column({ type: 'integer' })
  delayHours: number;

  @Column({ type: 'varchar', length: 16 })
  publishes: PublishedContent;

  @ForeignKey('staff_users')
  @Column({ type: 'varchar', length: 36, nullable: true })
  updatedById: string | null;

  /** UTC. */
  @Column({ type: instantType() })
  updatedAt: Date;
}
