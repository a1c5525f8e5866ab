/// <reference lib="dom" />
import { Page } from 'playwright-core';
import { SurveyTokens } from '../../src/e-service/survey-tokens';
import { PHOTO_WITH_GPS } from '../fixtures/photo-with-gps';
import { axeViolations, ConsoleUnderTest, screenshot, startConsole } from '../support/browser';

const LANGUAGES = ['sv', 'en', 'da'];

/**
 * The citizens' pages in Chromium: the e-service form (and its error summary), the answer page,
 * the tracking page with the form to add information, and the satisfaction survey, filled in and sent without JavaScript
 * as a citizen's old phone may. axe-core (which needs script in the page, so a second page with
 * JavaScript opens the same addresses) checks each, WCAG 2.1 A and AA, in Swedish, English and Danish.
 */
describe('the e-service form and the tracking page in a browser', () => {
  let c: ConsoleUnderTest;
  let page: Page;
  let checker: Page;

  beforeAll(async () => {
    c = await startConsole({ now: '2026-03-02T09:00:00.000Z' });
    page = await c.newPage({ javaScript: false });
    checker = await c.newPage();
  });
  afterAll(() => c.close());

  /** axe on the address the plain page is at (or `url`), opened in the page with JavaScript. */
  async function expectAccessible(what: string, url = page.url()): Promise<void> {
    await checker.goto(url);
    expect({ what, violations: await axeViolations(checker) }).toEqual({ what, violations: [] });
  }

  it('serves the form accessible in sv, en and da, and its error summary too', async () => {
    for (const language of LANGUAGES) {
      await checker.goto(`/e-service?lang=${language}`);
      expect(await checker.getAttribute('html', 'lang')).toBe(language);
      expect({ language, violations: await axeViolations(checker) }).toEqual({ language, violations: [] });
    }
    await page.goto('/e-service?lang=en');
    const answer = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/e-service')),
      page.getByRole('button', { name: 'Send' }).click(),
    ]);
    expect(answer[0].status()).toBe(400);
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary a[href="#description"]').textContent()).toContain(
      'Tell us what it is about',
    );
    // The same error page, with script: the error summary takes focus and axe checks it.
    await checker.goto('/e-service?lang=en');
    await Promise.all([
      checker.waitForResponse((response) => response.url().endsWith('/e-service') && response.status() === 400),
      checker.getByRole('button', { name: 'Send' }).click(),
    ]);
    await checker.locator('.govuk-error-summary').waitFor();
    expect({ violations: await axeViolations(checker) }).toEqual({ violations: [] });
  });

  it('takes a report with a photo, gives the reference, and leads to an accessible tracking page where the citizen adds more', async () => {
    await page.goto('/e-service?lang=sv');
    await page.getByLabel('Vad gäller det?').selectOption('street_light');
    await page.getByLabel('Beskriv vad det gäller').fill('Gatlampan vid Storgatan 12 är släckt.');
    await page.getByLabel('Adress eller plats').fill('Storgatan 12');
    await page.getByLabel('Bilder (om du vill)').setInputFiles({
      name: 'lampa.jpg',
      mimeType: 'image/jpeg',
      buffer: PHOTO_WITH_GPS,
    });
    await page.getByLabel('E-post').fill('karin.lind@example.se');
    await screenshot(page, 'e-service');
    await Promise.all([
      page.waitForURL(/\/e-service\/received\//),
      page.getByRole('button', { name: 'Skicka' }).click(),
    ]);
    const reference = await page.locator('[data-reference]').textContent();
    expect(reference).toMatch(/^2026-\d{6}$/);
    await expectAccessible('the answer page');

    await Promise.all([page.waitForURL(/\/track\//), page.locator('[data-tracking-link]').click()]);
    const trackingUrl = page.url();
    expect(await page.locator('[data-status]').textContent()).toBe('Mottaget. Vi skickar det till rätt avdelning.');
    for (const language of LANGUAGES)
      await expectAccessible(`/track in ${language}`, `${trackingUrl}&lang=${language}`);
    await page.goto(`${trackingUrl}&lang=sv`);
    await page.getByLabel('Vad vill du lägga till?').fill('Lampan står närmast övergångsstället.');
    await Promise.all([page.waitForURL(/added=1/), page.getByRole('button', { name: 'Skicka' }).click()]);
    expect(await page.locator('[data-status-message]').textContent()).toContain(
      'Tack! Vi har lagt till det i ärendet.',
    );
    expect(await page.locator('[data-message="citizen"]').textContent()).toContain(
      'Lampan står närmast övergångsstället.',
    );
    await screenshot(page, 'track');
    await expectAccessible('/track after adding information');
  });

  it('serves the satisfaction survey accessible in sv, en and da, and takes an answer without JavaScript', async () => {
    const agent = await c.t.login('agent@demo.local');
    const created = (
      await c.t
        .http()
        .post('/api/v1/cases')
        .set('authorization', `Bearer ${agent}`)
        .send({ description: 'Frågade om öppettider.', resolvedOnSpot: true, resolution: 'Vi har öppet 8-17.' })
        .expect(201)
    ).body as { id: string };
    const survey = `/survey/${new SurveyTokens(c.t.config.personalDataKey).tokenFor(created.id)}`;
    for (const language of LANGUAGES) await expectAccessible(`/survey in ${language}`, `${survey}?lang=${language}`);
    await page.goto(`${survey}?lang=sv`);
    await page.getByRole('group', { name: 'Hur blev du bemött?' }).getByLabel('5').check();
    await page.getByLabel('Vill du säga något mer? (om du vill)').fill('Trevligt bemötande.');
    await Promise.all([
      page.waitForResponse((response) => response.url().endsWith(survey) && response.request().method() === 'POST'),
      page.getByRole('button', { name: 'Skicka svaren' }).click(),
    ]);
    expect(await page.locator('h1').textContent()).toBe('Tack för dina svar!');
    await screenshot(page, 'survey');
    await expectAccessible('/survey answered', `${c.baseUrl}${survey}`);
  });
});
