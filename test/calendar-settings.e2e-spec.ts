import { validateCalendarSettings } from '../src/calendar/calendar-settings';
import { OFFICE_HOURS } from './statistics-fixtures';
import { ApiClient } from './support/api-client';
import { createTestApp, TestApp } from './support/test-app';

describe('calendar settings (GET and PUT /api/v1/calendar)', () => {
  let t: TestApp;
  let admin: ApiClient;
  let agent: ApiClient;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-03-01T10:00:00Z' });
    [admin, agent] = await ApiClient.loginAll(t, 'admin@demo.local', 'agent@demo.local');
  });
  afterAll(() => t.close());

  it('answers the defaults, version 0, before anything is stored, to any staff member', async () => {
    expect(await agent.calendar()).toMatchObject({
      version: 0,
      timeZone: 'Europe/Stockholm',
      holidayCountry: 'SE',
      closedDates: [],
      updatedAt: null,
      openingHours: { mon: [['08:00', '16:30']], fri: [['08:00', '16:30']], sat: [], sun: [] },
      eves: {
        midsummerEve: 'closed',
        christmasEve: 'closed',
        newYearsEve: 'closed',
        walpurgisEve: 'open',
        halfDayClosesAt: '12:00',
      },
    });
    await ApiClient.anonymous(t).calendar().expectStatus(401);
  });

  it('lets only an admin store settings, and answers the stored settings with defaults filled in', async () => {
    const manager = await ApiClient.login(t, 'manager@demo.local');
    await manager.replaceCalendar(OFFICE_HOURS).expectStatus(403);
    const body = {
      ...OFFICE_HOURS,
      openingHours: {
        ...OFFICE_HOURS.openingHours,
        fri: [
          ['13:00', '15:00'],
          ['08:00', '12:00'],
        ],
      },
      closedDates: ['2026-12-28', '2026-12-28'],
    };
    const stored = await admin.replaceCalendar(body);
    expect(stored).toMatchObject({
      version: 1,
      timeZone: 'Europe/Stockholm',
      holidayCountry: 'SE',
      openingHours: {
        fri: [
          ['08:00', '12:00'],
          ['13:00', '15:00'],
        ],
        sat: [],
      },
      closedDates: ['2026-12-28'],
      eves: { midsummerEve: 'closed' },
      updatedAt: '2026-03-01T10:00:00.000Z',
    });
    expect(await agent.calendar()).toEqual(stored);
  });

  it('refuses bad settings with every problem at once and changes nothing', async () => {
    const bad = {
      timeZone: 'Mars/Olympus',
      openingHours: { mon: [['09:00', '08:00']], fun: [] },
      holidayCountry: 'FI',
      closedDates: ['2026-02-30'],
      colour: 'blue',
    };
    const response = await admin.replaceCalendar(bad).expectStatus(400);
    expect(response.body.message).toEqual(validateCalendarSettings(bad));
    expect(response.body.message).toContain(
      'holidayCountry: "FI" is not supported (expected "SE", "DK", "NO" or null)',
    );
    expect(response.body.message).toHaveLength(6);
    expect((await agent.calendar()).version).toBe(1);
    await admin.replaceCalendar([]).expectStatus(400);
  });

  it('computes working time with the settings in force, and follows a change at once', async () => {
    // Mon 2 Mar 10:00 to Tue 3 Mar 11:30 Stockholm (UTC+1): 6.5 h + 3.5 h = 600 minutes.
    expect(await agent.workingTime({ from: '2026-03-02T09:00:00Z', to: '2026-03-03T10:30:00Z' })).toMatchObject({
      workingMinutes: 600,
      calendarVersion: 1,
    });
    // Within 1 working day of Mon 10:00 = by the close of Tuesday, 16:30 local.
    expect(await agent.workingTime({ from: '2026-03-02T09:00:00Z', addWorkingDays: 1 })).toMatchObject({
      dueAt: '2026-03-03T15:30:00.000Z',
    });
    // Friday closes at 15:00 in version 1: 60 minutes from Fri 14:30 run 30 on Friday and 30 on Monday.
    expect(await agent.workingTime({ from: '2026-03-06T13:30:00Z', addWorkingMinutes: 60 })).toMatchObject({
      dueAt: '2026-03-09T07:30:00.000Z',
    });

    t.setNow('2026-03-01T11:00:00Z');
    const longer = {
      ...OFFICE_HOURS,
      openingHours: { ...OFFICE_HOURS.openingHours, mon: [['08:00', '17:00']] },
      eves: { walpurgisEve: 'half_day' },
    };
    expect(await admin.replaceCalendar(longer)).toMatchObject({
      version: 2,
      eves: { walpurgisEve: 'half_day' },
    });
    // Monday now closes at 17:00: 7 h + 3.5 h.
    expect(await agent.workingTime({ from: '2026-03-02T09:00:00Z', to: '2026-03-03T10:30:00Z' })).toMatchObject({
      workingMinutes: 630,
      calendarVersion: 2,
    });
  });

  it('keeps every version as history, newest first', async () => {
    const history = await admin.calendarHistory();
    expect(history.map((version) => [version.version, version.updatedAt])).toEqual([
      [2, '2026-03-01T11:00:00.000Z'],
      [1, '2026-03-01T10:00:00.000Z'],
    ]);
    await agent.calendarHistory().expectStatus(403);
  });

  it('asks for exactly one question in working-time', async () => {
    const response = await agent
      .workingTime({ from: '2026-03-02T09:00:00Z', to: '2026-03-03T09:00:00Z', addWorkingDays: 1 })
      .expectStatus(400);
    expect(response.body.message).toEqual(['give exactly one of to, addWorkingDays and addWorkingMinutes']);
  });
});
