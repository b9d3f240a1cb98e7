import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium; AMAAN_CHROMIUM names another build (a developer machine without the package). */
export const CHROMIUM = process.env.AMAAN_CHROMIUM || '/usr/bin/chromium';

/** Browser tests run wherever Debian's Chromium is installed, and always in CI. */
export function browserAvailable(): { run: boolean; why?: string } {
  if (existsSync(CHROMIUM)) return { run: true };
  if (process.env.CI) return { run: true };
  return { run: false, why: `skipping browser tests: ${CHROMIUM} is absent (apt-get install chromium); CI runs them` };
}

export async function launchBrowser(): Promise<Browser> {
  // A non-persistent context: Playwright gives Chromium a fresh temporary profile.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Asia/Karachi' });
  const page = await context.newPage();
  // Generous: CI machines are small and a loaded one can take seconds to render a chunk.
  page.setDefaultTimeout(30_000);
  // A page error is a bug: fail loudly instead of timing out on a blank screen.
  page.on('pageerror', (err) => console.error(`page error on ${page.url()}: ${err.message}`));
  return page;
}

/** A fresh context (no cookies) signed in as the user; close the context when done. */
export async function signedIn(browser: Browser, baseURL: string, user: { username: string; password: string }): Promise<{ page: Page; context: BrowserContext }> {
  const page = await newPage(browser, baseURL);
  await signIn(page, user.username, user.password);
  return { page, context: page.context() };
}

/** The error text shown next to a labelled field (its aria-describedby error element). */
/** The control labelled exactly `text` (a required field's label ends in " *"). */
export function labelled(scope: Page | Locator, text: string): Locator {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}( \\*)?$`)).first();
}

export async function fieldError(page: Page, label: string): Promise<string> {
  const input = labelled(page, label);
  await page.waitForFunction((el) => el?.getAttribute('aria-invalid') === 'true', await input.elementHandle());
  const ids = (await input.getAttribute('aria-describedby')) ?? '';
  const errorId = ids.split(' ').find((id) => id.endsWith('-error'));
  if (!errorId) throw new Error(`no error element described by ${String(label)}`);
  return (await page.locator(`[id="${errorId}"]`).textContent()) ?? '';
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/signin');
  await labelled(page, 'Username').fill(username);
  await labelled(page, 'Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-as').waitFor();
}
