// Takedowns and legal requests in Chromium on the demo data: the investigator's list of takedowns with the
// providers' accountability report, one takedown with its notices and history (recording the removal), the legal
// requests with their deadlines and the lapsed figure, one request; then the same screens in Urdu.
import { describe, expect, it } from 'vitest';
import { browserAvailable, labelled, signedIn } from './support/browser.ts';
import { useWebApp } from './support/web-app.ts';
import { shoot } from './support/shots.ts';

const available = browserAvailable();
if (!available.run) console.warn(available.why);

describe.skipIf(!available.run)('web app in Chromium: takedowns and legal requests', () => {
  const app = useWebApp();

  it('lists takedowns with time to removal per provider, and records a removal on one', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('investigator'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Takedowns', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Takedowns' }).waitFor();
    const table = page.getByTestId('takedowns-table');
    await table.getByText('https://clips-host.example/v/8f3k2q').waitFor();
    await expect(table.getByRole('row').count()).resolves.toBe(5);
    const report = page.getByTestId('takedown-report');
    await report.getByRole('row', { name: /ClipsHost Example/ }).waitFor();
    expect(await report.getByRole('row', { name: /ClipsHost Example/ }).textContent()).toContain('28 h');
    await shoot(page, 'takedowns', { fullPage: true });

    await table.getByRole('link', { name: 'https://files-locker.example/f/9c1e77' }).click();
    await page.waitForURL(/\/takedowns\/[0-9a-f-]{36}$/);
    const history = page.getByTestId('takedown-history');
    await expect.poll(() => history.locator('li').count()).toBe(4);
    expect(await history.textContent()).toContain('Reappeared');
    const form = page.getByTestId('takedown-status-form');
    await labelled(form, 'Status').selectOption('removed');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => history.locator('li').count()).toBe(5);
    await page.locator('.page-subtitle').getByText('Removed').waitFor();
    await context.close();
  }, 180_000);

  it('lists legal requests with their deadlines and the lapsed figure, and opens one', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('investigator'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Legal requests', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Legal and cooperation requests' }).waitFor();
    const figures = page.getByTestId('legal-request-figures');
    await figures.getByText('Lapsed').waitFor();
    const table = page.getByTestId('legal-requests-table');
    await table.getByRole('link', { name: 'Interpol notice (Red)' }).waitFor();
    // The preservation of the ringleader's e-mail is the nearest deadline: first, with the days left.
    const first = table.getByRole('row').nth(1);
    expect(await first.textContent()).toMatch(/Preservation request[\s\S]*Mail Example GmbH[\s\S]*\d+ days left/);
    await expect(table.getByText('Lapsed').count()).resolves.toBeGreaterThan(0);
    await shoot(page, 'legal-requests', { fullPage: true });

    await first.getByRole('link', { name: 'Preservation request' }).click();
    await page.waitForURL(/\/legal-requests\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /Preservation request: Mail Example GmbH/ }).waitFor();
    await page.getByTestId('legal-request-followups').getByText('Acknowledged').waitFor();
    await context.close();
  }, 180_000);

  it('shows both screens in Urdu, right to left; leadership has neither', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('investigator'));
    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    const nav = page.getByRole('navigation', { name: 'مرکزی' });
    await nav.getByRole('link', { name: 'مواد ہٹوانا' }).click();
    await page.getByRole('heading', { level: 1, name: 'مواد ہٹوانے کی درخواستیں' }).waitFor();
    await page.getByTestId('takedown-report').waitFor();
    await nav.getByRole('link', { name: 'قانونی درخواستیں' }).click();
    await page.getByRole('heading', { level: 1, name: 'قانونی اور تعاون کی درخواستیں' }).waitFor();
    await page.getByTestId('legal-requests-table').getByText('انٹرپول نوٹس (سرخ)').waitFor();
    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    await context.close();

    const lead = await signedIn(app.browser, app.server.url, app.server.user('leadership'));
    const leadNav = lead.page.getByRole('navigation', { name: 'Main' });
    await leadNav.getByRole('link').first().waitFor();
    await expect(leadNav.getByRole('link', { name: 'Takedowns', exact: true }).count()).resolves.toBe(0);
    await lead.page.goto('/legal-requests');
    await lead.page.getByTestId('forbidden').waitFor();
    await lead.context.close();
  }, 180_000);
});
