import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, signedIn } from './support/browser.ts';
import { useWebApp } from './support/web-app.ts';
import { shoot } from './support/shots.ts';

const available = browserAvailable();
if (!available.run) console.warn(available.why);

// Corrections (issue 10, item 3) in Chromium, in English and in Urdu: correct a case and a person (the earlier
// values listed), a refusal beside its field, record a warrant, file and decide an appeal.

const api = <T = unknown>(page: Page, path: string) => page.evaluate(async (p) => {
  const res = await fetch(`/api/v1${p}`);
  return (await res.json()) as unknown;
}, path) as Promise<T>;

/** A local date-time input value (the browser runs on this machine, in its time zone). */
const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

async function toUrdu(page: Page) {
  await page.getByTestId('language-switch').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
}

describe.skipIf(!available.run)('web app in Chromium: corrections, warrants and appeals', () => {
  const app = useWebApp();

  for (const lang of ['en', 'ur'] as const) {
    it(`corrects a case and a person and records a warrant, the earlier values shown (${lang})`, async () => {
      const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('investigator'));
      if (lang === 'ur') await toUrdu(page);
      // A case of the investigator with an accused person.
      const cases = await api<{ items: Array<{ id: string; title: string }> }>(page, '/cases?limit=100');
      let caseId = '';
      let accused: { personId: string; displayName: string } | undefined;
      for (const c of cases.items) {
        const persons = await api<{ persons: Array<{ personId: string; displayName: string; accused: boolean }> }>(page, `/cases/${c.id}/persons`);
        accused = persons.persons.find((p) => p.accused);
        if (accused) { caseId = c.id; break; }
      }
      expect(accused, 'a demo case with an accused').toBeTruthy();
      const before = (await api<{ title: string }>(page, `/cases/${caseId}`)).title;

      // The case: a too-short title is refused beside its field; a good one is saved and the earlier one listed.
      await page.goto(`/cases/${caseId}/corrections`);
      const caseForm = page.getByTestId('edit-case-form');
      await caseForm.locator('[name="title"]').fill('ab');
      await caseForm.locator('button[type="submit"]').click();
      await expect.poll(() => caseForm.locator('[name="title"]').getAttribute('aria-invalid')).toBe('true');
      const corrected = `${before} (${lang})`;
      await caseForm.locator('[name="title"]').fill(corrected);
      await caseForm.locator('button[type="submit"]').click();
      await expect.poll(() => page.getByTestId('correction-before').allTextContents()).toContain(before);

      // The person: a date of birth in the future is refused by the server beside the field; a good one is kept.
      await page.goto(`/persons/${accused!.personId}`);
      await page.getByRole('button', { name: lang === 'en' ? 'Correct' : 'درست کریں' }).click();
      const personForm = page.getByTestId('edit-person-form');
      await personForm.locator('[name="dateOfBirth"]').fill('2999-01-01');
      await personForm.locator('button[type="submit"]').click();
      await expect.poll(() => personForm.locator('[name="dateOfBirth"]').getAttribute('aria-invalid')).toBe('true');
      const message = await personForm.locator('[data-field-error="true"]').first().textContent();
      expect(message).toBe(lang === 'en' ? 'cannot be in the future' : 'مستقبل کی تاریخ نہیں ہو سکتی');
      await personForm.locator('[name="dateOfBirth"]').fill(lang === 'en' ? '1990-04-01' : '1991-05-02');
      await personForm.locator('[name="names"]').fill(`${accused!.displayName.split(' ')[0]} Invented Variant ${lang}`);
      await personForm.locator('button[type="submit"]').click();
      await expect.poll(() => page.getByTestId('corrections').locator('tbody tr').count()).toBeGreaterThan(0);

      // A warrant: an Interpol red notice, then corrected to issued with its date; the earlier status is listed.
      await page.goto(`/cases/${caseId}/warrants`);
      const wf = page.getByTestId('warrant-form');
      await wf.locator('[name="personId"]').selectOption(accused!.personId);
      await wf.locator('[name="kind"]').selectOption('foreign_arrest_warrant');
      await wf.locator('button[type="submit"]').click();
      // A foreign arrest warrant needs its country: refused beside the field by the app.server.
      await expect.poll(() => wf.locator('[name="country"]').getAttribute('aria-invalid')).toBe('true');
      await wf.locator('[name="kind"]').selectOption('interpol_red_notice');
      await wf.locator('[name="country"]').fill('AE');
      await wf.locator('[name="reference"]').fill(`A-1234/5-2025-${lang}`);
      await wf.locator('button[type="submit"]').click();
      const item = page.getByTestId('warrant').filter({ hasText: `A-1234/5-2025-${lang}` });
      await item.waitFor();
      await item.getByRole('button', { name: lang === 'en' ? 'Correct' : 'درست کریں' }).click();
      const ef = page.getByTestId('edit-warrant-form');
      await ef.locator('[name="status"]').selectOption('issued');
      await ef.locator('[name="issuedOn"]').fill(new Date(Date.now() - 24 * 3600_000).toISOString().slice(0, 10));
      await ef.locator('button[type="submit"]').click();
      await expect.poll(() => page.getByTestId('correction-before').allTextContents()).toContain('requested');
      if (lang === 'en') await shoot(page, 'warrant', { fullPage: true });
      await context.close();
    }, 180_000);

    it(`files and decides an appeal (${lang})`, async () => {
      const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('prosecutor'));
      if (lang === 'ur') await toUrdu(page);
      // A verdict the prosecution may appeal (an acquittal) with no appeal pending from it.
      const cases = await api<{ items: Array<{ id: string }> }>(page, '/cases?limit=200');
      let found: { caseId: string; verdictId: string } | undefined;
      for (const c of cases.items) {
        const p = await api<{ verdicts: Array<{ id: string; outcome: string; appeals: Array<{ filedBy: string; status: string }> }> }>(page, `/cases/${c.id}/prosecution`);
        const v = p.verdicts.find((x) => x.outcome === 'acquitted' && x.appeals.length === 0);
        if (v) { found = { caseId: c.id, verdictId: v.id }; break; }
      }
      expect(found, 'a demo acquittal the prosecutor may appeal').toBeTruthy();
      await page.goto(`/cases/${found!.caseId}/prosecution`);
      const verdict = page.locator(`li[data-verdict="${found!.verdictId}"]`);
      await verdict.locator('summary').first().click();
      const af = verdict.getByTestId('appeal-form');
      await af.locator('[name="court"]').fill(`Lahore High Court, Multan Bench (${lang})`);
      // The English run's decision moved a case an hour ago: the Urdu run files and decides after it.
      const hours = lang === 'en' ? [3, 2] : [0.75, 0.5];
      await af.locator('[name="filedAt"]').fill(local(new Date(Date.now() - hours[0]! * 3600_000)));
      await af.locator('[name="filedBy"]').selectOption('prosecution');
      await af.locator('button[type="submit"]').click();
      const df = verdict.getByTestId('decide-appeal-form').first();
      await df.waitFor({ timeout: 10_000 }).catch(async (e: unknown) => { throw new Error(`${String(e)}: ${await af.textContent()}`); });
      // A decision before the filing is refused beside its field.
      await df.locator('[name="decidedAt"]').fill(local(new Date(Date.now() - 30 * 24 * 3600_000)));
      await df.locator('button[type="submit"]').click();
      await expect.poll(() => df.locator('[name="decidedAt"]').getAttribute('aria-invalid')).toBe('true');
      if (lang === 'en') await shoot(page, 'appeal', { fullPage: true });
      await df.locator('[name="status"]').selectOption('dismissed');
      await df.locator('[name="decidedAt"]').fill(local(new Date(Date.now() - hours[1]! * 3600_000)));
      await df.locator('button[type="submit"]').click();
      await expect.poll(async () => {
        const p = await api<{ verdicts: Array<{ id: string; appeals: Array<{ court: string; status: string }> }> }>(page, `/cases/${found!.caseId}/prosecution`);
        return p.verdicts.flatMap((v) => v.appeals).find((a) => a.court.includes(`(${lang})`))?.status;
      }).toBe('dismissed');
      await context.close();
    }, 180_000);
  }
});
