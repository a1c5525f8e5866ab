import request from 'supertest';
import { Server } from 'node:http';
import { ApiClient } from './support/api-client';
import { createTestApp, TestApp } from './support/test-app';
import { caseSteps, logContact } from './statistics-fixtures';

type Browser = ReturnType<typeof request.agent>;

/** A browser signed in through the sign-in page, over plain HTTP. */
async function signedIn(t: TestApp, email: string): Promise<Browser> {
  const browser = request.agent(t.app.getHttpServer() as Server);
  const csrf = /name="_csrf" value="([^"]+)"/.exec((await browser.get('/login')).text)![1];
  await browser.post('/login').type('form').send({ _csrf: csrf, email, password: 'demo-password' }).expect(303);
  return browser;
}

/** The cells of one figure's data table, row by row: the row's header, then its cells. */
function tableOf(html: string, figure: string): string[][] {
  const table = new RegExp(`<table class="govuk-table" data-figure="${figure}">([\\s\\S]*?)</table>`).exec(html);
  if (!table) return [];
  const body = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(table[1])![1];
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<t[hd][^>]*>(?:<strong>)?([\s\S]*?)(?:<\/strong>)?<\/t[hd]>/g)].map((cell) =>
      cell[1].replace(/&amp;/g, '&').trim(),
    ),
  );
}

/**
 * The managers' dashboard over HTTP, on both databases: its figures are the statistics API's
 * answers for the same period, each downloadable as the API's CSV; handlers and agents are refused;
 * a bad period is a 400 page that names the field.
 */
describe('the dashboard of the staff web console', () => {
  let t: TestApp;
  let manager: Browser;
  let managerToken: string;

  beforeAll(async () => {
    // Monday 2 March 2026, 10:00 in Stockholm.
    t = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
    const [agent, handler, admin] = await ApiClient.loginAll(
      t,
      'agent@demo.local',
      'handler@demo.local',
      'admin@demo.local',
    );
    managerToken = await t.login('manager@demo.local');
    const steps = caseSteps(t);
    // Cases: two in January, one in February, one in March; the February one resolved the same day.
    await steps.create('2026-01-12T09:00:00Z', agent, { catalogCode: 'street_light' });
    await steps.create('2026-01-20T09:00:00Z', agent, { catalogCode: 'pothole' });
    const february = await steps.create('2026-02-03T09:00:00Z', agent, { catalogCode: 'street_light' });
    await steps.routed('2026-02-03T09:05:00Z', agent, february);
    await steps.act('2026-02-03T09:10:00Z', handler, february, 'claim');
    await steps.act('2026-02-03T10:00:00Z', handler, february, 'resolve', { reason: 'Lampan är bytt' });
    await steps.create('2026-03-02T08:30:00Z', agent, { catalogCode: 'pothole' });
    // Contacts at the service center (the agent's department, SC): three answered, one abandoned.
    for (const startedAt of ['2026-02-10T08:00:00Z', '2026-02-11T08:00:00Z', '2026-02-12T08:00:00Z'])
      await logContact(agent, { channel: 'phone', outcome: 'answered', startedAt, endedAt: startedAt });
    await logContact(agent, {
      channel: 'phone',
      outcome: 'abandoned',
      startedAt: '2026-02-13T08:00:00Z',
      endedAt: '2026-02-13T08:00:00Z',
    });
    // An e-mail answered the same day, and a callback promised and made the same day: both active service.
    await logContact(agent, {
      channel: 'email',
      outcome: 'answered',
      startedAt: '2026-02-16T08:00:00Z',
      endedAt: '2026-02-16T12:00:00Z',
    });
    const promise = await logContact(agent, {
      channel: 'phone',
      outcome: 'callback_promised',
      startedAt: '2026-02-17T08:00:00Z',
      endedAt: '2026-02-17T08:05:00Z',
    });
    await agent.recordCallbackMade(promise, { madeAt: '2026-02-17T13:00:00Z' });
    // Calls: February two answered of three, March one answered.
    const calls = [
      'callId,startedAt,queue,waitSeconds,outcome,talkSeconds,callbackRequested,agentEmail,servicePointCode,directAnswer',
      'c-1,2026-02-10T08:00:00Z,main,30,answered,120,false,agent@demo.local,PHONE,true',
      'c-2,2026-02-10T09:00:00Z,main,400,abandoned,,false,,,',
      'c-3,2026-02-11T08:00:00Z,main,20,answered,60,false,agent@demo.local,PHONE,false',
      'c-4,2026-03-02T07:00:00Z,main,10,answered,60,false,agent@demo.local,PHONE,true',
    ].join('\n');
    await admin.storeCalls(calls, { contentType: 'text/csv' });
    t.setNow('2026-03-02T09:00:00.000Z');
    manager = await signedIn(t, 'manager@demo.local');
  });
  afterAll(() => t.close());

  /** The statistics API's answer for a figure: the same report, grouping and period (to exclusive). */
  const api = (path: string) =>
    t.http().get(`/api/v1/statistics/${path}`).set('authorization', `Bearer ${managerToken}`).expect(200);

  it('lands the manager on this year so far, with every figure as a chart and a data table', async () => {
    const page = await manager.get('/dashboard?lang=en').expect(200);
    expect(page.text).toContain('Figures for 1 January 2026 to 2 March 2026, both days included');
    expect(page.text).toMatch(/class="govuk-input" id="from"[^>]*type="date"[^>]*value="2026-01-01"/);
    expect(page.text).toMatch(/id="to"[^>]*type="date"[^>]*value="2026-03-02"/);
    const canvases = [...page.text.matchAll(/<canvas data-chart="[^"]*" aria-hidden="true">/g)];
    expect(canvases).toHaveLength(7);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page.text).not.toMatch(/\sstyle="/);

    // Cases by month, worked out from what happened: January 2 received, February 1 (resolved), March 1.
    expect(tableOf(page.text, 'cases-by-month').map((row) => row.slice(0, 3))).toEqual([
      ['January 2026', '2', '0'],
      ['February 2026', '1', '1'],
      ['March 2026', '1', '0'],
      ['Total', '4', '1'],
    ]);
    // Phone: February 2 of 3 calls answered (66.67 %), direct answers 1 of 2; March 1 of 1.
    expect(tableOf(page.text, 'phone')).toEqual([
      ['January 2026', '0', '0', '–', '0', '–'],
      ['February 2026', '3', '2', '66.67%', '2', '50.0%'],
      ['March 2026', '1', '1', '100.0%', '1', '100.0%'],
      ['Total', '4', '3', '75.0%', '3', '66.67%'],
    ]);
    // Service index: the service center's 6 contacts, 1 abandoned, the rest active: 83.33 %, below 95 %.
    expect(tableOf(page.text, 'service-index')).toEqual([
      ['Servicecenter (kommunstyrelseförvaltningen)', '6', '6', '5', '83.33%', 'No'],
    ]);
    // The headline: each the total of its figure.
    const keys = [
      ...page.text.matchAll(
        /<dt class="govuk-summary-list__key">\s*([^<]*?)\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*([^<]*?)\s*<\/dd>/g,
      ),
    ];
    expect(keys.map((key) => [key[1], key[2]])).toEqual([
      ['Service index', '83.33% (below the target of 95 %)'],
      ['E-mail answered within 1 working day', '100.0%'],
      ['E-mail answered within 2 working days', '100.0%'],
      ['Calls answered', '75.0%'],
      ['Simple questions answered directly by phone', '66.67%'],
      ['Callbacks kept in time', '100.0%'],
      ['Cases received', '4'],
      // Both January cases have neither answer nor resolution, long past due.
      ['Service targets missed', '2 first responses, 2 resolutions'],
      // Both January cases and the one of this morning.
      ['Open cases now', '3'],
    ]);
    // The e-mail answered within four hours: within one and two working days.
    expect(tableOf(page.text, 'email-answers')).toEqual([
      ['Servicecenter (kommunstyrelseförvaltningen)', '1', '100.0%', '100.0%', '0'],
    ]);
    // The callback promised at 09:05 and made at 14:00 the same day: kept.
    expect(tableOf(page.text, 'callbacks')).toEqual([
      ['Servicecenter (kommunstyrelseförvaltningen)', '1', '1', '0', '0', '0', '100.0%'],
    ]);
  });

  it('shows the figures the statistics API answers for the same period', async () => {
    const page = await manager.get('/dashboard?from=2026-02-01&to=2026-02-28&lang=sv').expect(200);
    const range = 'from=2026-02-01&to=2026-03-01';
    const percent = (value: number | null) =>
      value === null
        ? '–'
        : new Intl.NumberFormat('sv-SE', {
            style: 'percent',
            minimumFractionDigits: 1,
            maximumFractionDigits: 2,
          }).format(value / 100);
    const cases = (await api(`cases?${range}&groupBy=department`)).body as {
      rows: Array<{ group: string; received: number; firstResponseWithinTargetPercent: number | null }>;
    };
    expect(tableOf(page.text, 'breaches').map((row) => [row[1], row[3]])).toEqual(
      cases.rows.map((row) => [String(row.received), percent(row.firstResponseWithinTargetPercent)]),
    );
    const email = (await api(`email-answers?${range}&groupBy=department`)).body as { rows: unknown[] };
    expect(tableOf(page.text, 'email-answers')).toHaveLength(email.rows.length);
    const phone = (await api(`phone?${range}&groupBy=month`)).body as {
      rows: Array<{ calls: number; answeredPercent: number | null }>;
    };
    expect(tableOf(page.text, 'phone').map((row) => [row[1], row[3]])).toEqual(
      phone.rows.map((row) => [String(row.calls), percent(row.answeredPercent)]),
    );
    expect(tableOf(page.text, 'phone')[0]).toEqual(['februari 2026', '3', '2', '66,67\u00a0%', '2', '50,0\u00a0%']);
  });

  it('downloads each figure as the API writes it in CSV, named by figure and period', async () => {
    const figures: Array<[string, string]> = [
      ['service-index', 'service-index?groupBy=department'],
      ['email-answers', 'email-answers?groupBy=department'],
      ['phone', 'phone?groupBy=month'],
      ['callbacks', 'callbacks?groupBy=department'],
      ['backlog', 'backlog?groupBy=department'],
      ['breaches', 'cases?groupBy=department'],
      ['cases-by-month', 'cases?groupBy=month'],
    ];
    for (const [figure, report] of figures) {
      for (const lang of ['sv', 'en']) {
        const csv = await manager
          .get(`/dashboard/${figure}.csv?from=2026-01-01&to=2026-03-02&lang=${lang}`)
          .expect(200);
        expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
        expect(csv.headers['content-disposition']).toBe(`attachment; filename="${figure}_2026-01-01_2026-03-02.csv"`);
        const period = figure === 'backlog' ? '' : '&from=2026-01-01&to=2026-03-03';
        const fromApi = await api(`${report}${period}&format=csv&lang=${lang}`);
        expect({ figure, lang, csv: csv.text }).toEqual({ figure, lang, csv: fromApi.text });
      }
    }
    const months = await manager.get('/dashboard/cases-by-month.csv?from=2026-01-01&to=2026-03-02&lang=en');
    const lines = months.text.trimEnd().split('\n');
    expect(lines[0].split(',').slice(0, 3)).toEqual(['group', 'received', 'resolved']);
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 3))).toEqual([
      ['2026-01', '2', '0'],
      ['2026-02', '1', '1'],
      ['2026-03', '1', '0'],
      ['Total', '4', '1'],
    ]);
    const swedish = await manager.get('/dashboard/phone.csv?from=2026-02-01&to=2026-02-28&lang=sv');
    expect(swedish.text.startsWith('\ufeffgroup;calls;answered;answeredPercent;')).toBe(true);
    expect(swedish.text).toContain('2026-02;3;2;66,67;1;33,33;');
  });

  it('lets admins in too, and refuses handlers and agents with the 403 page', async () => {
    const admin = await signedIn(t, 'admin@demo.local');
    await admin.get('/dashboard').expect(200);
    for (const email of ['handler@demo.local', 'agent@demo.local']) {
      const browser = await signedIn(t, email);
      const page = await browser.get('/dashboard?lang=en').expect(403);
      expect(page.text).toContain('Not for you');
      await browser.get('/dashboard/phone.csv?from=2026-01-01&to=2026-01-31').expect(403);
    }
    await t.http().get('/dashboard/phone.csv?from=2026-01-01&to=2026-01-31').expect(303);
  });

  it('answers a bad period with 400 and a form that names the field, and a CSV with 400 naming it too', async () => {
    const notADate = await manager.get('/dashboard?from=2026-13-01&to=2026-03-01&lang=en').expect(400);
    expect(notADate.text).toContain('There is a problem');
    expect(notADate.text).toMatch(/<a href="#from">The first day must be a date like 2026-03-01<\/a>/);
    expect(notADate.text).toMatch(/<title>Error: Dashboard/);
    expect(notADate.text).not.toContain('data-figure=');
    const backwards = await manager.get('/dashboard?from=2026-03-01&to=2026-02-01&lang=en').expect(400);
    expect(backwards.text).toMatch(/<a href="#to">The last day must be the same as or after the first day<\/a>/);
    const missing = await manager.get('/dashboard?from=2026-03-01&lang=sv').expect(400);
    expect(missing.text).toMatch(/<a href="#to">Ange periodens sista dag<\/a>/);
    const tooLong = await manager.get('/dashboard?from=1990-01-01&to=2026-03-01&lang=en').expect(400);
    expect(tooLong.text).toMatch(/<a href="#to">The period can be at most about ten years long<\/a>/);
    const csv = await manager.get('/dashboard/phone.csv?from=yesterday&to=2026-03-01&lang=en').expect(400);
    expect(csv.text).toContain('from: not a date YYYY-MM-DD');
    await manager.get('/dashboard/nothing.csv?from=2026-01-01&to=2026-03-01').expect(404);
  });
});
