/// <reference lib="dom" />
import { Page } from 'playwright-core';
import { axeViolations, ConsoleUnderTest, screenshot, signIn, startConsole } from '../support/browser';

const LANGUAGES = ['sv', 'en', 'da'];

/**
 * The handler's day in Chromium: the inbox in the API's order with due states, claim next, a
 * reply with its LIX shown while typing, waiting, resuming and resolving; the same core steps
 * without JavaScript. axe-core on every page, in sv, en and da.
 */
describe("the handler's day in the console", () => {
  let c: ConsoleUnderTest;
  let page: Page;

  beforeAll(async () => {
    c = await startConsole();
    const login = await c.t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'agent@demo.local', password: 'demo-password' });
    const agent = (login.body as { accessToken: string }).accessToken;
    for (const description of ['Gatlampan på Ekvägen 4 är släckt', 'Lyktstolpen vid skolan blinkar och slocknar']) {
      const created = await c.t
        .http()
        .post('/api/v1/cases')
        .set('authorization', `Bearer ${agent}`)
        .send({ description, catalogCode: 'street_light' })
        .expect(201);
      await c.t
        .http()
        .post(`/api/v1/cases/${(created.body as { id: string }).id}/route`)
        .set('authorization', `Bearer ${agent}`)
        .send({})
        .expect(200);
    }
    page = await c.newPage();
    await signIn(page, 'handler@demo.local', 'en');
  });
  afterAll(() => c.close());

  async function expectAccessibleInEveryLanguage(path: string): Promise<void> {
    for (const language of [...LANGUAGES.filter((l) => l !== 'en'), 'en']) {
      await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${language}`);
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      expect({ path, language, violations: await axeViolations(page) }).toEqual({ path, language, violations: [] });
    }
  }

  it('lands the handler on the inbox, in the order the API gives, with due states in words', async () => {
    expect(new URL(page.url()).pathname).toBe('/inbox');
    const references = await page.locator('tbody tr td:first-child').allTextContents();
    const api = await c.t
      .http()
      .get('/api/v1/departments/TEK/inbox')
      .set('authorization', `Bearer ${await c.t.login('handler@demo.local')}`)
      .expect(200);
    expect(references.map((text) => text.trim())).toEqual(
      (api.body as { items: Array<{ reference: string }> }).items.map((item) => item.reference),
    );
    expect(await page.locator('tbody .app-due').first().textContent()).toMatch(/On time|Due soon|Overdue|No due time/);
    await screenshot(page, 'inbox');
    await expectAccessibleInEveryLanguage('/inbox');
    await expectAccessibleInEveryLanguage('/inbox?view=mine');
  });

  it('claims the next case, replies with the LIX shown, waits, resumes and resolves', async () => {
    await page.goto('/inbox');
    await page.getByRole('button', { name: 'Claim next' }).click();
    await page.getByText(/You have claimed case \d{4}-\d{6}/).waitFor();
    expect(await page.locator('.govuk-caption-l').textContent()).toContain('In progress');

    const reply = page.getByLabel('Reply', { exact: true });
    await reply.fill('Hej! Vi byter lampan på torsdag. Tack för att du hörde av dig.');
    await page
      .locator('#reply-lix')
      .getByText(/LIX \d+/)
      .waitFor();
    expect(await page.locator('#reply-lix').getAttribute('aria-live')).toBe('polite');
    await screenshot(page, 'case-handler');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText(/The reply to the citizen is sent/).waitFor();

    await page.locator('summary', { hasText: 'Put on waiting' }).click();
    await page.getByLabel('What it waits for (optional)').fill('Väntar på reservdel');
    await page.locator('form:has(input[value="wait"]) button[type=submit]').click();
    await page.getByText(/is waiting; its service-target clock has stopped/).waitFor();
    expect(await page.locator('.govuk-caption-l').textContent()).toContain('Waiting');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByText(/is resumed/).waitFor();
    await page.locator('summary', { hasText: 'Resolve' }).click();
    await page.getByLabel('Resolution (optional)').fill('Lampan är bytt');
    await page.locator('form:has(input[value="resolve"]) button[type=submit]').click();
    await page.getByText(/is resolved/).waitFor();
    expect(await page.locator('.govuk-caption-l').textContent()).toContain('Resolved');
    const reference = /\d{4}-\d{6}/.exec((await page.locator('h1').textContent()) ?? '')![0];
    await expectAccessibleInEveryLanguage(`/cases/${reference}`);
  });

  it('claims, replies and resolves without JavaScript', async () => {
    const plain = await c.newPage({ javaScript: false });
    await signIn(plain, 'handler@demo.local', 'sv');
    await plain.getByRole('button', { name: 'Ta nästa' }).click();
    await plain.getByText(/Du har tagit ärende/).waitFor();
    await plain.getByLabel('Svar', { exact: true }).fill('Vi lagar lyktstolpen i veckan.');
    await plain.getByRole('button', { name: 'Skicka svaret' }).click();
    await plain.getByText(/Svaret till medborgaren är skickat/).waitFor();
    await plain.locator('summary', { hasText: 'Lös ärendet' }).click();
    await plain.locator('form:has(input[value="resolve"]) button[type=submit]').click();
    await plain.getByText(/är löst/).waitFor();
    await plain.context().close();
  });
});
