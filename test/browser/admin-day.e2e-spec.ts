/// <reference lib="dom" />
import { Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { axeViolations, ConsoleUnderTest, screenshot, signIn, startConsole } from '../support/browser';

/**
 * The admin's day in Chromium: signing in lands on /admin, whose sections are a click away; a
 * catalog entry added through the form (first refused for a missing English name, the error
 * summary focused); axe-core on every page visited, the landing page in sv, en and da.
 */
describe("the admin's day in the console", () => {
  let c: ConsoleUnderTest;
  let page: Page;

  beforeAll(async () => {
    c = await startConsole();
    page = await c.newPage();
    await signIn(page, 'admin@demo.local', 'sv');
  });
  afterAll(() => c.close());

  async function expectAccessible(): Promise<void> {
    const path = new URL(page.url()).pathname;
    expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
  }

  it('lands the admin on /admin, accessible in sv, en and da', async () => {
    expect(new URL(page.url()).pathname).toBe('/admin');
    for (const language of ['en', 'da', 'sv']) {
      await page.goto(`/admin?lang=${language}`);
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      await expectAccessible();
    }
    await expect(page.getByRole('link', { name: 'Kööversikt' }).getAttribute('href')).resolves.toBe('/admin/queues');
    await screenshot(page, 'admin');
  });

  it('adds a catalog entry through the form, after a refusal that names the field', async () => {
    await page.getByRole('link', { name: 'Tjänstekatalog' }).click();
    await page.waitForURL('**/admin/catalog');
    await expectAccessible();

    await page.getByLabel('Kod', { exact: true }).fill('graffiti_bridge');
    await page.getByLabel('Namn på svenska').fill('Klotter på bro');
    await page.getByLabel('Förvaltning').selectOption('TEK');
    await page.getByLabel('Sökord').fill('klotter, graffiti, bro');
    await page.getByRole('button', { name: 'Lägg till ärendetyp' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    await expect(summary.getByRole('link').first().getAttribute('href')).resolves.toBe('#nameEn');
    await expect(page.locator('#nameEn-error').textContent()).resolves.toContain('Skriv namnet på engelska');
    await expectAccessible();

    await page.getByLabel('Namn på engelska').fill('Graffiti on a bridge');
    await page.getByRole('button', { name: 'Lägg till ärendetyp' }).click();
    await page.getByText('Ärendetypen graffiti_bridge är tillagd.').waitFor();
    await expect(page.getByRole('link', { name: 'graffiti_bridge' }).isVisible()).resolves.toBe(true);
    await expectAccessible();
    await screenshot(page, 'admin-catalog');

    const api = await ApiClient.login(c.t, 'admin@demo.local');
    expect(await api.catalogEntry('graffiti_bridge')).toMatchObject({
      name: { sv: 'Klotter på bro', en: 'Graffiti on a bridge' },
      kind: 'fault_report',
      departmentCode: 'TEK',
      priority: 'normal',
      keywords: ['klotter', 'graffiti', 'bro'],
      active: true,
    });
  });

  it("shows every other section accessibly, and the entry's own page for editing", async () => {
    for (const path of [
      '/admin/catalog/graffiti_bridge',
      '/admin/departments',
      '/admin/staff',
      '/admin/calendar',
      '/admin/service-targets',
      '/admin/routing',
      '/admin/webhooks',
      '/admin/webhooks/TEK',
    ]) {
      await page.goto(path);
      await expectAccessible();
    }
  });
});
