/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { axeViolations, ConsoleUnderTest, screenshot, signIn, startConsole } from '../support/browser';
import { caseSteps, logContact } from '../statistics-fixtures';

/**
 * The manager's day in Chromium: signs in, lands on the dashboard, reads a figure from its data
 * table, sees its chart drawn, chooses a period with the form, downloads a figure as CSV; the same
 * without JavaScript. axe-core on the dashboard in sv, en and da.
 */
describe("the manager's day in the console", () => {
  let c: ConsoleUnderTest;
  let page: Page;

  beforeAll(async () => {
    // Monday 2 March 2026, 10:00 in Stockholm.
    c = await startConsole({ now: '2026-03-02T09:00:00.000Z' });
    const [agent, handler] = await ApiClient.loginAll(c.t, 'agent@demo.local', 'handler@demo.local');
    const steps = caseSteps(c.t);
    for (const [at, catalogCode] of [
      ['2026-01-12T09:00:00Z', 'street_light'],
      ['2026-01-20T09:00:00Z', 'pothole'],
      ['2026-02-03T09:00:00Z', 'street_light'],
    ]) {
      const id = await steps.create(at, agent, { catalogCode });
      await steps.routed(at, agent, id);
      if (catalogCode === 'street_light') {
        await steps.act(at, handler, id, 'claim');
        await steps.act(at.replace('T09', 'T13'), handler, id, 'resolve', { reason: 'Lampan är bytt' });
      }
    }
    c.t.setNow('2026-03-02T09:00:00.000Z');
    for (const [startedAt, outcome] of [
      ['2026-02-10T08:00:00Z', 'answered'],
      ['2026-02-11T08:00:00Z', 'answered'],
      ['2026-02-12T08:00:00Z', 'case_created'],
      ['2026-02-13T08:00:00Z', 'abandoned'],
    ] as const)
      await logContact(agent, { channel: 'phone', outcome, startedAt, endedAt: startedAt });
    page = await c.newPage();
    await signIn(page, 'manager@demo.local', 'en');
  });
  afterAll(() => c.close());

  it('lands on the dashboard, reads the service index and sees its chart drawn', async () => {
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    await page.getByText('Figures for 1 January 2026 to 2 March 2026, both days included').waitFor();
    const serviceCenter = page
      .locator('table[data-figure="service-index"] tbody tr')
      .filter({ hasText: 'Servicecenter' });
    // 4 contacts, 3 of them active service (answered twice, a case once), 1 abandoned: 75 %.
    expect(await serviceCenter.locator('td').allTextContents()).toEqual(['4', '4', '3', '75.0%', 'No']);
    const chart = page.locator('#figure-service-index [data-chart-frame]');
    await chart.waitFor({ state: 'visible' });
    expect(await chart.locator('canvas').getAttribute('aria-hidden')).toBe('true');
    expect(await chart.locator('canvas').evaluate((canvas: HTMLCanvasElement) => canvas.width)).toBeGreaterThan(100);
    await screenshot(page, 'dashboard');
  });

  it('chooses a period with the form and downloads a figure as CSV', async () => {
    await page.getByLabel('From').fill('2026-02-01');
    await page.getByLabel('To (inclusive)').fill('2026-02-28');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.getByText('Figures for 1 February 2026 to 28 February 2026, both days included').waitFor();
    // The new figures came by htmx; their charts are drawn too.
    await page.locator('#figure-cases-by-month [data-chart-frame]').waitFor({ state: 'visible' });
    expect(
      await page.locator('table[data-figure="cases-by-month"] tbody tr').first().locator('th, td').allTextContents(),
    ).toEqual(['February 2026', '1', '1', '4.0']);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .locator('#figure-cases-by-month')
        .getByRole('link', { name: /Download as CSV/ })
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe('cases-by-month_2026-02-01_2026-02-28.csv');
    const csv = readFileSync(await download.path(), 'utf8')
      .trimEnd()
      .split('\n');
    expect(csv[0].split(',').slice(0, 4)).toEqual(['group', 'received', 'resolved', 'medianResolutionWorkingHours']);
    expect(csv[1].split(',').slice(0, 4)).toEqual(['2026-02', '1', '1', '4']);
  });

  it('chooses a period and reads the tables without JavaScript, with no empty chart frames', async () => {
    const plain = await c.newPage({ javaScript: false });
    await signIn(plain, 'manager@demo.local', 'sv');
    await plain.getByLabel('Från och med').fill('2026-01-01');
    await plain.getByLabel('Till och med').fill('2026-01-31');
    await plain.getByRole('button', { name: 'Visa siffrorna' }).click();
    await plain.getByText('Siffror för 1 januari 2026 till och med 31 januari 2026').waitFor();
    expect(
      await plain.locator('table[data-figure="cases-by-month"] tbody tr').first().locator('th, td').allTextContents(),
    ).toEqual(['januari 2026', '2', '1', '4,0']);
    expect(await plain.locator('[data-chart-frame]').first().isHidden()).toBe(true);
    await plain.context().close();
  });

  it('is accessible in Swedish, English and Danish', async () => {
    for (const language of ['sv', 'da', 'en']) {
      await page.goto(`/dashboard?lang=${language}`);
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      await page.locator('[data-chart-frame]:not([hidden])').first().waitFor();
      expect({ language, violations: await axeViolations(page) }).toEqual({ language, violations: [] });
    }
  });
});
