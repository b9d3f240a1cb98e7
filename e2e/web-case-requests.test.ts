// The case page's takedowns and legal-requests tabs in Chromium on the demo data: the investigator opens the
// Muzaffargarh case from a takedown, reads its takedowns and records one for the case from the tab, reads its
// legal requests and records a preservation request; then both tabs in Urdu.
import { describe, expect, it } from 'vitest';
import { browserAvailable, labelled, signedIn } from './support/browser.ts';
import { useWebApp } from './support/web-app.ts';

const available = browserAvailable();
if (!available.run) console.warn(available.why);

describe.skipIf(!available.run)('web app in Chromium: the case page\'s takedowns and legal-requests tabs', () => {
  const app = useWebApp();

  it('shows the case\'s takedowns and legal requests, records one of each from the tabs, in English and Urdu', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('investigator'));
    await page.goto('/takedowns');
    // The case of a demo takedown (the Muzaffargarh case holds them all).
    await page.getByTestId('takedowns-table').getByText('https://clips-host.example/v/8f3k2q').waitFor();
    await page.getByTestId('takedowns-table').getByRole('row').nth(1).locator('a[href^="/cases/"]').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseUrl = new URL(page.url()).pathname;
    const sections = page.getByRole('navigation', { name: 'Case sections' });

    await sections.getByRole('link', { name: 'Takedowns', exact: true }).click();
    await page.waitForURL(`**${caseUrl}/takedowns`);
    const takedowns = page.getByTestId('case-takedowns-table');
    await takedowns.getByText('https://clips-host.example/v/8f3k2q').waitFor();
    await expect(takedowns.getByRole('row').count()).resolves.toBe(5);
    const tdForm = page.getByTestId('case-takedown-form');
    await labelled(tdForm, 'What is to be removed').fill('https://video-share.example/w/e2e-case-tab');
    await labelled(tdForm, 'Platform or host asked').fill('VideoShare Example');
    await labelled(tdForm, 'First asked on').fill('2025-06-01T09:30');
    await tdForm.getByRole('button', { name: 'Record the request' }).click();
    await takedowns.getByText('https://video-share.example/w/e2e-case-tab').waitFor();
    await expect(takedowns.getByRole('row').count()).resolves.toBe(6);
    expect(await takedowns.getByRole('row', { name: /video-share\.example/ }).textContent()).toContain('Requested');

    await sections.getByRole('link', { name: 'Legal requests', exact: true }).click();
    await page.waitForURL(`**${caseUrl}/legal-requests`);
    const requests = page.getByTestId('case-legal-requests-table');
    await requests.getByRole('link', { name: 'Interpol notice (Red)' }).waitFor();
    const before = await requests.getByRole('row').count();
    const lrForm = page.getByTestId('case-legal-request-form');
    await labelled(lrForm, 'Sent to').fill('Chat Example Ltd');
    await labelled(lrForm, 'What is asked for, about whom').fill('Preserve the subscriber records of the account chat_e2e_case_tab.');
    await labelled(lrForm, 'Sent on').fill('2025-06-02T11:00');
    await lrForm.getByRole('button', { name: 'Record the request' }).click();
    await requests.getByText('Chat Example Ltd').waitFor();
    await expect(requests.getByRole('row').count()).resolves.toBe(before + 1);

    // The same tabs in Urdu.
    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    const urSections = page.getByRole('navigation', { name: 'کیس کے حصے' });
    await urSections.getByRole('link', { name: 'مواد ہٹوانا', exact: true }).click();
    await page.getByText('اس کیس میں مواد ہٹوانے کی درخواستیں').waitFor();
    await page.getByTestId('case-takedowns-table').getByText('https://video-share.example/w/e2e-case-tab').waitFor();
    await urSections.getByRole('link', { name: 'قانونی درخواستیں', exact: true }).click();
    await page.getByText('اس کیس کی قانونی اور تعاون کی درخواستیں').waitFor();
    await page.getByTestId('case-legal-requests-table').getByText('انٹرپول نوٹس (سرخ)').waitFor();
    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    await context.close();
  }, 240_000);
});
