// Documents in Chromium, in English and in Urdu: an investigator adds a document to a case with the upload's
// progress shown, adds a second version, sees each version's SHA-256, and downloads a version: the bytes that
// arrive are the bytes that were sent.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useWebApp } from './support/web-app.ts';
import { browserAvailable, labelled, signedIn } from './support/browser.ts';
import { shoot } from './support/shots.ts';
import { en } from '../src/web/i18n/en.ts';
import { ur } from '../src/web/i18n/ur.ts';

const available = browserAvailable();
if (!available.run) console.warn(available.why);

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** A synthetic PDF of about `kb` kilobytes (padding in a comment), large enough for the progress to show. */
const pdf = (label: string, kb: number) => Buffer.concat([Buffer.from(`%PDF-1.4\n% ${label}\n`), Buffer.alloc(kb * 1024, '%'), Buffer.from('\n%%EOF\n')]);

describe.skipIf(!available.run)('web app in Chromium: documents', () => {
  // The server's own data and key folders, so the stored documents are this test's alone.
  const work = mkdtempSync(join(tmpdir(), 'amaan-e2e-documents-'));
  let caseId: string;
  const app = useWebApp({ env: { AMAAN_DATA_DIR: join(work, 'data'), AMAAN_KEY_DIR: join(work, 'keys') } }, 240_000, async ({ server }) => {
    const inv = server.user('investigator');
    caseId = (await server.ctx.db.selectFrom('case_team').innerJoin('users', 'users.id', 'case_team.user_id').innerJoin('cases', 'cases.id', 'case_team.case_id')
      .select('case_team.case_id').where('users.username', '=', inv.username).orderBy('cases.created_at', 'desc').executeTakeFirstOrThrow()).case_id;
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  for (const lang of ['en', 'ur'] as const) {
    it(`uploads with progress, keeps versions with their SHA-256 and downloads the same bytes (${lang})`, async () => {
      const tr = lang === 'en' ? en : ur;
      const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('investigator'));
      try {
        if (lang === 'ur') {
          await page.getByTestId('language-switch').click();
          await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
        }
        await page.goto(`/cases/${caseId}/documents`);
        await page.getByRole('heading', { name: tr.documents.upload }).waitFor();
        // A slow line, so the upload's progress is on screen long enough to be seen.
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 400 * 1024 });

        const first = pdf(`FIR copy ${lang}`, 1200);
        const title = lang === 'en' ? 'FIR copy, certified' : 'ایف آئی آر کی مصدقہ نقل';
        await labelled(page, tr.documents.docTitle).fill(title);
        await labelled(page, tr.documents.type).selectOption('fir_copy');
        await labelled(page, tr.documents.date).fill('2025-01-03');
        await page.getByTestId('document-file').setInputFiles({ name: `fir-copy-${lang}.pdf`, mimeType: 'application/pdf', buffer: first });
        await page.getByRole('button', { name: tr.documents.uploadButton, exact: true }).click();
        const progress = page.getByTestId('upload-progress');
        await progress.waitFor({ state: 'visible' });
        expect(Number(await progress.locator('progress').getAttribute('max'))).toBeGreaterThanOrEqual(first.length);
        await expect.poll(async () => Number(await progress.locator('progress').getAttribute('value') ?? 0), { timeout: 30_000 }).toBeGreaterThan(0);
        await page.getByRole('status').filter({ hasText: title }).waitFor({ timeout: 60_000 });
        await progress.waitFor({ state: 'detached' });
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

        const doc = page.getByTestId('document').filter({ hasText: title });
        await expect.poll(() => doc.getByTestId('document-sha256').textContent()).toBe(sha256(first));
        expect(await doc.textContent()).toContain(tr.documents.types.fir_copy);

        // A second version: the newest is shown, the first stays under "earlier versions".
        const second = pdf(`FIR copy ${lang}, corrected`, 40);
        await doc.locator('input[type="file"]').setInputFiles({ name: `fir-copy-${lang}-v2.pdf`, mimeType: 'application/pdf', buffer: second });
        await expect.poll(() => doc.getByTestId('document-sha256').textContent(), { timeout: 30_000 }).toBe(sha256(second));
        await doc.locator('summary').click();
        expect(await doc.getByTestId('document-version').textContent()).toContain(sha256(first));

        // Download the newest: saved as a file, never opened in the page; the same bytes arrive.
        const [download] = await Promise.all([page.waitForEvent('download'), doc.getByTestId('document-download').click()]);
        expect(download.suggestedFilename()).toBe(`fir-copy-${lang}-v2.pdf`);
        const saved = await download.path();
        expect(sha256(readFileSync(saved))).toBe(sha256(second));
        if (lang === 'en') {
          await page.getByTestId('documents-list').scrollIntoViewIfNeeded();
          await shoot(page, 'documents', { fullPage: true });
        }
        // Every download is in the audit trail.
        const audited = await app.server.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'document.download').execute();
        expect(audited.some((a) => (a.details as { sha256?: string }).sha256 === sha256(second))).toBe(true);
      } finally {
        await context.close();
      }
    }, 180_000);
  }
});
