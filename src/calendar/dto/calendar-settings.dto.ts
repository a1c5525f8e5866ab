import { ApiProperty } from '@nestjs/swagger';

/**
 * The body of PUT /api/v1/calendar, for the API documentation only. The body itself is checked by
 * validateCalendarSettings, which reports every bad field at once with its path; a DTO with
 * class-validator rules would duplicate those rules and phrase them differently.
 */
export class CalendarSettingsBody {
  @ApiProperty({
    required: false,
    example: 'Europe/Stockholm',
    description: 'IANA time zone; default Europe/Stockholm',
  })
  timeZone?: string;

  @ApiProperty({
    example: {
      mon: [['08:00', '17:00']],
      tue: [['08:00', '17:00']],
      wed: [['08:00', '17:00']],
      thu: [['08:00', '17:00']],
      fri: [['08:00', '15:00']],
      sat: [],
      sun: [],
    },
    description: 'Local opening intervals [opensAt, closesAt) per weekday; [] or a missing weekday is closed',
  })
  openingHours: Record<string, Array<[string, string]>>;

  @ApiProperty({
    required: false,
    enum: ['SE', 'DK', 'NO'],
    nullable: true,
    description: 'Whose public holidays close the office; default SE',
  })
  holidayCountry?: 'SE' | 'DK' | 'NO' | null;

  @ApiProperty({
    required: false,
    type: [String],
    example: ['2026-12-28'],
    description: 'Extra closure days, local YYYY-MM-DD',
  })
  closedDates?: string[];

  @ApiProperty({
    required: false,
    example: { walpurgisEve: 'half_day', halfDayClosesAt: '12:00' },
    description: 'closed | half_day | open per eve; missing eves take the country default',
  })
  eves?: Record<string, string>;
}
