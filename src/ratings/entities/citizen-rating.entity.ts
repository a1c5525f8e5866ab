import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { instantType } from '../../database/column-types';

/** Who gave the rating: staff recorded what the citizen said, or the citizen answered the survey (`/survey/{token}`). */
export const RATING_SOURCES = ['staff', 'citizen'] as const;
export type RatingSource = (typeof RATING_SOURCES)[number];

/**
 * A citizen's rating (1-5) of how easy it was, how they were treated and how clear the answer
 * was, about one contact or one case. Channel, department, service point and gender are copied
 * from what was rated, so the figures survive deletion of the contact, case or person.
 */
@Entity('citizen_ratings')
@Index(['contactId'], { unique: true })
@Index(['caseId'], { unique: true })
@Index(['ratedAt'])
export class CitizenRating {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @ForeignKey('contacts', { onDelete: 'SET NULL' })
  @Column({ type: 'varchar', length: 36, nullable: true })
  contactId: string | null;

  @ForeignKey('cases', { onDelete: 'SET NULL' })
  @Column({ type: 'varchar', length: 36, nullable: true })
  caseId: string | null;

  /** Enkelhet: how easy it was to get in touch and get help. */
  @Column({ type: 'integer', nullable: true })
  ease: number | null;

  /** Bemötande: how the citizen was treated. */
  @Column({ type: 'integer', nullable: true })
  treatment: number | null;

  /** Tydlighet: how clear the information or answer was. */
  @Column({ type: 'integer', nullable: true })
  clarity: number | null;

  @Column({ type: 'varchar', length: 16 })
  channel: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  departmentCode: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  servicePointCode: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  gender: string | null;

  @Column({ type: 'varchar', length: 16 })
  source: RatingSource;

  /** The citizen's free comment from the survey; null when none (and for ratings staff record). */
  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @ForeignKey('staff_users')
  @Column({ type: 'varchar', length: 36, nullable: true })
  recordedById: string | null;

  @Column({ type: instantType() })
  ratedAt: Date;
}
