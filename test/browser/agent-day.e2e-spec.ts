/// <reference lib="dom" />
import { Page } from 'playwright-core';
import { axeViolations, ConsoleUnderTest, screenshot, signIn, startConsole } from '../support/browser';

const LANGUAGES = ['sv', 'en', 'da'];

/**
 * The agent's day at the desk, in Chromium: a contact answered on the spot and one that becomes a
 * case, with the keyboard alone; the triage suggestion while typing; a citizen found again; the
 * same without JavaScript. axe-core checks every page visited, in Swedish, English and Danish.
 */
describe("the agent's day in the console", () => {
  let c: ConsoleUnderTest;
  let page: Page;

  beforeAll(async () => {
    c = await startConsole();
    page = await c.newPage();
    await signIn(page, 'agent@demo.local', 'en');
  });
  afterAll(() => c.close());

  /** axe on the page as it stands, in each language (the language is remembered; English last). */
  async function expectAccessibleInEveryLanguage(path: string): Promise<void> {
    for (const language of [...LANGUAGES.filter((l) => l !== 'en'), 'en']) {
      await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${language}`);
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      expect({ path, language, violations: await axeViolations(page) }).toEqual({ path, language, violations: [] });
    }
  }

  it('lands the agent on the desk, whose fields have visible labels, accessible in sv, en and da', async () => {
    expect(new URL(page.url()).pathname).toBe('/desk');
    for (const label of ['Channel', 'Summary', 'Outcome', 'Description', 'Case type']) {
      await expect(page.getByLabel(label, { exact: true }).isVisible()).resolves.toBe(true);
    }
    await expectAccessibleInEveryLanguage('/desk');
  });

  it('logs a contact answered on the spot with the keyboard alone, and says so to screen readers', async () => {
    await page.goto('/desk');
    await page.waitForFunction(() => document.activeElement?.id === 'summary');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('summary');
    await page.keyboard.type('Frågade när återvinningscentralen har öppet');
    await page.keyboard.press('Control+Enter');
    const banner = page.locator('[data-status-message]');
    await banner.waitFor();
    expect(await banner.getAttribute('role')).toBe('alert');
    expect(await banner.textContent()).toContain('The contact is logged.');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('suggests the case type and its guidance as the agent types, and makes it a case with the keyboard', async () => {
    await page.goto('/desk');
    // The summary field takes the focus by itself (autofocus); on a busy machine that can come
    // after the page's load event, and a keystroke before it would be lost.
    await page.waitForFunction(() => document.activeElement?.id === 'summary');
    await page.keyboard.type('Gatlampan utanför Storgatan 12 är släckt sedan i fredags');
    const hints = page.locator('#desk-hints');
    await hints.getByText('Street light out of order').first().waitFor();
    expect(await hints.getAttribute('aria-live')).toBe('polite');
    expect(await hints.textContent()).toContain('Goes to Tekniska förvaltningen');
    await screenshot(page, 'desk');
    expect(await axeViolations(page)).toEqual([]);

    // Tab to the suggestion's button, take it, then on to "Make it a case": each step with a visible focus.
    await tabTo(page, 'Use this case type');
    await page.keyboard.press('Enter');
    expect(await page.locator('#catalogCode').inputValue()).toBe('street_light');
    await tabTo(page, 'Make it a case');
    await page.keyboard.press('Enter');
    const banner = page.locator('[data-status-message]');
    await banner.waitFor();
    const reference = /\d{4}-\d{6}/.exec((await banner.textContent()) ?? '')?.[0];
    expect(reference).toBeDefined();

    await page.getByRole('link', { name: 'Open the case' }).click();
    await page.waitForURL(`**/cases/${reference}`);
    expect(await page.locator('h1').textContent()).toBe(`Case ${reference}`);
    expect(await page.locator('main').textContent()).toContain(
      'Gatlampan utanför Storgatan 12 är släckt sedan i fredags',
    );
    await screenshot(page, 'case-agent');
    await expectAccessibleInEveryLanguage(`/cases/${reference}`);
  });

  it('shows what is wrong with a form, in the summary and at the field', async () => {
    await page.goto('/desk');
    await page.getByRole('button', { name: 'Log contact' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Enter a summary of what the citizen asked or reported');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('finds the citizen again by e-mail, with their earlier contacts and cases', async () => {
    await page.goto('/desk');
    await page.getByLabel('Summary', { exact: true }).fill('Grusa cykelvägen vid skolan, den är spegelblank');
    await page.getByText('The citizen (optional)').click();
    await page.locator('#citizenEmail').fill('karin.lind@example.se');
    await page.getByLabel('Case type', { exact: true }).selectOption('gritting');
    await page.getByRole('button', { name: 'Make it a case' }).click();
    await page.locator('[data-status-message]').waitFor();
    // The page's own requests after the case was made finish first: the lookup field filled
    // while one was still to swap its part of the page was emptied on a busy machine (the lookup
    // then said "Enter a personal identity number ...").
    await page.waitForLoadState('networkidle');

    await page.getByLabel('Personal identity number, phone or e-mail address').fill('Karin.Lind@example.se');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByText('Found 1 earlier contacts and 1 cases.').waitFor();
    expect(await page.locator('main').textContent()).toContain('Grusa cykelvägen vid skolan');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('signs in, logs a contact and makes a case without JavaScript', async () => {
    const plain = await c.newPage({ javaScript: false });
    await signIn(plain, 'agent@demo.local', 'sv');
    await plain.getByLabel('Sammanfattning').fill('Frågade om bygglov för en altan');
    await plain.getByRole('button', { name: 'Registrera kontakten' }).click();
    await plain.getByText('Kontakten är registrerad.').waitFor();

    await plain.getByLabel('Sammanfattning').fill('Stort hål i vägen vid busshållplatsen på Ekvägen');
    await plain.getByRole('button', { name: 'Föreslå ärendetyp' }).click();
    expect(await plain.locator('#catalogCode').inputValue()).toBe('pothole');
    await plain.getByRole('button', { name: 'Gör ett ärende av det' }).click();
    // (axe needs script in the page, so these pages are checked above, with JavaScript.)
    await plain.getByText(/Ärende \d{4}-\d{6} är registrerat/).waitFor();
    await plain.context().close();
  });

  it('keeps the sign-in page accessible in every language, and signs out', async () => {
    const other = await c.newPage();
    for (const language of LANGUAGES) {
      await other.goto(`/login?lang=${language}`);
      expect(await axeViolations(other)).toEqual([]);
    }
    await screenshot(other, 'login');
    await other.context().close();

    await page.goto('/desk?lang=en');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login?signedOut=1');
    await page.goto('/desk');
    expect(new URL(page.url()).pathname).toBe('/login');
  });
});

/** Presses Tab until the focused element is the button named `name`, and checks its focus is visible. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) return null;
      const style = getComputedStyle(element);
      return {
        text: element.textContent?.trim() ?? '',
        visibleFocus: style.outlineStyle !== 'none' || style.boxShadow !== 'none',
      };
    });
    if (focused?.text === name) {
      expect(focused.visibleFocus).toBe(true);
      return;
    }
  }
  throw new Error(`Tab never reached ${name}`);
}
