import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, launchBrowser } from './support/browser.ts';
import { shoot } from './support/shots.ts';
import { createTestApp, type TestApp } from '../test/support/harness.ts';
import { loadDemoIfEmpty } from '../src/demo/demo.loader.ts';

// The briefing's HTML preview on the demo dataset, rendered in Chromium: the page leadership sees before the
// PDF is produced. Screenshot: docs/screenshots/briefing.png.
const browser = browserAvailable();

describe.skipIf(!browser.run)('briefing preview in the browser', () => {
  let t: TestApp;
  let chromium: Browser;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    await loadDemoIfEmpty(t.ctx);
    chromium = await launchBrowser();
  });
  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  it('shows the national figures and the Muzaffargarh operation', async () => {
    const res = await t.call('leadership', 'GET', '/api/v1/reports/briefing/preview?from=2024-01-01&to=2025-06-03');
    expect(res.statusCode).toBe(200);
    const context = await chromium.newContext({ viewport: { width: 1100, height: 1400 }, locale: 'en-GB', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.setContent(res.body, { waitUntil: 'load' });
    await expect(page.locator('[data-figure="firs"] b').textContent()).resolves.toBe('178');
    await expect(page.locator('[data-figure="arrests"] b').textContent()).resolves.toBe('198');
    await expect(page.getByRole('heading', { name: /Operation of the period: Muzaffargarh/ }).count()).resolves.toBe(1);
    await shoot(page, 'briefing');
    await context.close();
  });
});
