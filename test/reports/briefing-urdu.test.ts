import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFParse } from 'pdf-parse';
import { createTestApp, type TestApp } from '../support/harness.ts';
import { loadDemoIfEmpty } from '../../src/demo/demo.loader.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import type { ServiceContext } from '../../src/platform/context.ts';
import { produceBriefing } from '../../src/modules/reports/reports.service.ts';
import { visualPieces } from '../../src/modules/reports/pdf-text.ts';
import { reportTexts } from '../../src/platform/text/report-texts.schema.ts';

// The briefing in Urdu (issue 12): right to left, shaped Arabic script in an embedded Noto Naskh Arabic, the
// labels from the shared catalogue, the demo's national figures (178 FIRs, 198 arrests, 14 convicted) written
// out here. The PDF is read back twice: its text (pdf-parse, as the English tests do) and its fonts (the
// ToUnicode maps and the glyphs drawn), to show the letters were shaped and no glyph is missing (.notdef).
const ur = reportTexts.ur.briefing;

const pdfText = async (pdf: Buffer) => {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
};

/** Every stream of the PDF, inflated where it is compressed. */
function streams(pdf: Buffer): string[] {
  const out: string[] = [];
  const s = pdf.toString('latin1');
  const re = /<<((?:(?!>>\s*stream)[\s\S])*?)>>\s*stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    try {
      out.push(/FlateDecode/.test(m[1]!) ? inflateSync(raw).toString('latin1') : raw.toString('latin1'));
    } catch {
      out.push('');
    }
  }
  return out;
}

/** The glyph -> text maps of the embedded fonts (ToUnicode CMaps, as pdfkit writes them). */
function toUnicodeMaps(all: string[]): Array<Map<number, string>> {
  const hex = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
  return all.filter((s) => s.includes('begincmap')).map((cmap) => {
    const map = new Map<number, string>();
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const line of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
        const [from, to] = [parseInt(line[1]!, 16), parseInt(line[2]!, 16)];
        const targets = line[3]!.startsWith('[') ? [...line[3]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => hex(x[1]!)) : null;
        for (let g = from; g <= to; g++) map.set(g, targets ? targets[g - from] ?? '' : String.fromCodePoint(parseInt(line[3]!.slice(1, -1), 16) + g - from));
      }
    }
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const line of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(parseInt(line[1]!, 16), hex(line[2]!));
    }
    return map;
  });
}

/**
 * The fonts of an Urdu PDF: Noto Naskh Arabic embedded (subsets, regular and bold) for the shaped glyphs, whose
 * text is U+2060 (a format character readers drop), and a text layer in the same face with one glyph per letter.
 * Shaped: the shaped font draws more distinct glyphs (joining forms, bodies and dots) than there are letters in
 * the text layer... and no text is drawn with glyph 0 (.notdef, a missing glyph).
 */
function expectShapedUrdu(pdf: Buffer) {
  const raw = pdf.toString('latin1');
  expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoNaskhArabic-Regular\b/);
  expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoNaskhArabic-Bold\b/);
  const all = streams(pdf);
  const maps = toUnicodeMaps(all);
  const values = (m: Map<number, string>) => [...m.entries()].filter(([g]) => g !== 0).map(([, v]) => v);
  const shaped = maps.filter((m) => m.size > 1 && values(m).every((v) => v === '\u2060'));
  const letters = maps.filter((m) => values(m).some((v) => /[\u0600-\u06FF]/.test(v)));
  expect(shaped.length, 'shaped fonts (regular, bold)').toBeGreaterThanOrEqual(2);
  expect(letters.length, 'text layer').toBe(1);
  // The text layer has one glyph per letter; the regular shaped font draws the same words in more glyphs.
  expect(values(letters[0]!).every((v) => [...v].length === 1)).toBe(true);
  expect(Math.max(...shaped.map((m) => m.size))).toBeGreaterThan(letters[0]!.size * 1.3);
  // Glyph runs in the page content: hex strings of 4-digit glyph ids (pdfkit), none of them 0 (.notdef).
  const content = all.filter((s) => /\bTJ\b/.test(s)).join('\n');
  const drawn = [...content.matchAll(/<([0-9a-f]+)>/g)].flatMap((m) => m[1]!.match(/.{4}/g) ?? []);
  expect(drawn.length).toBeGreaterThan(100);
  expect(drawn.filter((g) => g === '0000')).toEqual([]);
}

/** The words of a label as the text comes back: the parts between punctuation (a reader orders mixed runs its own way). */
const partsOf = (label: string) => label.split(/[:()؛،]/).map((p) => p.trim()).filter((p) => p.length > 1);

describe('visual order of an Urdu line (bidi)', () => {
  it('puts a number after Urdu words to their left, keeps digits and Latin left to right, mirrors brackets', () => {
    // Visual order, left to right: the number, then the Urdu word (kept in logical order: fontkit shapes and reverses it).
    expect(visualPieces('گرفتاریاں 198')).toEqual([{ text: '198', arabic: false }, { text: 'گرفتاریاں ', arabic: true }]);
    // A Latin name inside Urdu stays one left-to-right run; the bracket around Urdu words is mirrored.
    const mixed = visualPieces('ضلع Muzaffargarh (پنجاب)');
    // "(پنجاب)" at the far left: its closing bracket, mirrored, is the leftmost glyph and reads "(".
    expect(mixed.map((p) => p.text)).toEqual(['(', 'پنجاب', ') ', 'Muzaffargarh', 'ضلع ']);
    expect(mixed.map((p) => p.arabic)).toEqual([false, true, false, false, true]);
  });
});

describe('the briefing in Urdu on the demo dataset', () => {
  let t: TestApp;
  let ctx: ServiceContext;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    await loadDemoIfEmpty(t.ctx);
    ctx = { ...t.ctx, actor: systemActor('cli:test') };
  });
  afterAll(async () => t?.close());

  it('prints the Urdu labels with 178 FIRs, 198 arrests and 14 convicted, shaped, with no missing glyph', async () => {
    const r = await produceBriefing(ctx, { from: '2024-01-01', to: '2025-06-03', lang: 'ur' });
    expect(r.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(r.data.lang).toBe('ur');
    const text = await pdfText(r.pdf);
    // The Urdu words come back as words (logical order, base letters), not as isolated presentation forms.
    for (const label of [ur.title, ur.headlineTitle, ur.headline.firs, ur.headline.arrests, ur.headline.convictions, ur.trendsTitle, ur.timeToCourt, ur.externalTitle]) {
      for (const part of partsOf(label)) expect(text, label).toContain(part);
    }
    expect(text).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFF]/);
    expect(r.data.headline.find((h) => h.id === 'firs')).toMatchObject({ value: '178', label: ur.headline.firs });
    expect(r.data.headline.find((h) => h.id === 'arrests')).toMatchObject({ value: '198', label: ur.headline.arrests });
    expect(r.data.headline.find((h) => h.id === 'convictions')).toMatchObject({ value: '14', label: ur.headline.convictions, note: '4 سے 10 سال کی سزائیں' });
    // The figures printed beside their labels (a card: the figure, then its label).
    expect(text).toMatch(new RegExp(`178 \\(${partsOf(ur.headline.firs)[1]}\\) ${partsOf(ur.headline.firs)[0]}`));
    expect(text).toMatch(new RegExp(`198 ${ur.headline.arrests}`));
    expect(text).toMatch(new RegExp(`14 .*${ur.headline.convictions}`));
    expect(text).toContain('سال کی سزائیں');
    expect(text).toContain('Muzaffargarh');
    expect(text).toContain(r.data.anchor!.hash);

    expectShapedUrdu(r.pdf);
  });

  it('over the API: a language is validated; the preview is in Urdu, right to left; the job carries the language', async () => {
    const bad = await t.call('leadership', 'GET', '/api/v1/reports/briefing/preview?from=2024-01-01&to=2025-06-03&lang=fr');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toMatch(/lang/);
    const badJob = await t.call('leadership', 'POST', '/api/v1/reports/briefing', { from: '2024-01-01', to: '2025-06-03', lang: 'urdu' });
    expect(badJob.statusCode).toBe(400);
    expect(JSON.stringify(badJob.json())).toMatch(/lang/);
    const html = await t.call('leadership', 'GET', '/api/v1/reports/briefing/preview?from=2024-01-01&to=2025-06-03&lang=ur');
    expect(html.statusCode, html.body).toBe(200);
    expect(html.body).toMatch(/<html lang="ur" dir="rtl">/);
    expect(html.body).toContain(ur.headline.firs);
    expect(html.body).toMatch(/data-figure="firs"><b>178<\/b>/);
    const english = await t.call('leadership', 'GET', '/api/v1/reports/briefing/preview?from=2024-01-01&to=2025-06-03');
    expect(english.body).toMatch(/<html lang="en" dir="ltr">/);
    expect(english.body).not.toContain(ur.headline.firs);
  });

  it('the capacity plan\'s PDF in Urdu: its headings and measures from the catalogue, the assumptions in English, shaped', async () => {
    const plan = reportTexts.ur.plan;
    const res = await t.call('leadership', 'GET', '/api/v1/planning/scenarios/file?from=2024-06-04&to=2025-06-03&format=pdf&lang=ur&staffFactor=2');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('capacity-plan-2024-06-04-to-2025-06-03-ur.pdf');
    const text = await pdfText(res.rawPayload);
    for (const label of [plan.title, plan.changesTitle, plan.assumptionsTitle, plan.limitsTitle, plan.m.investigators, plan.m.needed, plan.scenario.baseline]) {
      for (const part of partsOf(label)) expect(text, label).toContain(part);
    }
    expect(text).toContain('staff_x');
    expect(text).toContain('staff factor: x2 [set].');
    expect(text).not.toContain('Capacity planning: scenarios side by side');
    expectShapedUrdu(res.rawPayload);
    const bad = await t.call('leadership', 'GET', '/api/v1/planning/scenarios/file?from=2024-06-04&to=2025-06-03&format=pdf&lang=de');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toMatch(/lang/);
  });
});
