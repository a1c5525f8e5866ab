/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { createTestApp, TestApp, TestAppOptions } from './test-app';

/** Debian's Chromium: the browser the console is tested in, installed by .ci/run when missing. Never a download. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The flags a headless browser in CI runs with: no sandbox (root in a container), no GPU, no calls home. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The WCAG 2.1 A and AA rules of axe-core: what the EU Web Accessibility Directive asks of a municipality. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The app on a port of 127.0.0.1 and a browser pointed at it: one of each per test file. */
export interface ConsoleUnderTest {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (its own cookies) with one page. */
  newPage: (options?: { javaScript?: boolean }) => Promise<Page>;
  close: () => Promise<void>;
}

/** Starts the real app (see createTestApp) listening on a free port, and Chromium through playwright-core. */
export async function startConsole(options: TestAppOptions = {}): Promise<ConsoleUnderTest> {
  const t = await createTestApp(options);
  await t.app.listen(0, '127.0.0.1');
  const { port } = (t.app.getHttpServer() as Server).address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
  return {
    t,
    baseUrl,
    browser,
    newPage: async ({ javaScript = true } = {}) => {
      const context = await browser.newContext({
        baseURL: baseUrl,
        javaScriptEnabled: javaScript,
        viewport: { width: 1280, height: 900 },
      });
      // A step that fails says which, well within the test's own time.
      context.setDefaultTimeout(15_000);
      return context.newPage();
    },
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/** One axe-core finding, as much of it as a failing test needs to say. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page as it stands, for the WCAG 2.1 A and AA rules. axe is put in through
 * the browser's debugging protocol, which the page's Content-Security-Policy does not govern, so
 * the page is checked under its real policy.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }).axe;
    const results = (await axe.run(document, { runOnly: { type: 'tag', values: tags } })) as {
      violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }>;
    };
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  }, WCAG_TAGS);
}

/**
 * Where the tests put their screenshots: docs/console/ when UPDATE_SCREENSHOTS=1 (to refresh the
 * pictures in docs/console.md), else a temporary directory, so a test run writes nothing into the
 * working tree.
 */
export function screenshotDir(): string {
  const dir =
    process.env.UPDATE_SCREENSHOTS === '1'
      ? join(__dirname, '..', '..', 'docs', 'console')
      : join(tmpdir(), 'onewayin-console-screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A full-page screenshot under screenshotDir(). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir(), `${name}.png`), fullPage: true });
}

/** Signs in through the sign-in page with a demo log-in (password demo-password). */
export async function signIn(page: Page, email: string, language = 'sv'): Promise<void> {
  await page.goto(`/login?lang=${language}`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill('demo-password');
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/login')),
    page.locator('form[action="/login"] button[type=submit]').click(),
  ]);
}
