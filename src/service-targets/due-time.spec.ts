import { BusinessCalendar, DEFAULT_CALENDAR_SETTINGS } from '../calendar/business-calendar';
import { dueAtFor, shiftByWorkingMinutes, warnAtFor } from './due-time';

/**
 * The default calendar: Mon-Fri 08:00-16:30 Europe/Stockholm, Swedish holidays. In May 2026
 * Stockholm is UTC+2, so 08:00 local is 06:00Z and the 16:30 close is 14:30Z. Monday
 * 2026-05-04 starts a full week; Thursday 2026-05-14 is Ascension Day (a public holiday).
 * A working day has 510 open minutes.
 */
const calendar = new BusinessCalendar(DEFAULT_CALENDAR_SETTINGS);
const at = (iso: string) => new Date(iso);

describe('service-target due times', () => {
  it('answers an e-mail received Monday 10:00 within 1 working day by Tuesday 16:30 (KKiK)', () => {
    expect(dueAtFor(calendar, at('2026-05-04T08:00:00Z'), { value: 1, unit: 'working_days' }).toISOString()).toBe(
      '2026-05-05T14:30:00.000Z',
    );
  });

  it('counts an e-mail received after closing from the next working day', () => {
    // Monday 20:00 local: day 0 is Tuesday, so 1 working day is Wednesday's close.
    expect(dueAtFor(calendar, at('2026-05-04T18:00:00Z'), { value: 1, unit: 'working_days' }).toISOString()).toBe(
      '2026-05-06T14:30:00.000Z',
    );
    // Friday 15:00 local, in time: day 0 is Friday, day 1 the Monday after the weekend.
    expect(dueAtFor(calendar, at('2026-05-08T13:00:00Z'), { value: 1, unit: 'working_days' }).toISOString()).toBe(
      '2026-05-11T14:30:00.000Z',
    );
  });

  it("makes a callback promised within the same working day due at that day's close, or the next day's after hours", () => {
    expect(dueAtFor(calendar, at('2026-05-04T08:00:00Z'), { value: 0, unit: 'working_days' }).toISOString()).toBe(
      '2026-05-04T14:30:00.000Z',
    );
    expect(dueAtFor(calendar, at('2026-05-04T15:00:00Z'), { value: 0, unit: 'working_days' }).toISOString()).toBe(
      '2026-05-05T14:30:00.000Z',
    );
  });

  it('skips weekends and public holidays for fault-report resolution in working days', () => {
    // pothole, 5 working days from Monday 10:00: Tue 1, Wed 2, Thu 3, Fri 4, Mon 11 May 5.
    expect(dueAtFor(calendar, at('2026-05-04T08:00:00Z'), { value: 5, unit: 'working_days' }).toISOString()).toBe(
      '2026-05-11T14:30:00.000Z',
    );
    // street_light, 10: ... Wed 13 is 7, Ascension Thu 14 is closed, Fri 15 is 8, Mon 18 9, Tue 19 10.
    expect(dueAtFor(calendar, at('2026-05-04T08:00:00Z'), { value: 10, unit: 'working_days' }).toISOString()).toBe(
      '2026-05-19T14:30:00.000Z',
    );
    // 1 working day from Wednesday 13 May 10:00: Thursday is Ascension Day, so Friday's close.
    expect(dueAtFor(calendar, at('2026-05-13T08:00:00Z'), { value: 1, unit: 'working_days' }).toISOString()).toBe(
      '2026-05-15T14:30:00.000Z',
    );
  });

  it('counts working hours in open time only, over the night', () => {
    // 2 working hours from Monday 15:30 local: 60 minutes to the close, 60 from Tuesday 08:00.
    expect(dueAtFor(calendar, at('2026-05-04T13:30:00Z'), { value: 2, unit: 'working_hours' }).toISOString()).toBe(
      '2026-05-05T07:00:00.000Z',
    );
    // 90 working minutes from Saturday: the clock starts at Monday's opening, 08:00 + 1:30.
    expect(dueAtFor(calendar, at('2026-05-09T10:00:00Z'), { value: 90, unit: 'working_minutes' }).toISOString()).toBe(
      '2026-05-11T07:30:00.000Z',
    );
  });

  it("moves a due time at a day's close by paused working minutes into the next working day", () => {
    expect(shiftByWorkingMinutes(calendar, at('2026-05-05T14:30:00Z'), 30).toISOString()).toBe(
      '2026-05-06T06:30:00.000Z',
    );
    expect(shiftByWorkingMinutes(calendar, at('2026-05-05T14:30:00Z'), 0).toISOString()).toBe(
      '2026-05-05T14:30:00.000Z',
    );
    // A whole working day (510 minutes) from Tuesday's close runs out exactly at Wednesday's close.
    expect(shiftByWorkingMinutes(calendar, at('2026-05-05T14:30:00Z'), 510).toISOString()).toBe(
      '2026-05-06T14:30:00.000Z',
    );
  });

  it('warns when 80 % of the working time allowed is used', () => {
    // Monday 10:00 to Tuesday 16:30 allows 390 + 510 = 900 minutes; 80 % is 720: Monday's 390,
    // then 330 on Tuesday from 08:00, so 13:30 local.
    expect(warnAtFor(calendar, at('2026-05-04T08:00:00Z'), at('2026-05-05T14:30:00Z'), 0, 0.8)?.toISOString()).toBe(
      '2026-05-05T11:30:00.000Z',
    );
  });

  it('moves the warning by the same pause as the due time', () => {
    // Paused Monday 10:00 to Tuesday 10:00: 390 + 120 = 510 working minutes, so the due time went
    // from Tuesday 16:30 to Wednesday 16:30. The warning, 720 minutes into the 900 allowed, moves
    // from Tuesday 13:30 by 510: 180 to Tuesday's close and 330 on Wednesday, 13:30 local.
    expect(warnAtFor(calendar, at('2026-05-04T08:00:00Z'), at('2026-05-06T14:30:00Z'), 510, 0.8)?.toISOString()).toBe(
      '2026-05-06T11:30:00.000Z',
    );
  });

  it('has no warning for a target that allows no open time', () => {
    expect(warnAtFor(calendar, at('2026-05-04T08:00:00Z'), at('2026-05-04T08:00:00Z'), 0, 0.8)).toBeNull();
  });
});
