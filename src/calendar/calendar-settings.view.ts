import { ApiProperty } from '@nestjs/swagger';
import { ResolvedEveSettings } from './eves';
import { HolidayCountry } from './public-holidays';
import { WeeklyOpeningHours } from './calendar-settings';

/** The calendar settings in force, as GET and PUT /api/v1/calendar answer them. */
export class CalendarSettingsView {
  @ApiProperty({ description: 'Settings version; 0 means nothing is stored and the defaults apply' })
  version: number;

  @ApiProperty({ example: 'Europe/Stockholm' })
  timeZone: string;

  @ApiProperty({
    example: {
      mon: [['08:00', '16:30']],
      tue: [['08:00', '16:30']],
      wed: [['08:00', '16:30']],
      thu: [['08:00', '16:30']],
      fri: [['08:00', '16:30']],
      sat: [],
      sun: [],
    },
  })
  openingHours: WeeklyOpeningHours;

  @ApiProperty({ enum: ['SE', 'DK', 'NO'], nullable: true })
  holidayCountry: HolidayCountry | null;

  @ApiProperty({ type: [String], example: ['2026-12-28'] })
  closedDates: string[];

  @ApiProperty({
    example: {
      midsummerEve: 'closed',
      christmasEve: 'closed',
      newYearsEve: 'closed',
      walpurgisEve: 'half_day',
      halfDayClosesAt: '12:00',
    },
  })
  eves: ResolvedEveSettings;

  @ApiProperty({ nullable: true, description: 'When this version was stored; null for the defaults' })
  updatedAt: Date | null;

  @ApiProperty({ nullable: true })
  updatedById: string | null;
}
