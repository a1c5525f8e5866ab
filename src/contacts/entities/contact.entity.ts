import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { instantType } from '../../database/column-types';
import { Gender } from '../../citizens/citizen.types';
import { Channel, ContactOutcome } from '../contact.types';

/**
 * One citizen contact with the service center, whatever came of it. The gender is
 * copied here so the gender-split statistics survive deletion of the person.
 */
@Entity('contacts')
export class Contact {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  @Column({ type: 'varchar', length: 32, nullable: true })
  servicePointCode: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  agentId: string | null;

  @Column({ type: instantType() })
  startedAt: Date;

  @Column({ type: instantType() })
  endedAt: Date;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  catalogCode: string | null;

  @Column({ type: 'varchar', length: 24 })
  outcome: ContactOutcome;

  @Column({ type: 'varchar', length: 36, nullable: true })
  citizenId: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  gender: Gender | null;

  @CreateDateColumn({ type: instantType() })
  createdAt: Date;
}
