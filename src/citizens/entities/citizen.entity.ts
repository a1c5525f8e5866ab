import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { instantType } from '../../database/column-types';
import { Gender, MessageLanguage } from '../citizen.types';

/**
 * A person who contacted the municipality. The personal identity number is kept
 * encrypted, with a keyed hash to find the person again; it is never listed in clear.
 */
@Entity('citizens')
@Index(['personalNumberHash'])
export class Citizen {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true, select: false })
  personalNumberHash: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true, select: false })
  personalNumberEncrypted: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  gender: Gender | null;

  /** The language the citizen reads messages in; null: not known (Swedish is used). */
  @Column({ type: 'varchar', length: 2, nullable: true })
  language: MessageLanguage | null;

  @CreateDateColumn({ type: instantType(), default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;
}
