import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

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
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 860 }, locale: 'en-GB', timezoneId: 'Asia/Karachi' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-as').waitFor();
}
