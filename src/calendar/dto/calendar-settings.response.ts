import { ApiProperty } from '@nestjs/swagger';
import { ApiInstant } from '../../common/api-instant.decorator';
import { CalendarSettingsView } from '../calendar-settings.view';
import { OpeningInterval } from '../calendar-settings';
import { EVE_POLICIES, EvePolicy } from '../eves';
import { HOLIDAY_COUNTRIES } from '../public-holidays';

const INTERVALS = {
  type: 'array',
  items: { type: 'array', items: { type: 'string', pattern: '^\\d{2}:\\d{2}$' }, minItems: 2, maxItems: 2 },
  description: 'Open intervals [opensAt, closesAt) in local clock time; none: closed all day',
  example: [['08:00', '16:30']],
} as const;

/** Opening hours per weekday; several intervals allow a lunch closure. */
class WeeklyOpeningHoursResponse {
  @ApiProperty(INTERVALS) mon: OpeningInterval[];
  @ApiProperty(INTERVALS) tue: OpeningInterval[];
  @ApiProperty(INTERVALS) wed: OpeningInterval[];
  @ApiProperty(INTERVALS) thu: OpeningInterval[];
  @ApiProperty(INTERVALS) fri: OpeningInterval[];
  @ApiProperty({ ...INTERVALS, example: [] }) sat: OpeningInterval[];
  @ApiProperty({ ...INTERVALS, example: [] }) sun: OpeningInterval[];
}

const EVE = { enum: EVE_POLICIES, description: 'closed, half_day (open until halfDayClosesAt) or open' } as const;

/** How the office keeps the eves of holidays, with the holiday country's defaults filled in. */
class EveSettingsResponse {
  @ApiProperty({ ...EVE, description: `Twelfth Night eve, 5 January: ${EVE.description}` })
  twelfthNightEve: EvePolicy;
  @ApiProperty({ ...EVE, description: `Maundy Thursday: ${EVE.description}` })
  maundyThursday: EvePolicy;
  @ApiProperty({ ...EVE, description: `Walpurgis eve, 30 April: ${EVE.description}` })
  walpurgisEve: EvePolicy;
  @ApiProperty({ ...EVE, description: `Danish Constitution Day, 5 June: ${EVE.description}` })
  danishConstitutionDay: EvePolicy;
  @ApiProperty({ ...EVE, description: `Midsummer eve: ${EVE.description}` })
  midsummerEve: EvePolicy;
  @ApiProperty({ ...EVE, description: `All Saints' eve: ${EVE.description}` })
  allSaintsEve: EvePolicy;
  @ApiProperty({ ...EVE, description: `Christmas eve: ${EVE.description}` })
  christmasEve: EvePolicy;
  @ApiProperty({ ...EVE, description: `New Year's eve: ${EVE.description}` })
  newYearsEve: EvePolicy;
  @ApiProperty({ description: 'Local clock time at which a half day closes', example: '12:00' })
  halfDayClosesAt: string;
}

/** The business calendar settings of one version, with every default filled in. */
export class CalendarSettingsResponse {
  @ApiProperty({ description: 'Settings version; 0 means nothing is stored and the defaults apply', example: 3 })
  version: number;

  @ApiProperty({ description: 'IANA time zone of the opening hours and dates', example: 'Europe/Stockholm' })
  timeZone: string;

  @ApiProperty({ type: WeeklyOpeningHoursResponse })
  openingHours: WeeklyOpeningHoursResponse;

  @ApiProperty({
    type: String,
    enum: HOLIDAY_COUNTRIES,
    nullable: true,
    description: 'Whose public holidays close the office; null for none',
  })
  holidayCountry: string | null;

  @ApiProperty({
    type: [String],
    description: 'Extra closed days, local dates YYYY-MM-DD',
    example: ['2026-12-28'],
  })
  closedDates: string[];

  @ApiProperty({ type: EveSettingsResponse })
  eves: EveSettingsResponse;

  @ApiInstant('When this version was stored; null for the defaults', { nullable: true })
  updatedAt: Date | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who stored it' })
  updatedById: string | null;
}

export function toCalendarSettingsResponse(view: CalendarSettingsView): CalendarSettingsResponse {
  return {
    version: view.version,
    timeZone: view.timeZone,
    openingHours: view.openingHours,
    holidayCountry: view.holidayCountry,
    closedDates: view.closedDates,
    eves: view.eves,
    updatedAt: view.updatedAt,
    updatedById: view.updatedById,
  };
}
