import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { instantType } from '../../database/column-types';

/**
 * A client application allowed to post service requests through Open311 (a city app,
 * FixMyStreet, FixaMinGata). Its API key is shown once when issued and kept only as a SHA-256
 * hash: the key is 32 random bytes, so a slow password hash would add nothing.
 */
@Entity('open311_clients')
export class Open311Client {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** SHA-256 of the API key, hex. */
  @Column({ type: 'varchar', length: 64, unique: true })
  keyHash: string;

  @ForeignKey('staff_users')
  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: instantType(), default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;

  /** When an admin revoked the key (UTC); from then on the key is refused with 403. */
  @Column({ type: instantType(), nullable: true })
  revokedAt: Date | null;
}
