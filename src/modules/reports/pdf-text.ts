import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import bidiFactory from 'bidi-js';
import type { ReportLang } from '../../platform/text/report-texts.schema.ts';

// Text in a report PDF, in English or Urdu, through one small interface so the briefing and the capacity plan
// lay out their pages once for both languages. English is pdfkit as it is (standard Helvetica). Urdu is written
// right to left: the page is mirrored (a box's "start" is its right edge), each line is split into bidi runs
// (Unicode Bidirectional Algorithm, bidi-js) laid out in visual order, and each run in Arabic script is shaped
// by pdfkit's fontkit (OpenType GSUB/GPOS: joining forms, ligatures, marks) in Noto Naskh Arabic (an npm font
// package, @fontsource/noto-naskh-arabic, so every machine has it). Runs in Latin script (names kept as the
// records spell them, hashes) and numbers (Western digits, as the web app shows them in Urdu) are set in
// Helvetica like the English report.

type Doc = PDFKit.PDFDocument;
export type Weight = 'regular' | 'bold' | 'italic';
export interface TextOptions {
  /** Distance of the box from the start edge of the page (left in English, right in Urdu), points. */
  x: number;
  y?: number;
  width: number;
  /** Start (left in English, right in Urdu) or end of the box. */
  align?: 'start' | 'end';
  /** Text in English inside an Urdu report (a definition, a source): laid out left to right from the box's left. */
  dir?: 'ltr';
}

export interface PdfText {
  readonly lang: ReportLang;
  readonly rtl: boolean;
  /** Sets the weight and size for the next text. */
  style(weight: Weight, size: number): PdfText;
  /** Writes text wrapped in a box; doc.y is then below it. */
  text(s: string, o: TextOptions): PdfText;
  /** A bold lead-in followed by regular text in one paragraph (in Urdu: the lead on its own line, the rest left to right if it is English). */
  lead(bold: string, rest: string, o: TextOptions): PdfText;
  /** The height the text would take in a box of this width at the current style. */
  heightOf(s: string, width: number): number;
}

const require = createRequire(import.meta.url);

/**
 * WOFF 1.0 to a plain TrueType font (the tables inflated once, with node's zlib). fontkit reads a WOFF font by
 * inflating a table each time it is read, in JavaScript: an Urdu briefing took tens of seconds that way.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') return woff;
  const n = woff.readUInt16BE(12);
  const tables = Array.from({ length: n }, (_, i) => {
    const at = 44 + i * 20;
    const [offset, compLength, origLength] = [woff.readUInt32BE(at + 4), woff.readUInt32BE(at + 8), woff.readUInt32BE(at + 12)];
    const raw = woff.subarray(offset, offset + compLength);
    return { tag: woff.subarray(at, at + 4), checksum: woff.readUInt32BE(at + 16), data: compLength < origLength ? inflateSync(raw) : raw };
  });
  const log2 = Math.floor(Math.log2(n));
  const head = Buffer.alloc(12 + 16 * n);
  head.writeUInt32BE(woff.readUInt32BE(4), 0);
  head.writeUInt16BE(n, 4);
  head.writeUInt16BE(2 ** log2 * 16, 6);
  head.writeUInt16BE(log2, 8);
  head.writeUInt16BE(n * 16 - 2 ** log2 * 16, 10);
  const parts: Buffer[] = [head];
  let offset = head.length;
  tables.forEach((t, i) => {
    t.tag.copy(head, 12 + i * 16);
    head.writeUInt32BE(t.checksum, 12 + i * 16 + 4);
    head.writeUInt32BE(offset, 12 + i * 16 + 8);
    head.writeUInt32BE(t.data.length, 12 + i * 16 + 12);
    const padded = Buffer.alloc(Math.ceil(t.data.length / 4) * 4);
    t.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

let fontCache: { regular: Buffer; bold: Buffer } | undefined;
/** The Arabic-script faces of Noto Naskh Arabic (regular, bold) from the npm package, read once, as TrueType. */
export function urduFonts(): { regular: Buffer; bold: Buffer } {
  fontCache ??= {
    regular: woffToSfnt(readFileSync(require.resolve('@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff'))),
    bold: woffToSfnt(readFileSync(require.resolve('@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff'))),
  };
  return fontCache;
}

const LATIN: Record<Weight, string> = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };
const URDU: Record<Weight, string> = { regular: 'urdu', bold: 'urdu-bold', italic: 'urdu' };

function englishText(doc: Doc): PdfText {
  let weight: Weight = 'regular';
  let size = 10;
  const set = () => doc.font(LATIN[weight]).fontSize(size);
  const self: PdfText = {
    lang: 'en',
    rtl: false,
    style(w, s) {
      weight = w;
      size = s;
      set();
      return self;
    },
    text(s, o) {
      set();
      doc.text(s, o.x, o.y ?? doc.y, { width: o.width, align: o.align === 'end' ? 'right' : 'left' });
      return self;
    },
    lead(bold, rest, o) {
      doc.font(LATIN.bold).fontSize(size).text(bold, o.x, o.y ?? doc.y, { width: o.width, continued: true }).font(LATIN[weight]).text(rest, { width: o.width });
      return self;
    },
    heightOf(s, width) {
      set();
      return doc.heightOfString(s, { width });
    },
  };
  return self;
}

/** A piece of a line drawn in one font: Arabic-script text in logical order (fontkit shapes and orders it), else as drawn. */
interface Piece { text: string; arabic: boolean }

/** Characters the Arabic faces cover (the npm package's "arabic" subset: no Latin, digits or ASCII punctuation). */
const ARABIC_FONT = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u200C-\u200F]/;
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;

/**
 * One line of an Urdu paragraph as pieces in visual order, left to right. Bidi levels from bidi-js (base
 * direction right to left), mirrored brackets, runs reordered by rule L2; a right-to-left run is cut where its
 * font changes, the pieces put right to left; a piece in Arabic script stays in logical order (fontkit reverses
 * it when it shapes it), any other right-to-left piece (spaces, punctuation) is reversed here.
 */
export function visualPieces(line: string, base: 'rtl' | 'ltr' = 'rtl', bidi = defaultBidi()): Piece[] {
  if (!line) return [];
  const embedding = bidi.getEmbeddingLevels(line, base);
  const chars = line.split('');
  for (const [i, c] of bidi.getMirroredCharactersMap(line, embedding.levels)) chars[i] = c;
  const levels = embedding.levels;
  const runs: Array<{ chars: string[]; level: number }> = [];
  chars.forEach((c, i) => {
    const last = runs.at(-1);
    if (last && last.level === levels[i]) last.chars.push(c);
    else runs.push({ chars: [c], level: levels[i]! });
  });
  // Rule L2: from the highest level down to the lowest odd one, reverse every sequence of runs at that level or above.
  const max = Math.max(...runs.map((r) => r.level));
  const minOdd = Math.min(...runs.map((r) => r.level).filter((l) => l % 2 === 1), max);
  for (let lv = max; lv >= Math.max(1, minOdd); lv--) {
    for (let i = 0; i < runs.length; i++) {
      if (runs[i]!.level < lv) continue;
      let j = i;
      while (j + 1 < runs.length && runs[j + 1]!.level >= lv) j++;
      runs.splice(i, j - i + 1, ...runs.slice(i, j + 1).reverse());
      i = j;
    }
  }
  const out: Piece[] = [];
  for (const r of runs) {
    // Cut by font (an Arabic comma can sit in a left-to-right run, between a name and a date); a space goes with
    // the piece it follows.
    const pieces: Piece[] = [];
    for (const c of r.chars) {
      const arabic = c === ' ' && pieces.length ? pieces.at(-1)!.arabic : ARABIC_FONT.test(c);
      const last = pieces.at(-1);
      if (last && last.arabic === arabic) last.text += c;
      else pieces.push({ text: c, arabic });
    }
    if (r.level % 2 === 0) out.push(...pieces);
    else for (const p of pieces.reverse()) out.push(p.arabic && ARABIC_SCRIPT.test(p.text) ? p : { text: [...p.text].reverse().join(''), arabic: p.arabic });
  }
  return out;
}

let bidiInstance: ReturnType<typeof bidiFactory> | undefined;
const defaultBidi = () => (bidiInstance ??= bidiFactory());

/** What of fontkit's font the text layers below touch. */
interface FontkitGlyph { id: number; codePoints: number[]; advanceWidth: number }
interface FontkitRun { glyphs: FontkitGlyph[]; positions: Array<Record<string, number>>; advanceWidth: number }
interface FontkitFont { layout(...args: unknown[]): FontkitRun; glyphForCodePoint(cp: number): FontkitGlyph; __amaan?: string }

const fontkitOf = (doc: Doc, name: string): FontkitFont => {
  doc.font(name);
  return (doc as unknown as { _font: { font: FontkitFont } })._font.font;
};

/**
 * The shaped glyphs carry no text. Noto Naskh Arabic draws a letter as a body shared by several letters (ب ت ث
 * have one) and its dots as glyphs of their own, so a glyph cannot say which letter it is and a reader copying
 * the text would get wrong letters. Every shaped glyph is given U+2060 WORD JOINER as its text: a format
 * character, which readers such as pdf.js drop and which is transparent to Arabic joining where another reader
 * copies it. The words themselves are written again, unshaped and invisible, in `textLayerFont` (as OCR'd PDFs carry
 * their text). Reaches into pdfkit's embedded font (`_font.font`, the fontkit object); copies, never fontkit's
 * cached glyphs, which its shaping reads.
 */
function shapedWithoutText(doc: Doc, name: string): void {
  const font = fontkitOf(doc, name);
  if (font.__amaan) return;
  const layout = font.layout.bind(font);
  // Shaping is slow and pdfkit lays a piece out several times (to measure, to place, to draw): each text is
  // shaped once; pdfkit gets fresh positions each time, as it scales them in place.
  const shaped = new Map<string, { glyphs: FontkitGlyph[]; positions: Array<Record<string, number>> }>();
  font.layout = (...args: unknown[]) => {
    const key = `${JSON.stringify(args[1] ?? null)}|${String(args[0])}`;
    let run = shaped.get(key);
    if (!run) {
      const r = layout(...args);
      run = { glyphs: r.glyphs.map((g) => Object.create(g, { codePoints: { value: [0x2060] } }) as FontkitGlyph), positions: r.positions.map((p) => ({ ...p })) };
      shaped.set(key, run);
    }
    const positions = run.positions.map((p) => ({ ...p }));
    return { glyphs: run.glyphs, positions, get advanceWidth() { return positions.reduce((t, p) => t + p.xAdvance!, 0); } };
  };
  font.__amaan = 'shaped';
}

/**
 * The same face for the invisible text, as a font of its own (pdfkit would otherwise merge two fonts of one name):
 * one glyph per character from the cmap, no shaping, so each glyph is its letter. A view of the shaped font's
 * fontkit object (pdfkit takes a fontkit font as a source), with its own name and layout.
 */
function textLayerFont(font: FontkitFont & { postscriptName: string }): unknown {
  const layout = (text: unknown) => {
    const glyphs = [...String(text)].map((c) => {
      const cp = c.codePointAt(0)!;
      return Object.create(font.glyphForCodePoint(cp), { codePoints: { value: [cp] } }) as FontkitGlyph;
    });
    const positions = glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
    return { glyphs, positions, get advanceWidth() { return positions.reduce((t, p) => t + p.xAdvance, 0); } };
  };
  return new Proxy(font, {
    get(target, prop) {
      if (prop === 'layout') return layout;
      if (prop === 'postscriptName') return `${target.postscriptName}-Text`;
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

function urduText(doc: Doc): PdfText {
  const fonts = urduFonts();
  doc.registerFont('urdu', fonts.regular);
  doc.registerFont('urdu-bold', fonts.bold);
  shapedWithoutText(doc, 'urdu');
  shapedWithoutText(doc, 'urdu-bold');
  doc.registerFont('urdu-text', textLayerFont(fontkitOf(doc, 'urdu') as FontkitFont & { postscriptName: string }) as Buffer);
  let weight: Weight = 'regular';
  let size = 10;
  const lineHeight = () => size * 1.75;
  const fontOf = (p: Piece) => (p.arabic ? URDU[weight] : LATIN[weight]);
  // `features` makes pdfkit lay a piece out whole (not word by word), so fontkit shapes and orders it as one.
  // Shaping is the slow part (the PDF is made in the server's process): widths are kept per font, size and text.
  const widths = new Map<string, number>();
  const widthOf = (p: Piece) => {
    const font = fontOf(p);
    const key = `${font}|${size}|${p.text}`;
    let w = widths.get(key);
    if (w === undefined) {
      w = doc.font(font).fontSize(size).widthOfString(p.text, { features: [] } as PDFKit.Mixins.TextOptions);
      widths.set(key, w);
    }
    return w;
  };
  // A line's width for wrapping: its words' widths and the spaces between (Arabic letters never join across a space).
  const wordWidth = (word: string, base: 'rtl' | 'ltr') => visualPieces(word, base).reduce((t, p) => t + widthOf(p), 0);
  const lineWidth = (line: string, base: 'rtl' | 'ltr') => {
    const words = line.split(' ');
    return words.reduce((t, w) => t + (w ? wordWidth(w, base) : 0), 0) + (words.length - 1) * widthOf({ text: ' ', arabic: false });
  };

  /** Greedy wrapping by words, in logical order; a word wider than the box stays on its own line. */
  function wrap(s: string, width: number, base: 'rtl' | 'ltr' = 'rtl'): string[] {
    const out: string[] = [];
    for (const para of s.split('\n')) {
      const words = para.trim().split(/ +/);
      const lead = /^ +/.exec(para)?.[0] ?? '';
      let line = '';
      for (const w of words) {
        const next = line ? `${line} ${w}` : `${lead}${w}`;
        if (line && lineWidth(next, base) > width) {
          out.push(line);
          line = w;
        } else line = next;
      }
      out.push(line);
    }
    return out;
  }

  function drawLine(line: string, left: number, width: number, baseline: number, align: 'start' | 'end', base: 'rtl' | 'ltr') {
    const pieces = visualPieces(line.replace(/ +$/, ''), base);
    const pieceWidths = pieces.map(widthOf);
    const total = pieceWidths.reduce((a, b) => a + b, 0);
    let x = (align === 'start') === (base === 'rtl') ? left + width - total : left;
    pieces.forEach((p, i) => {
      const opts = { lineBreak: false, baseline: 'alphabetic', features: [] } as PDFKit.Mixins.TextOptions;
      doc.font(fontOf(p)).fontSize(size).text(p.text, x, baseline, opts);
      if (p.arabic) {
        // The piece's words, invisible, over the shaped glyphs: in visual order (as readers expect a right-to-left
        // run on the page) and spread to the same width.
        const visual = ARABIC_SCRIPT.test(p.text) ? [...p.text].reverse().join('') : p.text;
        const plain = doc.font('urdu-text').fontSize(size).widthOfString(visual, opts);
        // pdfkit's horizontalScaling (Tz, percent) is not in @types/pdfkit.
        const scaled = { ...opts, horizontalScaling: plain > 0 ? (100 * pieceWidths[i]!) / plain : 100 } as PDFKit.Mixins.TextOptions;
        doc.save().fillOpacity(0).text(visual, x, baseline, scaled).restore();
      }
      x += pieceWidths[i]!;
    });
  }

  const self: PdfText = {
    lang: 'ur',
    rtl: true,
    style(w, s) {
      weight = w;
      size = s;
      doc.font(URDU[weight]).fontSize(size);
      return self;
    },
    text(s, o) {
      const left = doc.page.width - o.x - o.width;
      let y = o.y ?? doc.y;
      const bottom = doc.page.height - doc.page.margins.bottom;
      const base = o.dir ?? 'rtl';
      for (const line of wrap(s, o.width, base)) {
        if (y + lineHeight() > bottom) {
          doc.addPage();
          y = doc.page.margins.top;
        }
        drawLine(line, left, o.width, y + size * 1.2, o.align ?? 'start', base);
        y += lineHeight();
      }
      doc.y = y;
      doc.x = doc.page.margins.left;
      return self;
    },
    lead(bold, rest, o) {
      const w = weight;
      self.style('bold', size).text(bold, o);
      return self.style(w, size).text(rest, { ...o, y: doc.y, ...(ARABIC_SCRIPT.test(rest) ? {} : { dir: 'ltr' as const }) });
    },
    heightOf(s, width) {
      return wrap(s, width).length * lineHeight();
    },
  };
  return self;
}

/** English words only (no Arabic script): such a paragraph in an Urdu report is laid out left to right. */
export const latinOnly = (s: string): 'ltr' | undefined => (ARABIC_SCRIPT.test(s) ? undefined : 'ltr');

/** The text writer of a report in this language. */
export function pdfText(doc: Doc, lang: ReportLang): PdfText {
  return lang === 'ur' ? urduText(doc) : englishText(doc);
}
