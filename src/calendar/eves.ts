/**
 * Eves and similar days on which offices customarily close, or close early, without the day
 * being a public holiday.
 *
 * We compute the dates ourselves instead of reading them from date-holidays because there they
 * have inconsistent types between countries (SE: Midsummer, Christmas and New Year's Eve are
 * 'bank'; DK: Christmas Eve is 'observance' and New Year's Eve is missing; NO: both are 'bank',
 * New Year's Eve from 14:00) and the office's practice, not the bank calendar, decides.
 *
 * Easter Eve and Whitsun Eve are left out on purpose: they are always Saturdays, and an office
 * that opens on Saturdays can close them with closedDates.
 */
import { HolidayCountry } from './public-holidays';
import { easterSundayEpochDay, epochDayOf, weekdayOfEpochDay, WEEKDAYS } from './local-time';

export const EVE_NAMES = [
  'twelfthNightEve', // trettondagsafton, 5 January
  'maundyThursday', // skärtorsdagen; already a public holiday in DK and NO
  'walpurgisEve', // valborgsmässoafton, 30 April
  'danishConstitutionDay', // Grundlovsdag, 5 June; not a statutory holiday, but offices close
  'midsummerEve', // midsommarafton, the Friday between 19 and 25 June
  'allSaintsEve', // allhelgonaafton, the Friday between 30 October and 5 November
  'christmasEve', // julafton, 24 December
  'newYearsEve', // nyårsafton, 31 December
] as const;
export type EveName = (typeof EVE_NAMES)[number];

export const EVE_POLICIES = ['closed', 'half_day', 'open'] as const;
export type EvePolicy = (typeof EVE_POLICIES)[number];

/**
 * A half day means: the day's ordinary opening hours, cut off at a fixed local clock time
 * (halfDayClosesAt, default 12:00). We chose a clock time rather than "half of the opening
 * hours" because that is how closures are announced to citizens ("open until 12 on Christmas
 * Eve") and how Swedish and Danish agreements phrase it ("fri från kl. 12").
 */
export const DEFAULT_HALF_DAY_CLOSES_AT = '12:00';

export type EvePolicies = Record<EveName, EvePolicy>;

/** The eves section of the settings as the API accepts it: any subset of the eves. */
export type EveSettings = Partial<EvePolicies> & { halfDayClosesAt?: string };

/** The eves section after defaults are filled in. */
export type ResolvedEveSettings = EvePolicies & { halfDayClosesAt: string };

const ALL_OPEN: EvePolicies = {
  twelfthNightEve: 'open',
  maundyThursday: 'open',
  walpurgisEve: 'open',
  danishConstitutionDay: 'open',
  midsummerEve: 'open',
  allSaintsEve: 'open',
  christmasEve: 'open',
  newYearsEve: 'open',
};

/**
 * Defaults follow common practice for municipal offices in each country. Without a holiday
 * country the calendar is meant to be fully explicit, so nothing closes by default.
 */
export function defaultEvePolicies(country: HolidayCountry | null): EvePolicies {
  switch (country) {
    case 'SE':
      return { ...ALL_OPEN, midsummerEve: 'closed', christmasEve: 'closed', newYearsEve: 'closed' };
    case 'DK':
      // Borgerservice is closed on Grundlovsdag; KL agreements give municipal staff the day off
      // from 12:00 at least, and most offices simply stay closed.
      return { ...ALL_OPEN, danishConstitutionDay: 'closed', christmasEve: 'closed', newYearsEve: 'closed' };
    case 'NO':
      return { ...ALL_OPEN, christmasEve: 'closed', newYearsEve: 'closed' };
    case null:
      return { ...ALL_OPEN };
  }
}

export function resolveEveSettings(country: HolidayCountry | null, eves: EveSettings | undefined): ResolvedEveSettings {
  const resolved: ResolvedEveSettings = { ...defaultEvePolicies(country), halfDayClosesAt: DEFAULT_HALF_DAY_CLOSES_AT };
  for (const name of EVE_NAMES) {
    const policy = eves?.[name];
    if (policy !== undefined) resolved[name] = policy;
  }
  if (eves?.halfDayClosesAt !== undefined) resolved.halfDayClosesAt = eves.halfDayClosesAt;
  return resolved;
}

/** The eves of one year, keyed by epoch day. The eves never share a date. */
export function evesOfYear(year: number): Map<number, EveName> {
  const easterSunday = easterSundayEpochDay(year);
  return new Map<number, EveName>([
    [epochDayOf(year, 1, 5), 'twelfthNightEve'],
    [easterSunday - 3, 'maundyThursday'],
    [epochDayOf(year, 4, 30), 'walpurgisEve'],
    [epochDayOf(year, 6, 5), 'danishConstitutionDay'],
    [firstFridayFrom(epochDayOf(year, 6, 19)), 'midsummerEve'],
    [firstFridayFrom(epochDayOf(year, 10, 30)), 'allSaintsEve'],
    [epochDayOf(year, 12, 24), 'christmasEve'],
    [epochDayOf(year, 12, 31), 'newYearsEve'],
  ]);
}

const FRIDAY_INDEX = WEEKDAYS.indexOf('fri');

function firstFridayFrom(epochDay: number): number {
  const weekdayIndex = WEEKDAYS.indexOf(weekdayOfEpochDay(epochDay));
  return epochDay + ((FRIDAY_INDEX - weekdayIndex + 7) % 7);
}
