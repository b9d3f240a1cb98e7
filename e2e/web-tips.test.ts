// Tips in Chromium (issue 11): the analyst's queue on the demo's referrals (most urgent first, each with its age
// and reasons), a tip's page, converting it to a case, adding one to an existing case with the shared case picker
// (English and Urdu); and the public report form, without an account.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, labelled, newPage, signedIn } from './support/browser.ts';
import { useWebApp } from './support/web-app.ts';
import { shoot } from './support/shots.ts';

const available = browserAvailable();

const api = <T,>(page: Page, path: string) => page.evaluate(async (p) => {
  const res = await fetch(`/api/v1${p}`);
  if (!res.ok) throw new Error(`${p}: ${res.status}`);
  return (await res.json()) as unknown;
}, path) as Promise<T>;

const attachWords = {
  en: { field: 'Add to an existing case', add: 'Add', status: 'Added to a case', open: 'Open the case' },
  ur: { field: 'موجودہ کیس میں شامل کریں', add: 'شامل کریں', status: 'کیس میں شامل', open: 'کیس کھولیں' },
} as const;
if (!available.run) console.warn(available.why);

describe.skipIf(!available.run)('web app in Chromium: tips', () => {
  const app = useWebApp({}, 480_000); // the web build and the demo data on a loaded machine

  it('analyst works the queue: opens the most urgent tip, sees why, and makes a case of it', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('analyst'));
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

  it('analyst adds a tip to an existing case found with the case picker, in English (mouse) and Urdu (keyboard)', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('analyst'));
    const used = new Set<string>();
    for (const lang of ['en', 'ur'] as const) {
      const words = attachWords[lang];
      const open = await api<{ items: Array<{ id: string; receipt: string }> }>(page, '/tips?status=new&limit=50');
      const tip = open.items.find((x) => !used.has(x.id));
      if (!tip) throw new Error('the demo data has no open tip left');
      used.add(tip.id);
      await page.goto(`/tips/${tip.id}`);
      await page.getByTestId('tip-priority').waitFor();
      if (lang === 'ur') {
        await page.getByTestId('language-switch').click();
        await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      }
      // The server searches the cases the analyst may see as they type: the Muzaffargarh network's case.
      const picker = page.getByRole('combobox', { name: new RegExp(`^${words.field}`) });
      await picker.fill('recreational facility');
      // The list shows the last results while the typed words are searched (aria-busy): wait for this search's.
      await expect.poll(() => page.getByTestId('case-picker-options').getAttribute('aria-busy')).toBe('false');
      const options = page.getByTestId('case-picker-options').getByRole('option');
      const option = options.filter({ hasText: 'recreational facility' }).first();
      await option.waitFor();
      const caseId = (await option.getAttribute('data-case-id'))!;
      expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
      const add = page.getByRole('button', { name: words.add, exact: true });
      expect(await add.isDisabled()).toBe(true); // nothing picked yet
      if (lang === 'en') {
        await option.click();
      } else {
        // Keyboard: down to the case's result (other cases may match the words too, in any order), Enter picks it.
        await expect.poll(() => options.count()).toBeGreaterThanOrEqual(1);
        const ids = await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-case-id')));
        const index = ids.indexOf(caseId);
        expect(index).toBeGreaterThanOrEqual(0);
        for (let i = 0; i <= index; i++) await picker.press('ArrowDown');
        await expect.poll(() => options.nth(index).getAttribute('aria-selected')).toBe('true');
        await picker.press('Enter');
      }
      await expect.poll(() => picker.inputValue()).toMatch(/recreational facility/);
      expect(await page.getByTestId('case-picker-options').count()).toBe(0);
      await add.click();
      await page.getByText(words.status).first().waitFor();
      const link = page.getByRole('link', { name: words.open });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(`/cases/${caseId}`);
      const stored = await api<{ status: string; caseId: string | null }>(page, `/tips/${tip.id}`);
      expect(stored).toMatchObject({ status: 'attached', caseId });
      if (lang === 'ur') {
        await page.getByTestId('language-switch').click(); // back to English for whoever signs in next
        await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
      }
    }
    await context.close();
  }, 180_000);

  it('a member of the public reports without an account, in Urdu, and gets only a receipt code', async () => {
    const page = await newPage(app.browser, app.server.url);
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
