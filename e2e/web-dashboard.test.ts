// The dashboard in Chromium on the demo data (issue 12, part 3): an analyst's exact view with the district
// map, drill-down from the national figure and from a district on the map (the list's total equals the
// figure shown), the districts the map lacks; the same page in Urdu (right to left); leadership's published
// view with no drill-down. Screenshot: docs/screenshots/dashboard-district-map.png.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, labelled, signedIn } from './support/browser.ts';
import { useWebApp } from './support/web-app.ts';
import { shoot } from './support/shots.ts';

const available = browserAvailable();
if (!available.run) console.warn(available.why);

const digits = (s: string | null) => Number((s ?? '').replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))).replace(/[^0-9]/g, ''));

async function drillTotal(page: Page): Promise<number> {
  const total = page.getByTestId('drill-total');
  await total.waitFor();
  return digits(await total.textContent());
}

describe.skipIf(!available.run)('web app in Chromium: dashboard with district map and drill-down', () => {
  const app = useWebApp();

  it('an analyst drills down from the national FIRs and from Muzaffargarh on the map, in English and in Urdu', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('analyst'));
    await page.goto('/dashboard');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const value = page.getByTestId('headline-value');
    await value.waitFor();
    const national = digits(await value.textContent());
    expect(national).toBeGreaterThan(0);
    await page.getByTestId('headline').getByRole('button', { name: 'Show records' }).click();
    expect(await drillTotal(page)).toBe(national);
    await page.getByRole('button', { name: 'Close' }).click();

    // The map: Muzaffargarh coloured with its count; clicking it lists exactly that many records.
    const mzg = page.locator('[data-shape="muzaffargarh"]');
    await page.waitForFunction(() => (document.querySelector('[data-shape="muzaffargarh"]')?.getAttribute('data-value') ?? '') !== '');
    const onMap = Number(await mzg.getAttribute('data-value'));
    expect(onMap).toBeGreaterThan(0);
    expect(await mzg.getAttribute('class')).toMatch(/map-c[1-5]/);
    expect(await page.getByText('Something went wrong').count()).toBe(0);
    await page.getByTestId('district-map').scrollIntoViewIfNeeded();
    await shoot(page, 'dashboard-district-map');
    await mzg.dispatchEvent('click');
    await page.getByRole('heading', { name: /Records behind: FIRs registered: Muzaffargarh/ }).waitFor();
    expect(await drillTotal(page)).toBe(onMap);
    expect(await page.getByTestId('drill-down').getByRole('link').count()).toBeGreaterThan(0);
    // Districts of the list the outline lacks, named with the outline they lie within.
    const missing = page.getByTestId('missing-districts');
    await missing.locator('summary').click();
    expect(await missing.textContent()).toContain('Karachi East');
    expect(await missing.textContent()).toContain('within the outline of Karachi');

    // Urdu, right to left: the same figures and the same drill-down.
    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('heading', { level: 1, name: 'ڈیش بورڈ' }).waitFor();
    expect(digits(await page.getByTestId('headline-value').textContent())).toBe(national);
    await mzg.dispatchEvent('click');
    await page.getByRole('heading', { name: /اس کے پیچھے ریکارڈ/ }).waitFor();
    expect(await drillTotal(page)).toBe(onMap);
    expect(await page.getByTestId('missing-districts').textContent()).toContain('اضلاع نقشے پر نہیں');
    await context.close();
  });

  it('leadership sees the published view: no drill-down offered anywhere', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('leadership'));
    await page.goto('/dashboard');
    await page.getByText('Published view', { exact: false }).first().waitFor();
    await labelled(page, 'View').selectOption('province');
    await page.getByTestId('district-map').waitFor();
    expect(await page.getByRole('button', { name: 'Show records' }).count()).toBe(0);
    await page.locator('[data-shape="muzaffargarh"]').dispatchEvent('click');
    expect(await page.getByTestId('drill-down').count()).toBe(0);
    await context.close();
  });
});
