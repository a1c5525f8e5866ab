/// <reference lib="dom" />
import { axeViolations, ConsoleUnderTest, screenshot, startConsole } from '../support/browser';
import { eventually } from '../support/eventually';

/**
 * The public register in Chromium: the page with results, paging and a refused filter passes
 * axe-core's WCAG 2.1 A and AA rules in Swedish, English and Danish, and the search works with
 * JavaScript turned off, showing no personal data.
 */
describe('the public register in the browser', () => {
  let c: ConsoleUnderTest;
  const references: string[] = [];

  beforeAll(async () => {
    c = await startConsole({ runJobs: true });
    const admin = await c.t.login('admin@demo.local');
    const agent = await c.t.login('agent@demo.local');
    for (const code of ['street_light', 'income_support']) {
      await c.t
        .http()
        .put(`/api/v1/register/rules/${code}`)
        .set('authorization', `Bearer ${admin}`)
        .send({ delayHours: 0, publishes: 'summary' })
        .expect(200);
    }
    for (const [description, catalogCode, citizen] of [
      ['Gatlampan på Ekvägen 4 är släckt, ring Olle Ström på 070-111 22 33', 'street_light', { name: 'Olle Ström' }],
      ['Behöver hjälp med hyran', 'income_support', { name: 'Karin Lund' }],
      ['Lyktstolpen vid skolan blinkar', 'street_light', undefined],
    ] as const) {
      const created = await c.t
        .http()
        .post('/api/v1/cases')
        .set('authorization', `Bearer ${agent}`)
        .send({ description, catalogCode, citizen })
        .expect(201);
      references.push((created.body as { reference: string }).reference);
    }
    await eventually(async () => {
      const register = await c.t.http().get('/public/v1/register').expect(200);
      return (register.body as { total: number }).total === 3 ? true : undefined;
    }, 'three cases published');
  });
  afterAll(() => c.close());

  it('passes axe with results, paging and a refused filter, in every language', async () => {
    const page = await c.newPage();
    for (const language of ['sv', 'en', 'da']) {
      for (const query of ['pageSize=1&page=2', 'from=2026-02-31&department=NOPE']) {
        await page.goto(`/register?${query}&lang=${language}`);
        expect(await page.getAttribute('html', 'lang')).toBe(language);
        expect({ language, query, violations: await axeViolations(page) }).toEqual({ language, query, violations: [] });
      }
    }
    await page.goto('/register?lang=en');
    await screenshot(page, 'register');
  });

  it('searches without JavaScript, showing no personal data', async () => {
    const page = await c.newPage({ javaScript: false });
    await page.goto('/register?lang=en');
    expect(await page.locator('tbody tr').count()).toBe(3);
    await page.locator('#q').fill('lampan');
    await Promise.all([page.waitForURL(/q=lampan/), page.getByRole('button', { name: 'Show cases' }).click()]);
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().locator('th').textContent()).toBe(references[0]);
    const text = await page.locator('main').textContent();
    expect(text).toContain('Gatlampan på Ekvägen 4 är släckt, ring [namn] på [telefon]');
    for (const personalData of ['Olle', 'Ström', '070-111', 'Karin', 'Lund', 'hyran'])
      expect(text).not.toContain(personalData);
  });
});
