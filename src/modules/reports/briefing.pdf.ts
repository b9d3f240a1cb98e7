import PDFDocument from 'pdfkit';
import { fillText, reportTexts } from '../../platform/text/report-texts.schema.ts';
import type { BriefingData, SimpleTable } from './briefing.data.ts';
import { latinOnly, pdfText } from './pdf-text.ts';

// The briefing as a PDF (pdfkit), in the language of its data: English in Helvetica, Urdu right to left in Noto
// Naskh Arabic with bidi and OpenType shaping (pdf-text.ts). A4, aggregates only. Positions are measured from
// the start edge of the page (left in English, right in Urdu), so one layout serves both.
const GREEN = '#0b5d3b';
const M = 48;

export async function briefingPdf(d: BriefingData): Promise<Buffer> {
  const T = reportTexts[d.lang].briefing;
  const doc = new PDFDocument({ size: 'A4', margin: M, lang: d.lang === 'ur' ? 'ur-PK' : 'en-GB', info: { Title: d.title, Subject: `${d.area}, ${d.from} – ${d.to}`, Creator: 'Amaan' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const w = pdfText(doc, d.lang);
  const width = doc.page.width - 2 * M;
  const full = { x: M, width };
  const h2 = (text: string) => {
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc.moveDown(0.8).fillColor(GREEN);
    w.style('bold', 13).text(text, full);
    doc.fillColor('black').moveDown(0.3);
    w.style('regular', 10);
  };
  const table = (t: SimpleTable) => {
    h2(t.title);
    const first = Math.min(200, width * 0.4);
    const rest = (width - first) / Math.max(1, t.columns.length - 1);
    const row = (cells: string[], bold: boolean) => {
      w.style(bold ? 'bold' : 'regular', 9);
      const box = (i: number) => ({ x: M + (i === 0 ? 0 : first + (i - 1) * rest), width: (i === 0 ? first : rest) - 4 });
      const h = Math.max(...cells.map((c, i) => w.heightOf(c, box(i).width)));
      if (doc.y + h > doc.page.height - 70) doc.addPage();
      const y = doc.y;
      cells.forEach((c, i) => w.text(c, { ...box(i), y, align: i === 0 ? 'start' : 'end' }));
      doc.y = y + h + 2;
      doc.x = M;
    };
    row(t.columns, true);
    for (const r of t.rows) row(r, d.totals.includes(r[0]!));
    if (t.note) {
      doc.moveDown(0.2);
      w.style('italic', 8.5).text(t.note, { ...full, y: doc.y });
    }
  };

  doc.fillColor(GREEN);
  w.style('bold', 18).text(d.title, { ...full, y: M });
  doc.fillColor('black');
  w.style('regular', 10).text(fillText(T.subtitle, { area: d.area, from: d.from, to: d.to, timeZone: d.timeZone, at: d.generatedAt }), full);
  doc.moveDown(0.4);
  w.style('regular', 8.5).text(T.legend, full);

  h2(T.headlineTitle);
  const cardW = width / 3;
  const cardH = d.lang === 'ur' ? 64 : 46;
  d.headline.forEach((h, i) => {
    if (i % 3 === 0 && i > 0) doc.y += cardH;
    if (i % 3 === 0 && doc.y > doc.page.height - 120) doc.addPage();
    const top = doc.y;
    const x = M + (i % 3) * cardW;
    doc.fillColor(GREEN);
    w.style('bold', 18).text(h.value, { x, y: top, width: cardW - 8 });
    doc.fillColor('black');
    w.style('regular', 8.5).text(h.note ? `${h.label} (${h.note})` : h.label, { x, y: top + (d.lang === 'ur' ? 26 : 20), width: cardW - 8 });
    doc.y = top;
  });
  doc.y += cardH + 6;
  doc.x = M;

  const op = d.operation;
  if (op) {
    h2(fillText(T.operationTitle, { district: op.district, day: op.day }));
    w.text(fillText(T.operationLine, { name: op.name, province: op.province, hours: op.durationHours !== null ? fillText(T.operationHours, { hours: op.durationHours }) : '', agencies: op.agencies.join(', ') }), full);
    doc.moveDown(0.3);
    table({ title: T.operationFigures, columns: ['', T.count], rows: op.lines.map(([k, v]) => [k, v]), note: op.note });
  } else {
    h2(T.operationNone);
    w.text(T.operationNoneText, full);
  }
  table(d.trends);
  table(d.areas);
  table(d.sentences);
  table(d.care);
  table(d.timeToCourt);

  h2(T.externalTitle);
  for (const e of d.external) {
    if (doc.y > doc.page.height - 80) doc.addPage();
    const line = `${e.period}  ${e.what}: ${e.value}`;
    const source = `${e.note ? `${e.note}. ` : ''}${fillText(T.sourceOf, { source: e.source })}`;
    w.style('bold', 9).text(line, { ...full, y: doc.y, ...(w.rtl && latinOnly(line) ? { dir: 'ltr' as const } : {}) });
    w.style('regular', 8).text(source, { ...full, ...(w.rtl && latinOnly(source) ? { dir: 'ltr' as const } : {}) });
    doc.moveDown(0.2);
  }
  w.style('italic', 8.5).text(T.externalNote, full);

  h2(T.definitionsTitle);
  w.style('regular', 8.5);
  if (T.definitionsLanguage) w.style('italic', 8.5).text(T.definitionsLanguage, full).style('regular', 8.5);
  for (const f of d.definitions) w.lead(fillText(T.definition, { id: f.id, version: f.version }), f.description, { ...full, y: doc.y });
  doc.moveDown(0.4);
  w.text(fillText(T.catalogueVersion, { version: d.catalogueVersion }), full);
  doc.moveDown(0.2);
  w.style('bold', 8.5).text(fillText(T.anchor, { seq: d.anchor?.seq ?? '—', hash: d.anchor?.hash ?? '—' }), full);
  doc.end();
  return done;
}
