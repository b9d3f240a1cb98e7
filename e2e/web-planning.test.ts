// Capacity planning in Chromium on the demo data (issue 12 §6): leadership opens the page from the navigation,
// picks the window, changes the staff multiplier, the growth rate and the branch-in-every-district switch and
// sees the figures change; downloads the PDF of the comparison (text read back) and the CSV; the same page in
// Urdu, right to left. An investigator has no entry and is refused the page.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PDFParse } from 'pdf-parse';
import { browserAvailable, labelled, signedIn } from './support/browser.ts';
import { useWebApp } from './support/web-app.ts';
import { shoot } from './support/shots.ts';

const available = browserAvailable();
if (!available.run) console.warn(available.why);

const digits = (s: string | null) => Number((s ?? '').replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))).replace(/[٫]/g, '.').replace(/[^0-9.]/g, ''));
const cell = (page: Page, measure: string, scenario: string) => page.getByTestId(`cmp-${measure}-${scenario}`);
const value = async (page: Page, measure: string, scenario: string) => digits(await cell(page, measure, scenario).textContent());

describe.skipIf(!available.run)('web app in Chromium: capacity planning', () => {
  const app = useWebApp({}, 300_000);

  it('leadership changes the inputs, sees the figures change, downloads the PDF and CSV; the same in Urdu', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('leadership'));
    await page.getByRole('link', { name: 'Capacity planning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Capacity planning' }).waitFor();
    await labelled(page, 'From').fill('2024-06-04');
    await labelled(page, 'To').fill('2025-06-03');
    await page.getByRole('button', { name: 'Show the scenarios' }).click();
    await expect.poll(async () => page.getByTestId('plan-window').textContent(), { timeout: 60_000 }).toMatch(/2024/);

    // Staff x3 (the default): three times the baseline's investigators.
    const baseline = await value(page, 'investigators', 'baseline');
    expect(baseline).toBeGreaterThan(0);
    expect(await value(page, 'investigators', 'staff_x')).toBe(Math.round(baseline * 3));
    const capacity = await value(page, 'capacity', 'baseline');
    expect(await value(page, 'capacity', 'staff_x')).toBeCloseTo(capacity * 3, 0);
    expect(await page.getByTestId('plan-assumptions').textContent()).toContain('- staff factor: x3 [default].');
    // Each office under a scenario: offices with figures, small ones withheld (—).
    expect(await page.getByTestId('plan-offices').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('plan-offices').textContent()).toContain('—');
    await shoot(page, 'planning-scenarios', { fullPage: true });

    // Staff x1: the same staff as the baseline; the figures change.
    await labelled(page, 'Staff multiplier').fill('1');
    await page.getByRole('button', { name: 'Show the scenarios' }).click();
    await expect.poll(() => value(page, 'investigators', 'staff_x'), { timeout: 60_000 }).toBe(baseline);
    expect(await value(page, 'capacity', 'staff_x')).toBe(capacity);
    expect(await page.getByTestId('plan-assumptions').textContent()).toContain('- staff factor: x1 [set].');

    // Growth 50 % a year for 3 years: intake x 3.375.
    const intake = await value(page, 'intake', 'baseline');
    await labelled(page, 'Intake growth, % a year').fill('50');
    // The branch in every district switched off: its column goes.
    expect(await cell(page, 'offices', 'every_district').count()).toBe(1);
    await page.getByLabel('Include the scenario “a branch in every district”').uncheck();
    await page.getByRole('button', { name: 'Show the scenarios' }).click();
    await expect.poll(() => cell(page, 'offices', 'every_district').count(), { timeout: 60_000 }).toBe(0);
    expect(await value(page, 'intake', 'growth')).toBeCloseTo(intake * 3.375, 0);
    expect(await page.getByTestId('plan-assumptions').textContent()).toContain('- referral growth: 50% a year for 3 years (intake x3.38) [set].');

    // A bad input is refused by the app.server, the field named on the form.
    await labelled(page, 'Staff multiplier').fill('0');
    await page.getByRole('button', { name: 'Show the scenarios' }).click();
    await expect.poll(() => labelled(page, 'Staff multiplier').getAttribute('aria-invalid'), { timeout: 60_000 }).toBe('true');
    await labelled(page, 'Staff multiplier').fill('1');
    await page.getByRole('button', { name: 'Show the scenarios' }).click();
    await expect.poll(() => labelled(page, 'Staff multiplier').getAttribute('aria-invalid'), { timeout: 60_000 }).not.toBe('true');

    // Downloads: the PDF of the comparison with the figures on the page; the CSV of the comparison.
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-pdf').click()]);
    expect(pdf.suggestedFilename()).toBe('capacity-plan-2024-06-04-to-2025-06-03.pdf');
    const bytes = readFileSync(await pdf.path());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const parser = new PDFParse({ data: new Uint8Array(bytes) });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    expect(text).toContain('Capacity planning: scenarios side by side');
    expect(text).toContain('Staff x1 (staff_x)');
    expect(text).not.toContain('(every_district)');
    expect(text).toMatch(new RegExp(`investigators ${baseline} ${baseline} `));
    expect(text).toContain('staff factor: x1 [set]');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-csv').click()]);
    const csvText = readFileSync(await csv.path(), 'utf8');
    expect(csvText).toMatch(/^measure,baseline,staff_x,growth,latent\r\n/);
    expect(csvText).toContain(`investigators,${baseline},${baseline},${baseline},${baseline}\r\n`);
    const recorded = await app.server.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'report.export').execute();
    expect(recorded.filter((r) => JSON.stringify(r.details).includes('capacity_plan')).length).toBeGreaterThanOrEqual(2);

    // Urdu, right to left: the same figures; a change of input changes them.
    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('heading', { level: 1, name: 'استعداد کی منصوبہ بندی' }).waitFor();
    expect(await page.getByTestId('plan-comparison').locator('thead').textContent()).toContain('موجودہ صورتحال');
    expect(await value(page, 'investigators', 'baseline')).toBe(baseline);
    expect(await value(page, 'investigators', 'staff_x')).toBe(baseline);
    // The assumptions stay English, laid out left to right inside the right-to-left page.
    expect(await page.getByTestId('plan-assumptions').getAttribute('dir')).toBe('ltr');
    await labelled(page, 'عملے کا ضرب').fill('2');
    await page.getByRole('button', { name: 'منظرنامے دکھائیں' }).click();
    await expect.poll(() => value(page, 'investigators', 'staff_x'), { timeout: 60_000 }).toBe(Math.round(baseline * 2));
    const [urduPdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-pdf').click()]);
    expect(readFileSync(await urduPdf.path()).subarray(0, 5).toString()).toBe('%PDF-');
    await shoot(page, 'planning-scenarios-ur', { fullPage: true });
    await context.close();
  });

  it('an investigator has no planning entry and is refused the page', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('investigator'));
    expect(await page.getByRole('link', { name: 'Capacity planning' }).count()).toBe(0);
    await page.goto('/planning');
    await page.getByTestId('forbidden').waitFor();
    await context.close();
  });
});
