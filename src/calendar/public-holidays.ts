/**
 * Public holidays from date-holidays, reduced to what closes an office: a set of local dates.
 *
 * Only type 'public' counts. date-holidays also lists 'bank' days (SE Midsummer, Christmas and
 * New Year's Eve; NO Christmas and New Year's Eve), 'optional' half days (SE trettondagsafton,
 * valborgsmässoafton, allhelgonaafton from 12:00) and 'observance' days (SE Maundy Thursday,
 * Easter Eve, Whit Monday since 2005; DK Grundlovsdag, Christmas Eve, 1 May). Those do not close
 * an office by law; the eves configuration decides about the ones that matter in practice.
 * Denmark's Store Bededag is 'public' up to 2023 and absent from 2024, matching its abolition.
 *
 * A public holiday closes the whole local date, which holds for every public holiday of the
 * supported countries (none starts at a later clock time).
 */
import Holidays from 'date-holidays';

export const HOLIDAY_COUNTRIES = ['SE', 'DK', 'NO'] as const;
export type HolidayCountry = (typeof HOLIDAY_COUNTRIES)[number];

// date-holidays parses its rule set on construction and recomputes on every getHolidays call,
// so both the instances and the per-year results are shared by every calendar in the process.
const holidaysByCountry = new Map<HolidayCountry, Holidays>();
const publicHolidayDatesByCountryYear = new Map<string, ReadonlySet<string>>();

/** Local dates ('YYYY-MM-DD') of the public holidays of one country and year. */
export function publicHolidayDates(country: HolidayCountry, year: number): ReadonlySet<string> {
  const key = `${country}:${year}`;
  let dates = publicHolidayDatesByCountryYear.get(key);
  if (!dates) {
    dates = new Set(
      holidaysFor(country)
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        // The date field is the local date and time in the country, e.g. '2026-06-20 00:00:00'.
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    publicHolidayDatesByCountryYear.set(key, dates);
  }
  return dates;
}

function holidaysFor(country: HolidayCountry): Holidays {
  let holidays = holidaysByCountry.get(country);
  if (!holidays) {
    holidays = new Holidays(country);
    holidaysByCountry.set(country, holidays);
  }
  return holidays;
}
