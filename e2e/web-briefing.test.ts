// The briefing PDF from the web app (issue 13) in Chromium on the demo data: leadership chooses the period,
// the nation and the report's language on the home page, starts the job, sees its progress, and downloads the
// PDF from the link shown when it is done. Once in English (English report), once with the app in Urdu (the
// report's language follows the app's: Urdu). The PDF's own text is read back. Screenshot:
// docs/screenshots/briefing-job.png.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PDFParse } from 'pdf-parse';
import { browserAvailable, labelled, signedIn } from './support/browser.ts';
import { useWebApp } from './support/web-app.ts';
import { shoot } from './support/shots.ts';
import { en } from '../src/web/i18n/en.ts';
import { ur } from '../src/web/i18n/ur.ts';
import { reportTexts } from '../src/platform/text/report-texts.schema.ts';

const available = browserAvailable();
if (!available.run) console.warn(available.why);

const pdfText = async (pdf: Buffer) => {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
};

describe.skipIf(!available.run)('web app in Chromium: the briefing PDF as a background job', () => {
  const app = useWebApp();

  for (const lang of ['en', 'ur'] as const) {
    it(`leadership produces the briefing, sees its progress and downloads the PDF (${lang})`, async () => {
      const tr = lang === 'en' ? en : ur;
      const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('leadership'));
      try {
        if (lang === 'ur') {
          await page.getByTestId('language-switch').click();
          await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
        }
        const form = page.getByTestId('briefing-form');
        await form.waitFor();
        await labelled(form, tr.stats.from).fill('2024-01-01');
        await labelled(form, tr.stats.to).fill('2025-06-03');
        // The report's language follows the app's.
        expect(await labelled(form, tr.stats.briefing.language).inputValue()).toBe(lang);
        // Every progress text shown, recorded as the page shows it (the job may be quick).
        await page.evaluate(() => {
          const seen: string[] = [];
          (window as unknown as { progressSeen: string[] }).progressSeen = seen;
          new MutationObserver(() => {
            for (const el of document.querySelectorAll('[data-testid="briefing-job"] .progress-text')) if (!seen.includes(el.textContent ?? '')) seen.push(el.textContent ?? '');
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
        });
        await form.getByRole('button', { name: tr.stats.briefing.produce }).click();
        const link = page.getByTestId('briefing-download');
        await link.waitFor({ timeout: 120_000 });
        const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
        // The progress bar counts the job's 9 steps and ends full, with its label; the steps in between are shown
        // when a poll (every half second) finds the job running: on the demo data it can be done before the first.
        const bar = page.locator('[data-testid="briefing-job"] progress');
        expect(await bar.getAttribute('max')).toBe('9');
        expect(await bar.getAttribute('value')).toBe('9');
        expect(seen.at(-1), seen.join(' | ')).toBe(tr.progress.done.replace('{{what}}', tr.stats.briefing.what));
        if (seen.length > 2) console.info(`briefing progress seen (${lang}): ${seen.join(' | ')}`);
        if (lang === 'en') await shoot(page, 'briefing-job');

        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        expect(download.suggestedFilename()).toBe(`briefing-2024-01-01-2025-06-03${lang === 'ur' ? '-ur' : ''}.pdf`);
        const pdf = readFileSync(await download.path());
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        const text = await pdfText(pdf);
        // The title's words (a reader orders the colon between right-to-left runs its own way).
        for (const part of reportTexts[lang].briefing.title.split(':')) expect(text).toContain(part.trim());
        expect(text).toContain('178');
        expect(text).toContain(reportTexts[lang].briefing.headline.arrests);
      } finally {
        await context.close();
      }
    }, 240_000);
  }
});
