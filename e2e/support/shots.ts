import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const dir = new URL('../../docs/screenshots/', import.meta.url).pathname;

/** Screenshots of the main screens on demo data, for the README. Never of media: the app shows none. */
export async function shoot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await page.waitForLoadState('networkidle');
  // Let charts settle and move focus rings out of the picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: opts.fullPage ?? false });
}
