// Tips in Chromium (issue 11): the analyst's queue on the demo's referrals (most urgent first, each with its age
// and reasons), a tip's page, converting it to a case; and the public report form, without an account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startWebServer, type WebServer } from './support/web-server.ts';
import { browserAvailable, labelled, launchBrowser, newPage, signedIn } from './support/browser.ts';
import { shoot } from './support/shots.ts';

const available = browserAvailable();
if (!available.run) console.warn(available.why);

describe.skipIf(!available.run)('web app in Chromium: tips', () => {
  let server: WebServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('analyst works the queue: opens the most urgent tip, sees why, and makes a case of it', async () => {
    const { page, context } = await signedIn(browser, server.url, server.user('analyst'));
    await page.goto('/tips');
    const queue = page.getByTestId('tip-queue');
    await queue.waitFor();
    await expect.poll(() => queue.locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    const text = (await queue.textContent()) ?? '';
    expect(text).toMatch(/Already in a case/);
    expect(text).toMatch(/Member of the public/);
    expect(text).toMatch(/hours/);
    await shoot(page, 'tip-queue', { fullPage: true });

    // The platform's later report naming the ring's forum handle.
    const row = queue.locator('tbody tr', { hasText: 'Example Live Video Platform' }).first();
    await row.getByRole('link').click();
    await page.getByTestId('tip-reasons').waitFor();
    expect(await page.getByTestId('tip-reasons').textContent()).toMatch(/Already in a case/);
    expect(await page.getByTestId('tip-identifiers').textContent()).toMatch(/schattenmann_77/);
    expect(await page.getByTestId('tip-related').textContent()).toMatch(/same account/);
    await labelled(page, 'Title of the new case').fill('Forum handle of the Muzaffargarh ring active again');
    await page.getByTestId('tip-convert').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { name: /Forum handle of the Muzaffargarh ring active again/ }).waitFor();
    await context.close();
  }, 180_000);

  it('a member of the public reports without an account, in Urdu, and gets only a receipt code', async () => {
    const page = await newPage(browser, server.url);
    await page.goto('/report');
    await page.getByRole('button', { name: 'Switch to Urdu' }).click();
    await page.getByRole('heading', { name: 'آن لائن بچے سے زیادتی کی اطلاع دیں' }).waitFor();
    await labelled(page, 'کہاں (شہر یا ضلع)').fill('Muzaffargarh');
    await labelled(page, 'آپ نے کیا دیکھا؟').fill('ایک آدمی گیمز کلب میں بچوں کی ویڈیو بنا رہا تھا۔');
    await page.getByRole('button', { name: 'اطلاع بھیجیں' }).click();
    const receipt = await page.getByTestId('public-receipt').textContent();
    expect(receipt).toMatch(/^TIP-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await page.context().close();
  }, 120_000);
});
