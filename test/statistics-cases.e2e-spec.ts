import { caseSteps, csvRows, OFFICE_HOURS } from './statistics-fixtures';
import { ApiClient } from './support/api-client';
import { StatisticsQuery } from './support/api-types';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Cases statistics worked out by hand. Office hours Mon-Fri 08:00-16:30 Europe/Stockholm, which
 * is UTC+1 in March 2026 before the switch on 29 March (so 09:00Z is 10:00 local). No Swedish
 * public holidays fall in the period. Report period March 2026, local: [2026-03-01, 2026-04-01).
 *
 *  case  received (local)      dept channel  what happens                                  working hours to resolution
 *  K     Sat 28 Feb 23:30      KFF  visit    resolved on the spot; 22:30Z is still February  (outside the period)
 *  J     Sun  1 Mar 00:30      KFF  visit    resolved on the spot (23:30Z on 28 Feb)        0
 *  H     Mon  2 Mar 09:00      TEK  email    replied Thu 5 Mar 09:00 (late), never resolved
 *  A     Mon  2 Mar 10:00      TEK  phone    replied 11:00, resolved Tue 3 Mar 11:30        Mon 10:00-16:30 6.5 + Tue 08:00-11:30 3.5 = 10.0
 *  B     Mon  2 Mar 15:00      TEK  email    resolved Wed 4 Mar 09:00                       Mon 1.5 + Tue 8.5 + Wed 1.0 = 11.0
 *  D     Tue  3 Mar 09:00      MHF  phone    nothing: never answered
 *  E     Thu  5 Mar 16:00      TEK  phone    returned, routed back, resolved Mon 9 Mar 12:00 Thu 0.5 + Fri 8.5 + Mon 4.0 = 13.0
 *  C     Sat  7 Mar 12:00      VA   web      resolved Mon 9 Mar 08:30, reopened, resolved 09:00   Mon 08:00-09:00 = 1.0
 *  G     Mon  9 Mar 13:00      VA   phone    resolved 15:15                                 2.25
 *  I     Thu 19 Mar 10:00      TEK  phone    nothing yet (report runs Fri 20 Mar 12:00)
 *
 * First response within 2 working days (deadline: close of the 2nd working day after the day of
 * arrival; a weekend arrival counts from Monday): A, B, C, E, G, J met; H late (due Wed 4 Mar
 * 16:30, replied Thu); D missed (due Thu 5 Mar 16:30); I pending (due Mon 23 Mar 16:30).
 * Resolution within 10 working days: A, B, C, E, G, J met; D (due Tue 17 Mar) and H (due Mon
 * 16 Mar) missed; I pending.
 */
describe('statistics: cases (GET /api/v1/statistics/cases)', () => {
  let t: TestApp;
  let agent: ApiClient;
  let handler: ApiClient;
  let handlerVa: ApiClient;
  let manager: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-02-20T08:00:00Z' });
    [agent, handler, handlerVa, manager, admin] = await ApiClient.loginAll(
      t,
      'agent@demo.local',
      'handler@demo.local',
      'handler.va@demo.local',
      'manager@demo.local',
      'admin@demo.local',
    );
    await admin.replaceCalendar(OFFICE_HOURS);
    const steps = caseSteps(t);
    const onSpot = { catalogCode: 'swimming_pool', channel: 'visit', resolvedOnSpot: true };
    await steps.create('2026-02-28T22:30:00Z', agent, onSpot); // K
    await steps.create('2026-02-28T23:30:00Z', agent, onSpot); // J
    const h = await steps.create('2026-03-02T08:00:00Z', agent, { catalogCode: 'street_light', channel: 'email' });
    const a = await steps.create('2026-03-02T09:00:00Z', agent, { catalogCode: 'street_light', channel: 'phone' });
    await steps.routed('2026-03-02T10:00:00Z', agent, a);
    await steps.act('2026-03-02T10:00:00Z', handler, a, 'claim');
    await steps.reply('2026-03-02T10:00:00Z', handler, a);
    const b = await steps.create('2026-03-02T14:00:00Z', agent, { catalogCode: 'pothole', channel: 'email' });
    await steps.create('2026-03-03T08:00:00Z', agent, { catalogCode: 'noise', channel: 'phone' }); // D
    await steps.act('2026-03-03T10:30:00Z', handler, a, 'resolve');
    await steps.routed('2026-03-04T08:00:00Z', agent, b);
    await steps.act('2026-03-04T08:00:00Z', handler, b, 'claim');
    await steps.act('2026-03-04T08:00:00Z', handler, b, 'resolve');
    await steps.reply('2026-03-05T08:00:00Z', handler, h);
    const e = await steps.create('2026-03-05T15:00:00Z', agent, { catalogCode: 'street_light', channel: 'phone' });
    await steps.routed('2026-03-05T15:05:00Z', agent, e);
    await steps.act('2026-03-05T15:05:00Z', handler, e, 'claim');
    await steps.act('2026-03-05T15:10:00Z', handler, e, 'return', { reason: 'Gäller en privat väg' });
    await steps.act('2026-03-05T15:15:00Z', manager, e, 'route', { departmentCode: 'TEK' });
    await steps.act('2026-03-05T15:20:00Z', handler, e, 'claim');
    const c = await steps.create('2026-03-07T11:00:00Z', agent, { catalogCode: 'water_leak', channel: 'web' });
    await steps.routed('2026-03-09T07:30:00Z', agent, c);
    await steps.act('2026-03-09T07:30:00Z', handlerVa, c, 'claim');
    await steps.act('2026-03-09T07:30:00Z', handlerVa, c, 'resolve');
    await steps.act('2026-03-09T07:40:00Z', handlerVa, c, 'reopen', { reason: 'Läcker igen' });
    await steps.act('2026-03-09T08:00:00Z', handlerVa, c, 'resolve');
    await steps.act('2026-03-09T11:00:00Z', handler, e, 'resolve');
    const g = await steps.create('2026-03-09T12:00:00Z', agent, { catalogCode: 'water_leak' });
    await steps.routed('2026-03-09T12:00:00Z', agent, g);
    await steps.act('2026-03-09T12:00:00Z', handlerVa, g, 'claim');
    await steps.act('2026-03-09T14:15:00Z', handlerVa, g, 'resolve');
    await steps.create('2026-03-19T09:00:00Z', agent, { catalogCode: 'street_light', channel: 'phone' }); // I
    t.setNow('2026-03-20T11:00:00Z');
  });
  afterAll(() => t.close());

  // The targets are given so that the figures do not depend on the service-target policies'
  // stored due times, which a query without targets would use.
  const targets = { firstResponseTargetWorkingDays: 2, resolutionTargetWorkingDays: 10 };
  const report = (query: StatisticsQuery, staff = manager) =>
    staff.statistics('cases', { from: '2026-03-01', to: '2026-04-01', ...targets, ...query });

  it('counts, resolves and measures working time per department, with the targets next to the figures', async () => {
    const body = await report({ groupBy: 'department' });
    expect(body).toMatchObject({
      report: 'cases',
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-03-31T22:00:00.000Z',
      timeZone: 'Europe/Stockholm',
      calendarVersion: 1,
      groupBy: 'department',
      scope: { departmentCodes: 'all' },
    });
    expect(body.targets).toMatchObject({ firstResponseTargetWorkingDays: 2, resolutionTargetWorkingDays: 10 });
    expect(body.rows).toEqual([
      expect.objectContaining({
        group: 'KFF',
        received: 1,
        resolved: 1,
        medianResolutionWorkingHours: 0,
        p90ResolutionWorkingHours: 0,
        firstResponseWithinTargetPercent: 100,
      }),
      expect.objectContaining({
        group: 'MHF',
        received: 1,
        resolved: 0,
        medianResolutionWorkingHours: null,
        p90ResolutionWorkingHours: null,
        firstResponseWithinTarget: 0,
        firstResponseMeasured: 1,
        firstResponseWithinTargetPercent: 0,
        resolutionWithinTargetPercent: 0,
      }),
      // TEK resolved [10, 11, 13]: median 11, p90 the value at rank ceil(0.9 * 3) = 3.
      expect.objectContaining({
        group: 'TEK',
        received: 5,
        resolved: 3,
        medianResolutionWorkingHours: 11,
        p90ResolutionWorkingHours: 13,
        firstResponseWithinTarget: 3,
        firstResponseMeasured: 4,
        firstResponseWithinTargetPercent: 75,
        firstResponsePending: 1,
        resolutionWithinTarget: 3,
        resolutionMeasured: 4,
        resolutionWithinTargetPercent: 75,
        resolutionPending: 1,
        returned: 1,
        returnedPercent: 20,
        reopened: 0,
      }),
      // VA resolved [1.0, 2.25]: an even count, so the median is the mean of the two, 1.625.
      expect.objectContaining({
        group: 'VA',
        received: 2,
        resolved: 2,
        medianResolutionWorkingHours: 1.625,
        p90ResolutionWorkingHours: 2.25,
        reopened: 1,
        reopenedPercent: 50,
        firstResponseWithinTargetPercent: 100,
      }),
    ]);
    // All nine: resolved [0, 1, 2.25, 10, 11, 13], median (2.25 + 10) / 2, p90 at rank ceil(5.4) = 6.
    expect(body.total).toMatchObject({
      group: 'total',
      received: 9,
      resolved: 6,
      medianResolutionWorkingHours: 6.125,
      p90ResolutionWorkingHours: 13,
      firstResponseWithinTarget: 6,
      firstResponseMeasured: 8,
      firstResponseWithinTargetPercent: 75,
      resolutionWithinTarget: 6,
      resolutionMeasured: 8,
      resolutionWithinTargetPercent: 75,
      returned: 1,
      returnedPercent: 11.11,
      reopened: 1,
      reopenedPercent: 11.11,
    });
  });

  it('groups by channel', async () => {
    const body = await report({ groupBy: 'channel' });
    expect(body.rows.map((row) => [row.group, row.received, row.resolved, row.medianResolutionWorkingHours])).toEqual([
      ['email', 2, 1, 11],
      ['phone', 5, 3, 10],
      ['visit', 1, 1, 0],
      ['web', 1, 1, 1],
    ]);
  });

  it('groups by ISO week and month in Stockholm time, listing empty weeks', async () => {
    const weeks = await report({ groupBy: 'week' });
    expect(
      weeks.rows.map((row) => [
        row.group,
        row.received,
        row.resolved,
        row.medianResolutionWorkingHours,
        row.p90ResolutionWorkingHours,
      ]),
    ).toEqual([
      ['2026-W09', 1, 1, 0, 0], // J on Sunday 1 March, local
      ['2026-W10', 6, 4, 10.5, 13], // [1, 10, 11, 13]: median (10 + 11) / 2, p90 at rank ceil(3.6) = 4
      ['2026-W11', 1, 1, 2.25, 2.25],
      ['2026-W12', 1, 0, null, null],
      ['2026-W13', 0, 0, null, null],
      ['2026-W14', 0, 0, null, null],
    ]);
    const months = await report({ groupBy: 'month' });
    expect(months.rows).toEqual([
      expect.objectContaining({ group: '2026-03', received: 9, resolved: 6, medianResolutionWorkingHours: 6.125 }),
    ]);
  });

  it('measures compliance against other targets given in the query', async () => {
    // Within 0 working days = by the close of the arrival day, or of the next working day for an
    // arrival on a closed day: A (replied Mon 11:00), G (same day), C (Sat arrival, answered Mon
    // 08:30) and J (Sun arrival, on the spot) met; B, E and H late; D and I (due Thu 19 Mar 16:30) missed.
    const body = await report({ firstResponseTargetWorkingDays: 0 });
    expect(body.total).toMatchObject({
      firstResponseTargetWorkingDays: 0,
      firstResponseWithinTarget: 4,
      firstResponseMeasured: 9,
      firstResponsePending: 0,
    });
  });

  it('answers the same rows as CSV with a header row of field names, and the total as a last row', async () => {
    const query = { from: '2026-03-01', to: '2026-04-01', groupBy: 'department', ...targets };
    const response = await manager.statisticsCsv('cases', { ...query, dialect: 'rfc4180' }).expectStatus(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const rows = csvRows(response.text);
    expect(response.text.split('\n')[0].startsWith('group,received,resolved,medianResolutionWorkingHours,')).toBe(true);
    const total = (await report({ groupBy: 'department' })).total;
    expect(rows.map((row) => [row.group, row.received, row.resolved, row.medianResolutionWorkingHours])).toEqual([
      ['KFF', '1', '1', '0'],
      ['MHF', '1', '0', ''],
      ['TEK', '5', '3', '11'],
      ['VA', '2', '2', '1.625'],
      ['Totalt', '9', '6', String(total.medianResolutionWorkingHours)],
    ]);
  });

  it('writes CSV for Swedish Excel by default: semicolons, a decimal comma, a byte-order mark', async () => {
    const query = { from: '2026-03-01', to: '2026-04-01', groupBy: 'department', ...targets };
    const swedish = (await manager.statisticsCsv('cases', query).expectStatus(200)).text;
    expect(swedish.startsWith('\uFEFFgroup;received;resolved;medianResolutionWorkingHours;')).toBe(true);
    expect(swedish).toContain('\r\nVA;2;2;1,625;');
    const english = (await manager.statisticsCsv('cases', { ...query, lang: 'en' }).expectStatus(200)).text;
    expect(english.startsWith('group,received,resolved,')).toBe(true);
    expect(english).toContain('\nTotal,9,6,');
  });

  it('narrows a handler to their own department and refuses another one', async () => {
    const own = await report({ groupBy: 'department' }, handler);
    expect(own.scope).toEqual({ departmentCodes: ['TEK'] });
    expect(own.rows.map((row) => row.group)).toEqual(['TEK']);
    expect(own.total).toMatchObject({ received: 5, resolved: 3 });
    await handler.statistics('cases', { from: '2026-03-01', to: '2026-04-01', departmentCode: 'VA' }).expectStatus(403);
  });

  it('refuses a bad period or grouping with 400 and the reasons', async () => {
    const bad = await manager.statistics('cases', { from: '2026-04-01', to: '2026-03-01' }).expectStatus(400);
    expect(bad.body.message).toEqual(['to: must be later than from']);
    const grouping = await manager
      .statistics('cases', { from: '2026-03-01', to: '2026-04-01', groupBy: 'queue' })
      .expectStatus(400);
    expect(grouping.body.message[0]).toMatch(/^groupBy: "queue" is not available/);
  });

  it('ages the open backlog in working days as of now (Fri 20 Mar 12:00)', async () => {
    const body = await manager.statistics('backlog', { groupBy: 'department' });
    // D (Tue 3 Mar) and H (Mon 2 Mar) are past the close of their 10th working day (Tue 17, Mon 16 Mar);
    // I (Thu 19 Mar 10:00) is within 2 working days until Mon 23 Mar 16:30.
    expect(body).toMatchObject({ report: 'backlog', at: '2026-03-20T11:00:00.000Z', groupBy: 'department' });
    expect(body.rows).toEqual([
      {
        group: 'MHF',
        open: 1,
        age0To2WorkingDays: 0,
        age3To5WorkingDays: 0,
        age6To10WorkingDays: 0,
        ageOver10WorkingDays: 1,
      },
      {
        group: 'TEK',
        open: 2,
        age0To2WorkingDays: 1,
        age3To5WorkingDays: 0,
        age6To10WorkingDays: 0,
        ageOver10WorkingDays: 1,
      },
    ]);
    expect(body.total).toMatchObject({ open: 3, age0To2WorkingDays: 1, ageOver10WorkingDays: 2 });
  });

  it('includes imported cases', async () => {
    // Received Tue 10 Mar 09:00, resolved 13:00 local: 4 working hours, VA, by letter.
    const line = {
      externalId: 'OLD-1',
      receivedAt: '2026-03-10T08:00:00Z',
      firstResponseAt: '2026-03-10T12:00:00Z',
      resolvedAt: '2026-03-10T12:00:00Z',
      departmentCode: 'VA',
      catalogCode: 'water_leak',
      channel: 'letter',
      description: 'Läcka',
      status: 'resolved',
    };
    await admin.importCases(`${JSON.stringify(line)}\n`);
    const body = await report({ groupBy: 'department' });
    // VA now [1, 2.25, 4]; all ten [0, 1, 2.25, 4, 10, 11, 13]: median 4, p90 at rank ceil(6.3) = 7.
    expect(body.rows.find((row) => row.group === 'VA')).toMatchObject({
      received: 3,
      resolved: 3,
      medianResolutionWorkingHours: 2.25,
      p90ResolutionWorkingHours: 4,
    });
    expect(body.total).toMatchObject({
      received: 10,
      resolved: 7,
      medianResolutionWorkingHours: 4,
      p90ResolutionWorkingHours: 13,
    });
  });
});
