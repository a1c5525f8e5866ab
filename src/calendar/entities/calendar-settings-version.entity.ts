import { Column, Entity, ForeignKey, PrimaryGeneratedColumn } from 'typeorm';
import { instantType } from '../../database/column-types';
import { ResolvedCalendarSettings } from '../calendar-settings';

/**
 * One version of the business calendar settings. A change adds a row instead of updating one,
 * so that the history of opening hours is kept and every reader can tell which version it used.
 */
@Entity('calendar_settings')
export class CalendarSettingsVersion {
  @PrimaryGeneratedColumn('increment')
  version: number;

  /** The settings with every default filled in, as the calendar resolved them. */
  @Column({ type: 'simple-json' })
  settings: ResolvedCalendarSettings;

  @Column({ type: instantType() })
  createdAt: Date;

  @ForeignKey('staff_users')
  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;
}
