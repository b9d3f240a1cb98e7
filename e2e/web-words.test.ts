import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, signedIn } from './support/browser.ts';
import { useWebApp } from './support/web-app.ts';
import { shoot } from './support/shots.ts';
import { isoToLocalInput } from '../src/web/i18n/format.ts';
import { ur } from '../src/web/i18n/ur.ts';

const available = browserAvailable();
if (!available.run) console.warn(available.why);

// Words and languages (issue 10): date refusals beside their field in English and Urdu, the Urdu leadership
// home with charts whose labels do not sit on the bars, and the safeguarding flag on the supervisor's home.

/** The error shown beside the control named `name` (its aria-describedby error element), once it is there. */
async function errorBeside(page: Page, name: string): Promise<string> {
  const input = page.locator(`[name="${name}"]`).first();
  await page.waitForFunction((el) => el?.getAttribute('aria-invalid') === 'true', await input.elementHandle(), { timeout: 30_000 });
  const ids = (await input.getAttribute('aria-describedby')) ?? '';
  const errorId = ids.split(' ').find((id) => id.endsWith('-error'));
  if (!errorId) throw new Error(`no error element beside ${name}`);
  return (await page.locator(`[id="${errorId}"]`).textContent()) ?? '';
}

async function toUrdu(page: Page): Promise<void> {
  await page.getByTestId('language-switch').click();
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
}

/** A JSON call from inside the signed-in page (session cookie and CSRF token), as the web app makes it. */
async function apiCall<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const res = await fetch(`/api/v1${path}`, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken ?? '' }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    { method, path, body },
  ) as Promise<{ status: number; json: T }>;
}

describe.skipIf(!available.run)('words and languages in Chromium', () => {
  const app = useWebApp({}, 480_000);

  it('shows the case timeline from codes: English, then Urdu sentences with Urdu role and status labels', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('investigator'));
    await page.goto('/');
    const cases = await apiCall<{ items: Array<{ id: string }> }>(page, 'GET', '/cases?limit=1');
    const caseId = cases.json.items[0]!.id;
    const added = await apiCall<{ persons: Array<{ personId: string; displayName: string }> }>(page, 'POST', `/cases/${caseId}/persons`, { role: 'suspect', person: { displayName: 'Qasim Timeline Test' } });
    expect(added.status).toBe(201);
    const personId = added.json.persons.find((p) => p.displayName === 'Qasim Timeline Test')!.personId;
    expect((await apiCall(page, 'POST', `/cases/${caseId}/persons/${personId}/status`, { to: 'proclaimed_offender', reason: 'absconding' })).status).toBeLessThan(300);
    const timelineText = async () => {
      await page.goto(`/cases/${caseId}/timeline`);
      await page.getByTestId('timeline').getByText('Qasim Timeline Test', { exact: false }).first().waitFor({ timeout: 30_000 });
      return (await page.getByTestId('timeline').textContent()) ?? '';
    };
    const english = await timelineText();
    expect(english).toContain('Qasim Timeline Test added as Suspect');
    expect(english).toContain('Qasim Timeline Test: At large → Proclaimed offender (absconding)');
    await toUrdu(page);
    const urdu = await timelineText();
    expect(urdu).toContain(`Qasim Timeline Test بطور ${ur.persons.roles.suspect} شامل`);
    expect(urdu).toContain(`Qasim Timeline Test: حیثیت ${ur.accusedStatus.at_large} ← ${ur.accusedStatus.proclaimed_offender} (absconding)`);
    expect(urdu).not.toContain('added as');
    await context.close();
  }, 120_000);

  it('shows a custody reason the server wrote (an item seized in an operation) in English, then in Urdu', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('supervisor'));
    await page.goto('/');
    const caseId = (await apiCall<{ items: Array<{ id: string }> }>(page, 'GET', '/cases?limit=1')).json.items[0]!.id;
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    const plan = await apiCall<{ id: string }>(page, 'POST', `/cases/${caseId}/operations`, { name: 'Op Custody Words', plannedFor: hoursAgo(2), place: 'Testpur (synthetic)', agencies: [], notes: '' });
    expect(plan.status).toBe(201);
    expect((await apiCall(page, 'POST', `/operations/${plan.json.id}/approve`, { at: hoursAgo(3) })).status).toBe(200);
    const executed = await apiCall(page, 'POST', `/operations/${plan.json.id}/execute`, { executedAt: hoursAgo(1), durationMinutes: 60, arrestedPersonIds: [], rescuedVictimIds: [], seizedItems: [{ label: 'EV-WORDS-1', kind: 'phone' }] });
    expect(executed.status).toBe(200);
    const listed = await apiCall<{ items: Array<{ id: string; label: string }> }>(page, 'GET', `/cases/${caseId}/evidence?limit=100`);
    const item = listed.json.items.find((e) => e.label === 'EV-WORDS-1')!;
    const chainText = async () => {
      await page.goto(`/evidence/${item.id}`);
      await page.getByTestId('custody-chain').waitFor({ timeout: 30_000 });
      return (await page.getByTestId('custody-chain').textContent()) ?? '';
    };
    expect(await chainText()).toContain('seized in operation Op Custody Words');
    await toUrdu(page);
    const urdu = await chainText();
    expect(urdu).toContain('آپریشن Op Custody Words میں قبضے میں لیا گیا');
    expect(urdu).not.toContain('seized in operation');
    await context.close();
  }, 120_000);

  it('shows a complaint date in the future or in year 0001 refused beside its field, in English and in Urdu', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('investigator'));
    const tryDate = async (value: string) => {
      await page.goto('/cases/new');
      await page.locator('[name="title"]').fill('Complaint with a doubtful date');
      await page.locator('input[type="checkbox"][name="offenceCodes"]').first().check();
      await page.locator('[name="reportedAt"]').fill(value);
      await page.getByTestId('new-case-form').locator('button[type="submit"]').click();
      return errorBeside(page, 'reportedAt');
    };
    expect(await tryDate('2099-01-01T10:00')).toBe('cannot be in the future');
    expect(await tryDate('0001-01-01T10:00')).toBe('cannot be before 1947');
    await toUrdu(page);
    expect(await tryDate('2099-01-01T10:00')).toBe('مستقبل کی تاریخ نہیں ہو سکتی');
    expect(await tryDate('0001-01-01T10:00')).toBe('1947 سے پہلے کی تاریخ نہیں ہو سکتی');
    await context.close();
  }, 120_000);

  it('shows a hearing dated before the FIR refused beside its field, in English and in Urdu', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('prosecutor'));
    // A case of the prosecutor's whose FIR came well after the complaint: a date between the two.
    const list = await apiCall<{ items: Array<{ id: string; firLabel: string | null }> }>(page, 'GET', '/cases?limit=200');
    expect(list.status).toBe(200);
    let c: { id: string; reportedAt: string; firRegisteredAt: string | null } | undefined;
    for (const item of list.json.items.filter((x) => x.firLabel).slice(0, 40)) {
      const d = (await apiCall<{ id: string; reportedAt: string; firRegisteredAt: string | null }>(page, 'GET', `/cases/${item.id}`)).json;
      if (d.firRegisteredAt && Date.parse(d.firRegisteredAt) - Date.parse(d.reportedAt) > 4 * 3_600_000) {
        c = d;
        break;
      }
    }
    expect(c, 'a prosecutor case with an FIR hours after its complaint').toBeTruthy();
    const between = isoToLocalInput(new Date((Date.parse(c!.reportedAt) + Date.parse(c!.firRegisteredAt!)) / 2).toISOString());
    const tryHearing = async () => {
      await page.goto(`/cases/${c!.id}/prosecution`);
      const form = page.getByTestId('hearing-form');
      await form.locator('[name="court"]').fill('Sessions Court, Testpur');
      await form.locator('[name="scheduledFor"]').fill(between);
      await form.locator('[name="purpose"]').fill('Framing of charge');
      await form.locator('button[type="submit"]').click();
      return errorBeside(page, 'scheduledFor');
    };
    expect(await tryHearing()).toBe('cannot be before the FIR was registered');
    await toUrdu(page);
    expect(await tryHearing()).toBe('ایف آئی آر درج ہونے سے پہلے کی تاریخ نہیں ہو سکتی');
    await context.close();
  }, 120_000);

  it('draws the Urdu leadership home with chart labels clear of the bars, cited published figures, and a reversed period beside its field', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('leadership'));
    await page.getByTestId('home-leadership').waitFor();
    await toUrdu(page);
    await page.getByTestId('published-figures').waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    const overlaps = await page.evaluate(() => {
      const found: string[] = [];
      const intersects = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      const charts = [...document.querySelectorAll('[data-testid="chart-canvas"]')];
      for (const chart of charts) {
        const bars = [...chart.querySelectorAll('.recharts-bar-rectangle path, .recharts-bar-rectangle rect')].map((b) => b.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
        const labels = [...chart.querySelectorAll('text.recharts-cartesian-axis-tick-value')].map((l) => ({ text: l.textContent ?? '', box: l.getBoundingClientRect() }));
        for (const l of labels) for (const b of bars) if (intersects(l.box, b)) found.push(l.text);
      }
      return { charts: charts.length, found, labels: document.querySelectorAll('[data-testid="chart-canvas"] text.recharts-cartesian-axis-tick-value').length };
    });
    expect(overlaps.charts).toBeGreaterThanOrEqual(2);
    expect(overlaps.labels).toBeGreaterThan(4);
    expect(overlaps.found).toEqual([]);
    // Urdu category labels are drawn inside the chart, right of the bars they name.
    const statusChart = await page.evaluate(() => {
      const chart = [...document.querySelectorAll('[data-chart="count"]')].find((c) => c.querySelector('.recharts-bar-rectangle path'))!;
      // The category labels (words, not the numbers of the value axis).
      const labels = [...chart.querySelectorAll('text.recharts-cartesian-axis-tick-value')].filter((l) => !/^[\d\u06F0-\u06F9\u0660-\u0669,.٬\s]+$/.test(l.textContent ?? '')).map((l) => l.getBoundingClientRect());
      const bars = [...chart.querySelectorAll('.recharts-bar-rectangle path')].map((b) => b.getBoundingClientRect());
      const box = chart.getBoundingClientRect();
      const barsRight = Math.max(...bars.map((b) => b.right));
      return {
        labelRightOfBars: labels.length > 0 && labels.every((l) => l.left >= barsRight - 0.5),
        labelInside: labels.every((l) => l.left >= box.left - 1 && l.right <= box.right + 1),
      };
    });
    expect(statusChart).toEqual({ labelRightOfBars: true, labelInside: true });
    // Times in Urdu carry no English "AM"/"PM".
    expect(await page.locator('main').textContent()).not.toMatch(/\b(AM|PM)\b/);
    // Published figures cite publisher and headline; the research notes are not shown; no comparison today.
    const published = (await page.getByTestId('published-figures').textContent()) ?? '';
    expect(published).toContain('The Nation');
    expect(published).toContain('NCCIA busts international racket');
    expect(published).not.toMatch(/conflicting|seed article/);
    await page.getByTestId('no-comparison').waitFor();
    await shoot(page, 'urdu-leadership-home', { fullPage: true });

    // A reversed period: refused beside the last day, in Urdu; the figures stay on the page.
    await page.locator('form.filters:not([data-testid="briefing-form"]) [name="from"]').fill('2025-06-03');
    await page.locator('form.filters:not([data-testid="briefing-form"]) [name="to"]').fill('2025-01-01');
    await page.locator('form.filters:not([data-testid="briefing-form"]) button[type="submit"]').click();
    expect(await errorBeside(page, 'to')).toBe('پہلے دن سے پہلے نہیں ہو سکتا');
    expect(await page.getByTestId('published-figures').isVisible()).toBe(true);
    // The published period: computed beside published.
    await page.locator('form.filters:not([data-testid="briefing-form"]) [name="from"]').fill('');
    await page.locator('form.filters:not([data-testid="briefing-form"]) [name="to"]').fill('2025-06-03');
    await page.locator('form.filters:not([data-testid="briefing-form"]) button[type="submit"]').click();
    await page.getByTestId('published-table').waitFor();
    expect(await page.getByTestId('published-table').locator('tbody tr').count()).toBe(3);
    await context.close();
  }, 120_000);

  it('flags a rescued child without a protection officer on the supervisor\'s home until one is assigned', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('supervisor'));
    await page.getByTestId('home-supervisor').waitFor();
    const cases = await apiCall<{ items: Array<{ id: string; reportedAt: string }> }>(page, 'GET', '/cases?limit=1');
    const caseId = cases.json.items[0]!.id;
    const victim = await apiCall<{ id: string; pseudonym: string }>(page, 'POST', `/cases/${caseId}/victims`, { gender: 'female', ageAtIdentification: 8 });
    expect(victim.status).toBe(201);
    const step = await apiCall(page, 'POST', `/victims/${victim.json.id}/transitions`, { to: 'recovered', reason: 'recovered at the raid' });
    expect(step.status).toBe(200);
    await page.reload();
    const flagged = page.getByTestId('safeguarding-unassigned');
    await flagged.getByText(victim.json.pseudonym).waitFor();
    await toUrdu(page);
    await flagged.getByText('بازیاب بچے جن کا کوئی تحفظ افسر نہیں').waitFor();
    await flagged.getByText(victim.json.pseudonym).waitFor();
    const staff = await apiCall<{ items: Array<{ id: string }> }>(page, 'GET', '/staff?role=protection_officer');
    expect(staff.status).toBe(200);
    expect((await apiCall(page, 'POST', `/victims/${victim.json.id}/assignments`, { userId: staff.json.items[0]!.id })).status).toBe(200);
    await page.reload();
    await page.getByTestId('safeguarding-unassigned').waitFor();
    expect(await page.getByTestId('safeguarding-unassigned').getByText(victim.json.pseudonym).count()).toBe(0);
    await context.close();
  }, 120_000);
});
