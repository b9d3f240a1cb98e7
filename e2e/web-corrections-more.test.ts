import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, signedIn } from './support/browser.ts';
import { useWebApp } from './support/web-app.ts';
import { shoot } from './support/shots.ts';

const available = browserAvailable();
if (!available.run) console.warn(available.why);

// Corrections (issue 10, item 3) not covered by web-corrections.test.ts, in Chromium, in English and in Urdu:
// a hearing, a planned operation (officers taking part, further cases served), the offence catalogue and a
// branch office as an administrator, and a victim linked to a further case found by its FIR number. Each
// asserts the change took effect and the earlier value is listed. One server and one browser for all.

const api = <T = unknown>(page: Page, path: string) => page.evaluate(async (p) => {
  const res = await fetch(`/api/v1${p}`);
  if (!res.ok) throw new Error(`${p}: ${res.status}`);
  return (await res.json()) as unknown;
}, path) as Promise<T>;

/** A local date-time input value (the browser runs on this machine, in its time zone). */
const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

async function toUrdu(page: Page) {
  await page.getByTestId('language-switch').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
}

const correct = { en: 'Correct', ur: 'درست کریں' } as const;
const befores = (page: Page) => page.getByTestId('correction-before').allTextContents();

describe.skipIf(!available.run)('web app in Chromium: more corrections (hearing, operation, offences, branches, victim link)', () => {
  const app = useWebApp();

  for (const lang of ['en', 'ur'] as const) {
    it(`corrects a hearing, the earlier purpose listed (${lang})`, async () => {
      const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('prosecutor'));
      if (lang === 'ur') await toUrdu(page);
      const cases = await api<{ items: Array<{ id: string }> }>(page, '/cases?limit=200');
      let found: { caseId: string; hearing: { id: string; purpose: string; court: string } } | undefined;
      for (const c of cases.items) {
        const p = await api<{ hearings: Array<{ id: string; purpose: string; court: string }> }>(page, `/cases/${c.id}/prosecution`);
        if (p.hearings[0]) { found = { caseId: c.id, hearing: p.hearings[0] }; break; }
      }
      expect(found, 'a demo case with a hearing the prosecutor may correct').toBeTruthy();
      const { caseId, hearing } = found!;
      await page.goto(`/cases/${caseId}/prosecution`);
      const item = page.locator(`li[data-hearing="${hearing.id}"]`);
      await item.getByRole('button', { name: correct[lang] }).click();
      const form = item.getByTestId('edit-hearing-form');
      // An emptied purpose is refused beside its field, nothing sent.
      await form.locator('[name="purpose"]').fill('');
      await form.locator('button[type="submit"]').click();
      await expect.poll(() => form.locator('[name="purpose"]').getAttribute('aria-invalid')).toBe('true');
      const purpose = `Arguments on bail application (${lang})`;
      await form.locator('[name="purpose"]').fill(purpose);
      await form.locator('button[type="submit"]').click();
      await expect.poll(() => item.textContent()).toContain(purpose);
      const after = await api<{ hearings: Array<{ id: string; purpose: string }> }>(page, `/cases/${caseId}/prosecution`);
      expect(after.hearings.find((h) => h.id === hearing.id)?.purpose).toBe(purpose);
      // The earlier purpose is kept in the case's corrections.
      await page.goto(`/cases/${caseId}/corrections`);
      await expect.poll(() => befores(page)).toContain(hearing.purpose);
      if (lang === 'en') await shoot(page, 'hearing-correction', { fullPage: true });
      await context.close();
    }, 120_000);

    it(`corrects a planned operation: officers taking part and a further case it serves (${lang})`, async () => {
      const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('investigator'));
      if (lang === 'ur') await toUrdu(page);
      const cases = await api<{ items: Array<{ id: string; title: string }> }>(page, '/cases?limit=100');
      expect(cases.items.length, 'the investigator sees at least two cases').toBeGreaterThan(1);
      const caseId = cases.items[0]!.id;
      // Plan an operation for tomorrow from the case's operations tab.
      await page.goto(`/cases/${caseId}/operations`);
      const plan = page.getByTestId('plan-operation-form');
      await plan.locator('[name="name"]').fill(`Search of a workshop (${lang})`);
      await plan.locator('[name="plannedFor"]').fill(local(new Date(Date.now() + 26 * 3600_000)));
      const place = `Invented Street 4, Block ${lang.toUpperCase()}`;
      await plan.locator('[name="place"]').fill(place);
      await plan.locator('button[type="submit"]').click();
      await page.waitForURL(/\/operations\/[0-9a-f-]{36}$/);
      const operationId = page.url().split('/').pop()!;

      const form = page.getByTestId('edit-operation-form');
      await form.locator('[name="place"]').fill(`${place}, rear entrance`);
      const officer = form.locator('input[name="officerIds"]').first();
      const officerId = await officer.getAttribute('value');
      await officer.check();
      const served = form.locator('input[name="caseIds"]').first();
      const servedId = await served.getAttribute('value');
      await served.check();
      await form.locator('button[type="submit"]').click();
      await expect.poll(async () => {
        const o = await api<{ place: string; officers: Array<{ id: string }>; servedCases: Array<{ id: string }> }>(page, `/operations/${operationId}`);
        return [o.place, o.officers.map((x) => x.id).includes(officerId!), o.servedCases.map((c) => c.id).includes(servedId!)];
      }).toEqual([`${place}, rear entrance`, true, true]);
      // The operation is listed on the further case it now serves.
      const onServed = await api<{ items: Array<{ id: string }> }>(page, `/cases/${servedId}/operations`);
      expect(onServed.items.map((o) => o.id)).toContain(operationId);
      // The earlier place and the earlier (empty) officers are listed on the operation's page.
      await expect.poll(() => befores(page)).toContain(place);
      expect(await page.getByTestId('corrections').locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
      // Officers and cases by name, never by their ids.
      const listedText = (await page.getByTestId('corrections').textContent()) ?? '';
      expect(listedText).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
      expect(listedText).toContain((await officer.locator('xpath=..').textContent())!.trim());
      if (lang === 'en') await shoot(page, 'operation-correction', { fullPage: true });
      await context.close();
    }, 120_000);

    it(`an administrator corrects an offence of the catalogue, the earlier title listed (${lang})`, async () => {
      const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('administrator'));
      if (lang === 'ur') await toUrdu(page);
      const offences = await api<{ items: Array<{ code: string; title: string }> }>(page, '/offences?limit=500');
      const offence = offences.items[0]!;
      await page.goto('/offences');
      await page.locator('select[name="code"]').selectOption(offence.code);
      const form = page.getByTestId('offence-form');
      // An emptied title is refused beside its field.
      await form.locator('[name="title"]').fill('');
      await form.locator('button[type="submit"]').click();
      await expect.poll(() => form.locator('[name="title"]').getAttribute('aria-invalid')).toBe('true');
      const title = `${offence.title.replace(/ \((en|ur)\)$/, '')} (${lang})`;
      await form.locator('[name="title"]').fill(title);
      await form.locator('button[type="submit"]').click();
      await expect.poll(() => befores(page)).toContain(offence.title);
      const after = await api<{ title: string }>(page, `/offences/${offence.code}`);
      expect(after.title).toBe(title);
      if (lang === 'en') await shoot(page, 'offence-catalogue', { fullPage: true });
      await context.close();
    }, 120_000);

    it(`an administrator changes a branch office, the earlier name and posts listed (${lang})`, async () => {
      const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('administrator'));
      if (lang === 'ur') await toUrdu(page);
      await page.goto('/admin/offices');
      await page.locator('select[name="province"]').selectOption('Punjab');
      const row = page.getByTestId('offices-table').getByRole('row', { name: /Muzaffargarh/ }).first();
      const before = (await row.locator('td').first().textContent())!.replace(/\s*P-\S+$/, '').trim();
      await row.getByRole('button').click();
      const form = page.getByTestId('office-form');
      const name = `Muzaffargarh Cyber Circle (${lang})`;
      await form.locator('[name="name"]').fill(name);
      await form.locator('[name="sanctioned-investigator"]').fill(lang === 'en' ? '9' : '11');
      await form.locator('[name="filled-investigator"]').fill(lang === 'en' ? '6' : '8');
      await form.locator('button[type="submit"]').click();
      await page.getByTestId('offices-table').getByRole('row', { name: new RegExp(name.replace(/[()]/g, '\\$&')) }).waitFor();
      // The history under the list: the earlier name, beside its field named in the officer's language.
      await expect.poll(() => befores(page)).toContain(before);
      const fields = await page.getByTestId('correction-field').allTextContents();
      expect(fields).toContain(lang === 'en' ? 'Branch name' : 'برانچ کا نام');
      expect(fields.some((f) => f.startsWith(lang === 'en' ? 'Investigating officers' : 'تفتیشی افسران'))).toBe(true);
      if (lang === 'ur') await shoot(page, 'branch-history-urdu', { fullPage: true });
      await context.close();
    }, 120_000);

    it(`links a victim to a further case found by its FIR number, the earlier cases kept (${lang})`, async () => {
      const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('investigator'));
      if (lang === 'ur') await toUrdu(page);
      const victims = await api<{ items: Array<{ id: string; pseudonym: string }> }>(page, '/victims?limit=50');
      const cases = await api<{ items: Array<{ id: string; title: string; firNumber: number | null; firYear: number | null }> }>(page, '/cases?limit=200');
      let chosen: { victim: { id: string; pseudonym: string; cases: Array<{ caseId: string; title: string }> }; target: (typeof cases.items)[number] } | undefined;
      for (const v of victims.items) {
        const detail = await api<{ id: string; pseudonym: string; cases: Array<{ caseId: string; title: string }> }>(page, `/victims/${v.id}`);
        const target = cases.items.find((c) => c.firNumber !== null && !detail.cases.some((x) => x.caseId === c.id));
        if (detail.cases.length && target) { chosen = { victim: detail, target }; break; }
      }
      expect(chosen, 'a victim and a further case with an FIR the investigator sees').toBeTruthy();
      const { victim, target } = chosen!;
      await page.goto(`/victims/${victim.id}`);
      const form = page.getByTestId('link-victim-form');
      // Nothing chosen: refused beside the field.
      await form.locator('button[type="submit"]').click();
      await expect.poll(() => form.locator('[name="caseId-search"]').getAttribute('aria-invalid')).toBe('true');
      // Typed as the app shows it: the server finds the case by its FIR number.
      await form.locator('[name="caseId-search"]').fill(`${target.firNumber}/${target.firYear}`);
      const option = form.locator(`[role="option"][data-case-id="${target.id}"]`);
      await option.click();
      await form.locator('button[type="submit"]').click();
      await expect.poll(async () => (await api<{ cases: Array<{ caseId: string }> }>(page, `/victims/${victim.id}`)).cases.map((c) => c.caseId)).toContain(target.id);
      // The victim's cases: the earlier ones kept, the further one added; the further case's timeline says so.
      const listed = page.getByRole('link', { name: target.title });
      await listed.first().waitFor();
      for (const c of victim.cases) await page.getByRole('link', { name: c.title }).first().waitFor();
      const timeline = await api<{ items: Array<{ body: string }> }>(page, `/cases/${target.id}/timeline?limit=50`);
      expect(timeline.items.some((e) => e.body.includes(victim.pseudonym))).toBe(true);
      if (lang === 'en') await shoot(page, 'victim-link', { fullPage: true });
      await context.close();
    }, 120_000);
  }
});
