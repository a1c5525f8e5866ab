import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instantType } from '../../database/column-types';

/**
 * The log of a person's rights exercised through an admin (GDPR art. 15-17): who asked for an
 * extract, an erasure or a correction, when, and by which identifier the person was looked up.
 * The identifier itself is not kept, and the outcome only as counts.
 */
@Entity('privacy_requests')
@Index(['at'])
export class PrivacyRequest {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ type: 'varchar', length: 16 })
  kind: 'extract' | 'erasure' | 'correction';

  @Column({ type: 'varchar', length: 16 })
  lookedUpBy: 'personalNumber' | 'email' | 'phone';

  @Column({ type: 'varchar', length: 36 })
  requestedById: string;

  @Column({ type: instantType() })
  at: Date;

  @Column({ type: 'simple-json' })
  outcome: Record<string, number>;
}
