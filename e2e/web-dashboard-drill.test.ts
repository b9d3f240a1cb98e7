// Drill-down of the figures that count more than plain cases, in Chromium on the demo data (issue 12, part 3):
// a duration (FIR to challan: the list's total is the figure's count and the median of every listed interval,
// read across the pages, is the median shown), children in care (by pseudonym, each placement's list as
// long as its count), in English and in Urdu; leadership's published view offers neither.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, labelled, signedIn } from './support/browser.ts';
import { useWebApp } from './support/web-app.ts';
import { shoot } from './support/shots.ts';

const available = browserAvailable();
if (!available.run) console.warn(available.why);

const digits = (s: string | null) => Number((s ?? '').replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))).replace(/[^0-9]/g, ''));
const round1 = (x: number) => Math.round(x * 10) / 10;
function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = (v.length - 1) / 2;
  return (v[Math.floor(mid)]! + v[Math.ceil(mid)]!) / 2;
}

async function drillTotal(page: Page): Promise<number> {
  const total = page.getByTestId('drill-total');
  await total.waitFor();
  return digits(await total.textContent());
}

/** Every row of the open list, page after page: the values of one cell kind (by test id and data attribute or text). */
async function everyPage(page: Page, testId: string, read: 'data-days' | 'text', next: string): Promise<string[]> {
  const drill = page.getByTestId('drill-down');
  const out: string[] = [];
  let offset = 0;
  for (;;) {
    await drill.locator(`[data-testid="drill-table"][data-offset="${offset}"]`).waitFor();
    const cells = drill.getByTestId(testId);
    out.push(...(await cells.evaluateAll((els, attr) => els.map((e) => (attr === 'text' ? e.textContent ?? '' : e.getAttribute(attr) ?? '')), read)));
    const button = drill.getByRole('button', { name: next });
    if (await button.isDisabled()) return out;
    await button.click();
    offset += 25;
  }
}

describe.skipIf(!available.run)('web app in Chromium: drill-down of durations and children in care', () => {
  const app = useWebApp({}, 300_000);

  it('FIR to challan: the list behind the median has as many cases as the figure, and their median is the one shown', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('analyst'));
    await page.goto('/dashboard');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await labelled(page, 'Figure').selectOption('fir_to_challan');
    await page.getByRole('heading', { name: 'Time from FIR to challan' }).waitFor();
    const medianCell = page.getByTestId('measure-median_days');
    await medianCell.waitFor();
    const shownMedian = Number(await medianCell.getAttribute('data-value'));
    const n = digits(await page.getByTestId('headline-value').textContent());
    expect(n).toBeGreaterThan(0);
    await page.getByTestId('headline').getByRole('button', { name: 'Show records' }).click();
    expect(await drillTotal(page)).toBe(n);
    const days = (await everyPage(page, 'drill-days', 'data-days', 'Next')).map(Number);
    expect(days.length).toBe(n);
    expect(round1(median(days))).toBe(shownMedian);
    // Longest first, each with its FIR and challan dates; the legal limit is named.
    expect(days[0]).toBe(Math.max(...days));
    expect(await page.getByTestId('drill-down').textContent()).toContain('Legal limit: 14 days');
    await page.getByTestId('drill-total').evaluate((e) => e.closest('section, .panel, div')?.scrollIntoView({ block: 'start' }));
    await shoot(page, 'dashboard-drill-duration');

    // Urdu: the same figure, the same list.
    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('heading', { name: /اس کے پیچھے ریکارڈ/ }).waitFor();
    expect(await drillTotal(page)).toBe(n);
    expect(await page.getByTestId('drill-down').textContent()).toContain('قانونی مدت');
    await context.close();
  });

  it('children in care: by pseudonym only, every placement’s list as long as its count, in English and in Urdu', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('analyst'));
    await page.goto('/dashboard');
    await labelled(page, 'Figure').selectOption('children_in_care');
    await page.getByRole('heading', { name: 'Children in care' }).waitFor();
    await page.getByTestId('parts-table').waitFor();
    const n = digits(await page.getByTestId('headline-value').textContent());
    expect(n).toBeGreaterThan(0);
    await page.getByTestId('headline').getByRole('button', { name: 'Show records' }).click();
    expect(await drillTotal(page)).toBe(n);
    const children = await everyPage(page, 'drill-child', 'text', 'Next');
    expect(children.length).toBe(n);
    expect(new Set(children).size).toBe(n); // each child once
    for (const c of children) expect(c).toMatch(/^V-\d{4}-\d{4,}$/);
    const drill = page.getByTestId('drill-down');
    expect(await drill.getByRole('columnheader', { name: 'Child (pseudonym)' }).count()).toBe(1);
    // The child's page is one click away (the victims module's own read rules apply there).
    expect(await drill.getByRole('link', { name: children[children.length - 1] }).getAttribute('href')).toMatch(/^\/victims\//);

    // Each kind of placement: its list has as many children as its count. Every list answers late here, so a list that
    // showed the previous one's total while it loads (a real slip: its heading already names the new part) is caught.
    await page.route('**/api/v1/dashboard/figures/*/records*', async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    const rows = page.getByTestId('parts-table').locator('tr');
    let checked = 0;
    for (let i = 0; i < (await rows.count()); i += 1) {
      const row = rows.nth(i);
      const button = row.getByRole('button', { name: 'Show records' });
      if (!(await button.count())) continue;
      const count = digits(await row.locator('td.num').textContent());
      const label = (await row.locator('th').textContent())!;
      await button.click();
      await page.getByRole('heading', { name: `Records behind: Children in care: ${label}` }).waitFor();
      expect(await drillTotal(page), label).toBe(count);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(0);

    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByTestId('headline').getByRole('button', { name: 'ریکارڈ دکھائیں' }).click();
    await page.getByRole('heading', { name: /اس کے پیچھے ریکارڈ: زیرِ نگہداشت بچے/ }).waitFor();
    expect(await drillTotal(page)).toBe(n);
    expect(await page.getByTestId('drill-down').getByRole('columnheader', { name: 'بچہ (فرضی نام)' }).count()).toBe(1);
    await context.close();
  });

  it('leadership: neither list is offered in the published view', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('leadership'));
    await page.goto('/dashboard');
    await page.getByText('Published view', { exact: false }).first().waitFor();
    for (const figure of ['fir_to_challan', 'children_in_care']) {
      await labelled(page, 'Figure').selectOption(figure);
      await page.getByTestId('headline-value').waitFor();
      await page.getByText('The records behind published figures are not listed.').waitFor();
      expect(await page.getByRole('button', { name: 'Show records' }).count(), figure).toBe(0);
    }
    await context.close();
  });
});
