import { validateCalendarSettings } from '../src/calendar/calendar-settings';
import { OFFICE_HOURS } from './statistics-fixtures';
import { bearer, createTestApp, TestApp } from './support/test-app';

describe('calendar settings (GET and PUT /api/v1/calendar)', () => {
  let t: TestApp;
  let admin: string;
  let agent: string;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-03-01T10:00:00Z' });
    [admin, agent] = await Promise.all(['admin@demo.local', 'agent@demo.local'].map((email) => t.login(email)));
  });
  afterAll(() => t.close());

  const workingTime = async (query: Record<string, string | number>) =>
    (await t.http().get('/api/v1/calendar/working-time').query(query).set(bearer(agent)).expect(200)).body;

  it('answers the defaults, version 0, before anything is stored, to any staff member', async () => {
    const response = await t.http().get('/api/v1/calendar').set(bearer(agent)).expect(200);
    expect(response.body).toMatchObject({
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
    await t.http().get('/api/v1/calendar').expect(401);
  });

  it('lets only an admin store settings, and answers the stored settings with defaults filled in', async () => {
    await t
      .http()
      .put('/api/v1/calendar')
      .set(bearer(await t.login('manager@demo.local')))
      .send(OFFICE_HOURS)
      .expect(403);
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
    const response = await t.http().put('/api/v1/calendar').set(bearer(admin)).send(body).expect(200);
    expect(response.body).toMatchObject({
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
    expect((await t.http().get('/api/v1/calendar').set(bearer(agent)).expect(200)).body).toEqual(response.body);
  });

  it('refuses bad settings with every problem at once and changes nothing', async () => {
    const bad = {
      timeZone: 'Mars/Olympus',
      openingHours: { mon: [['09:00', '08:00']], fun: [] },
      holidayCountry: 'FI',
      closedDates: ['2026-02-30'],
      colour: 'blue',
    };
    const response = await t.http().put('/api/v1/calendar').set(bearer(admin)).send(bad).expect(400);
    expect(response.body.message).toEqual(validateCalendarSettings(bad));
    expect(response.body.message).toContain(
      'holidayCountry: "FI" is not supported (expected "SE", "DK", "NO" or null)',
    );
    expect(response.body.message).toHaveLength(6);
    expect((await t.http().get('/api/v1/calendar').set(bearer(agent)).expect(200)).body.version).toBe(1);
    await t.http().put('/api/v1/calendar').set(bearer(admin)).send([]).expect(400);
  });

  it('computes working time with the settings in force, and follows a change at once', async () => {
    // Mon 2 Mar 10:00 to Tue 3 Mar 11:30 Stockholm (UTC+1): 6.5 h + 3.5 h = 600 minutes.
    expect(await workingTime({ from: '2026-03-02T09:00:00Z', to: '2026-03-03T10:30:00Z' })).toMatchObject({
      workingMinutes: 600,
      calendarVersion: 1,
    });
    // Within 1 working day of Mon 10:00 = by the close of Tuesday, 16:30 local.
    expect(await workingTime({ from: '2026-03-02T09:00:00Z', addWorkingDays: 1 })).toMatchObject({
      dueAt: '2026-03-03T15:30:00.000Z',
    });
    // Friday closes at 15:00 in version 1: 60 minutes from Fri 14:30 run 30 on Friday and 30 on Monday.
    expect(await workingTime({ from: '2026-03-06T13:30:00Z', addWorkingMinutes: 60 })).toMatchObject({
      dueAt: '2026-03-09T07:30:00.000Z',
    });

    t.setNow('2026-03-01T11:00:00Z');
    const longer = {
      ...OFFICE_HOURS,
      openingHours: { ...OFFICE_HOURS.openingHours, mon: [['08:00', '17:00']] },
      eves: { walpurgisEve: 'half_day' },
    };
    expect((await t.http().put('/api/v1/calendar').set(bearer(admin)).send(longer).expect(200)).body).toMatchObject({
      version: 2,
      eves: { walpurgisEve: 'half_day' },
    });
    // Monday now closes at 17:00: 7 h + 3.5 h.
    expect(await workingTime({ from: '2026-03-02T09:00:00Z', to: '2026-03-03T10:30:00Z' })).toMatchObject({
      workingMinutes: 630,
      calendarVersion: 2,
    });
  });

  it('keeps every version as history, newest first', async () => {
    const history = await t.http().get('/api/v1/calendar/history').set(bearer(admin)).expect(200);
    expect(
      history.body.map((version: { version: number; updatedAt: string }) => [version.version, version.updatedAt]),
    ).toEqual([
      [2, '2026-03-01T11:00:00.000Z'],
      [1, '2026-03-01T10:00:00.000Z'],
    ]);
    await t.http().get('/api/v1/calendar/history').set(bearer(agent)).expect(403);
  });

  it('asks for exactly one question in working-time', async () => {
    const response = await t
      .http()
      .get('/api/v1/calendar/working-time')
      .query({ from: '2026-03-02T09:00:00Z', to: '2026-03-03T09:00:00Z', addWorkingDays: 1 })
      .set(bearer(agent))
      .expect(400);
    expect(response.body.message).toEqual(['give exactly one of to, addWorkingDays and addWorkingMinutes']);
  });
});
