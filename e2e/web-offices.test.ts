// Branch offices in Chromium: an administrator creates a branch covering two districts, with staff posts,
// and sees it listed; the page is in English and Urdu. Screenshot: docs/screenshots/branch-offices.png.
import { describe, expect, it } from 'vitest';
import { browserAvailable, labelled, signedIn } from './support/browser.ts';
import { useWebApp } from './support/web-app.ts';
import { shoot } from './support/shots.ts';

const available = browserAvailable();
if (!available.run) console.warn(available.why);

describe.skipIf(!available.run)('web app in Chromium: branch offices', () => {
  const app = useWebApp();

  it('an administrator creates a branch covering Multan and Lodhran with its staff posts', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('administrator'));
    await page.goto('/admin/offices');
    await labelled(page, 'Province').selectOption('Punjab');
    await page.getByRole('button', { name: 'New branch' }).click();
    const form = page.getByTestId('office-form');
    await labelled(form, 'Branch name').fill('South Punjab Circle');
    await labelled(form, 'District where the office sits').selectOption({ label: 'Multan' });
    await form.getByRole('checkbox', { name: /^Lodhran/ }).check();
    await labelled(form, 'Investigating officers: Sanctioned').fill('12');
    await labelled(form, 'Investigating officers: Filled').fill('7');
    await form.getByRole('button', { name: 'Create the branch' }).click();
    const row = page.getByTestId('offices-table').getByRole('row', { name: /South Punjab Circle/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Lodhran, Multan/);
    await shoot(page, 'branch-offices');
    const audited = await app.server.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'branch.create').execute();
    expect(audited).toHaveLength(1);
    await context.close();
  });
});
