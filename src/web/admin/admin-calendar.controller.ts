import { Get, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Roles } from '../../auth/roles.decorator';
import { StaffPrincipal } from '../../auth/roles';
import { CalendarService } from '../../calendar/calendar.service';
import { CalendarSettingsView } from '../../calendar/calendar-settings.view';
import { WEEKDAYS } from '../../calendar/local-time';
import { HOLIDAY_COUNTRIES } from '../../calendar/public-holidays';
import { ConsoleController } from '../console-page.decorator';
import { ConsoleRequest, PageFrame, PageRenderer } from '../page-renderer.service';
import { afterChange, attemptChange, doneNotice, formValues, listOf, RefusedForm, sendAdminPage } from './admin-forms';
import { intervalsOf, openingHoursText } from './opening-hours-text';

const PATH = '/admin/calendar';
const FORM_FIELDS = ['timeZone', 'holidayCountry', 'closedDates', ...WEEKDAYS];
/** The API body's paths, and the form field each is typed in; "no weekday open" is said on Monday. */
const FIELDS: Record<string, string> = {
  timeZone: 'timeZone',
  holidayCountry: 'holidayCountry',
  closedDates: 'closedDates',
  openingHours: 'mon',
  ...Object.fromEntries(WEEKDAYS.map((day) => [`openingHours.${day}`, day])),
};
/** The value of the holiday-country choice meaning "no public holidays close the office". */
const NO_COUNTRY = 'none';

/**
 * `/admin/calendar`: the business calendar in force (time zone, opening hours per weekday, whose
 * public holidays close the office, extra closure days) and a form replacing it, through
 * CalendarService.replace as `PUT /api/v1/calendar` (same checks, a new stored version). Opening
 * hours are typed as `08:00-16:30`, several with commas, nothing for a closed day. How eves are
 * kept is not on the form: they stay as they are while the holiday country stays, and take the
 * new country's defaults when it changes.
 */
@ConsoleController('admin/calendar')
@Roles('admin')
export class AdminCalendarController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly calendars: CalendarService,
  ) {}

  @Get()
  async page(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    await this.send(request, response, null);
  }

  @Post()
  async replace(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const values = formValues(request.body, FORM_FIELDS);
    const current = await this.calendars.settings();
    const holidayCountry = values.holidayCountry === NO_COUNTRY ? null : values.holidayCountry;
    const body = {
      timeZone: values.timeZone.trim(),
      openingHours: Object.fromEntries(WEEKDAYS.map((day) => [day, intervalsOf(values[day])])),
      holidayCountry,
      closedDates: listOf(values.closedDates),
      ...(holidayCountry === current.holidayCountry ? { eves: current.eves } : {}),
    };
    const refused = await attemptChange(
      () => this.calendars.replace(request.staff as StaffPrincipal, body),
      { form: 'calendar', values, fields: FIELDS, prefix: 'admin.calendar.error' },
      frame,
    );
    if (refused) return this.send(request, response, refused, frame);
    response.redirect(303, afterChange(PATH, 'saved'));
  }

  private async send(
    request: ConsoleRequest,
    response: Response,
    refused: RefusedForm | null,
    knownFrame?: PageFrame,
  ): Promise<void> {
    const frame = knownFrame ?? (await this.pages.frame(request, response));
    const settings = await this.calendars.settings();
    await sendAdminPage(
      this.pages,
      request,
      response,
      'admin/calendar.njk',
      {
        settings,
        weekdays: WEEKDAYS,
        typed: refused?.values ?? formOf(settings),
        notice: refused ? null : doneNotice(request, frame, 'admin.calendar', ['saved']),
        countryItems: [
          ...HOLIDAY_COUNTRIES.map((country) => ({
            value: country,
            text: frame.t(`admin.calendar.country.${country}`),
          })),
          { value: NO_COUNTRY, text: frame.t('admin.calendar.country.none') },
        ],
      },
      refused,
      frame,
    );
  }
}

/** The settings as the form shows them: `08:00-16:30, 17:00-19:00` per weekday, a closure day per line. */
function formOf(settings: CalendarSettingsView): Record<string, string> {
  return {
    timeZone: settings.timeZone,
    holidayCountry: settings.holidayCountry ?? NO_COUNTRY,
    closedDates: settings.closedDates.join('\n'),
    ...Object.fromEntries(WEEKDAYS.map((day) => [day, openingHoursText(settings.openingHours[day])])),
  };
}
