// The analyst's duplicate-person page in Chromium: a pair recorded under two spellings (one in Urdu script)
// is listed, opened side by side with the score explained field by field, merged, and the merge undone.
import { describe, expect, it } from 'vitest';
import { useWebApp } from './support/web-app.ts';
import { browserAvailable, signedIn } from './support/browser.ts';
import { shoot } from './support/shots.ts';
import { createPerson } from '../src/modules/persons/person.service.ts';
import { createPersonBody } from '../src/modules/persons/person.schema.ts';

const available = browserAvailable();
if (!available.run) console.warn(available.why);

describe.skipIf(!available.run)('web app in Chromium: duplicate-person suggestions', () => {
  const app = useWebApp({}, 240_000, async ({ server }) => {
    // Two invented records of one man, as two offices wrote them (Latin and Urdu script).
    const inv = server.user('investigator');
    const u = await server.ctx.db.selectFrom('users').select(['id', 'role', 'branch_id']).where('username', '=', inv.username).executeTakeFirstOrThrow();
    const ctx = { ...server.ctx, actor: { id: u.id, username: inv.username, displayName: inv.username, role: u.role, branchId: u.branch_id, ip: null } };
    await createPerson(ctx, createPersonBody.parse({ displayName: 'Haji Mohd Zarghoon Khattak', dateOfBirth: '1979-06-02', cnic: '32303-1234567-1', phones: ['0321-7654321'] }));
    await createPerson(ctx, createPersonBody.parse({ displayName: 'محمد زرغون خٹک', names: [{ name: 'Zarghoon Khatak', kind: 'variant' }], dateOfBirth: '1979-06-02', phones: ['+92 321 7654321'] }));
  });

  it('analyst compares a pair field by field, merges it and undoes the merge', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('analyst'));
    await page.goto('/person-suggestions');
    const row = page.getByTestId('suggestions-table').getByRole('button', { name: /Zarghoon/ }).first();
    await row.click();
    await page.getByTestId('suggestion-reasons').waitFor();
    const reasons = await page.getByTestId('suggestion-reasons').textContent();
    expect(reasons).toMatch(/Name/);
    expect(reasons).toMatch(/Phone/);
    expect(reasons).toMatch(/Date of birth/);
    await expect.poll(() => page.getByTestId('suggestion-side').count()).toBe(2);
    await shoot(page, 'merge-suggestion', { fullPage: true });
    await page.getByRole('button', { name: 'Merge, keep A' }).click();
    await page.getByRole('button', { name: 'Undo the merge' }).waitFor();
    await page.getByRole('button', { name: 'Undo the merge' }).click();
    await page.getByRole('button', { name: 'Merge, keep A' }).waitFor();
    await context.close();
  }, 120_000);
});
