import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startWebServer, type WebServer } from './support/web-server.ts';
import { browserAvailable, launchBrowser, signedIn } from './support/browser.ts';
import { shoot } from './support/shots.ts';
import { DEMO_HASH_SET_NAME, DEMO_SEIZED_LABEL } from '../src/demo/demo.media.ts';

// Media triage as the quick start offers it: the demo investigator ingests the demo's generated media folder
// from the case's Media triage page and reads the triage (hash-set matches, the earlier demo case linked),
// never the material. Once in English (the README screenshot), once in Urdu on a fresh server.
const available = browserAvailable();
if (!available.run) console.warn(available.why);

async function openRaidCaseMedia(page: Page): Promise<void> {
  await page.goto('/cases?q=recreational');
  const district = page.locator('td:nth-child(4)', { hasText: /^Muzaffargarh$/ });
  await page.getByTestId('case-row').filter({ has: district }).getByRole('link', { name: /recreational facility/ }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
}

describe.skipIf(!available.run)('web app in Chromium: media triage on the demo media', () => {
  let browser: Browser;
  const work = mkdtempSync(join(tmpdir(), 'amaan-e2e-demo-media-'));

  beforeAll(async () => {
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  for (const lang of ['en', 'ur'] as const) {
    it(`ingests the demo media folder from the web app and shows the triage, never the media (${lang})`, async () => {
      const server: WebServer = await startWebServer({ demoMedia: join(work, `demo-media-${lang}`) });
      try {
        const { page, context } = await signedIn(browser, server.url, server.user('investigator'));
        if (lang === 'ur') {
          await page.getByTestId('language-switch').click();
          await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
        }
        await openRaidCaseMedia(page);
        await page.getByRole('navigation').locator('a[href$="/media"]').first().click();
        const form = page.getByTestId('ingest-form');
        await form.waitFor();
        // The one folder this demo server may read, offered with a button; the seized phone's evidence item preselected.
        await page.getByTestId('use-demo-folder').click();
        expect(await form.locator('input[name="path"]').inputValue()).toMatch(/demo-media-(en|ur)\/seized-phone$/);
        const selected = await form.locator('select[name="evidenceId"] option:checked').textContent();
        expect(selected).toBe(DEMO_SEIZED_LABEL);
        await form.locator('button[type="submit"]').click();
        await page.getByRole('status').filter({ hasText: lang === 'en' ? 'finished' : 'مکمل' }).waitFor({ timeout: 90_000 });
        // The triage: both demo categories, the earlier demo case linked, the files with their digests.
        const panel = page.getByTestId('media-panel');
        // The categories: three exact copies (demo-A), two resized re-encoded copies found by PDQ (demo-B).
        const category = (c: string) => panel.locator('ul.plain > li').filter({ hasText: `${DEMO_HASH_SET_NAME} · ${c}:` });
        await category('demo-A').waitFor({ timeout: 30_000 });
        expect(await category('demo-A').locator('strong').textContent()).toMatch(/^(3|۳)$/);
        expect(await category('demo-B').locator('strong').textContent()).toMatch(/^(2|۲)$/);
        expect(await panel.locator('a[href^="/cases/"]').count()).toBeGreaterThanOrEqual(1);
        const files = page.getByTestId('media-files');
        await files.getByText('DCIM/Camera/IMG_0001.png').waitFor();
        // Digests and matches only: no picture, video or frame of the material anywhere on the page.
        expect(await page.locator('main img, main video, main canvas, main picture, main object, main iframe').count()).toBe(0);
        if (lang === 'en') await shoot(page, 'media-triage', { fullPage: true });
        else await shoot(page, 'media-triage-urdu', { fullPage: true });
        await context.close();
      } finally {
        await server.close();
      }
    }, 240_000);
  }
});
