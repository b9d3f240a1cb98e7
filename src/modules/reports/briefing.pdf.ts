import PDFDocument from 'pdfkit';
import type { BriefingData, SimpleTable } from './briefing.data.ts';

// The briefing as a PDF (pdfkit, standard fonts: English; the Urdu edition is the web preview's language
// switch, not this file). A4, aggregates only.
const GREEN = '#0b5d3b';

export async function briefingPdf(d: BriefingData): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: d.title, Subject: `${d.area}, ${d.from} to ${d.to}`, Creator: 'Amaan' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 96;
  const h2 = (text: string) => {
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor(GREEN).text(text).fillColor('black').font('Helvetica').fontSize(10).moveDown(0.3);
  };
  const table = (t: SimpleTable) => {
    h2(t.title);
    const first = Math.min(200, width * 0.4);
    const rest = (width - first) / Math.max(1, t.columns.length - 1);
    const row = (cells: string[], bold: boolean) => {
      if (doc.y > doc.page.height - 70) doc.addPage();
      const y = doc.y;
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
      let h = 0;
      cells.forEach((c, i) => {
        const x = 48 + (i === 0 ? 0 : first + (i - 1) * rest);
        const w = i === 0 ? first : rest;
        doc.text(c, x, y, { width: w - 4, align: i === 0 ? 'left' : 'right' });
        h = Math.max(h, doc.y - y);
      });
      doc.y = y + h + 2;
      doc.x = 48;
    };
    row(t.columns, true);
    for (const r of t.rows) row(r, r[0] === 'Total' || r[0] === 'All');
    if (t.note) doc.moveDown(0.2).font('Helvetica-Oblique').fontSize(8.5).text(t.note, 48, doc.y, { width }).font('Helvetica');
  };

  doc.font('Helvetica-Bold').fontSize(18).fillColor(GREEN).text(d.title).fillColor('black');
  doc.font('Helvetica').fontSize(10).text(`${d.area}   ${d.from} to ${d.to} (days in ${d.timeZone})   computed from the records on ${d.generatedAt}`);
  doc.moveDown(0.4).fontSize(8.5).text('Counts of 1 to 4 are shown as "<5"; "x" marks a count hidden so that a small count cannot be worked out from the totals; "—" is not shown for fewer than 5 records.');

  h2('Headline figures');
  const cardW = width / 3;
  d.headline.forEach((h, i) => {
    if (i % 3 === 0 && i > 0) doc.y += 46;
    if (i % 3 === 0 && doc.y > doc.page.height - 120) doc.addPage();
    const top = doc.y;
    const x = 48 + (i % 3) * cardW;
    doc.font('Helvetica-Bold').fontSize(18).fillColor(GREEN).text(h.value, x, top, { width: cardW - 8 });
    doc.font('Helvetica').fontSize(8.5).fillColor('black').text(h.note ? `${h.label} (${h.note})` : h.label, x, top + 20, { width: cardW - 8 });
    doc.y = top;
  });
  doc.y += 52;
  doc.x = 48;

  const op = d.operation;
  if (op) {
    h2(`Operation of the period: ${op.district}, ${op.day}`);
    doc.text(`${op.name} (${op.province})${op.durationHours !== null ? `, ${op.durationHours} hours` : ''}; with ${op.agencies.join(', ')}.`, { width });
    doc.moveDown(0.3);
    table({ title: 'Operation figures', columns: ['', 'Count'], rows: op.lines.map(([k, v]) => [k, v]), note: op.note });
  } else {
    h2('Operation of the period');
    doc.text('No operation was carried out in this period.');
  }
  table(d.trends);
  table(d.areas);
  table(d.sentences);
  table(d.care);
  table(d.timeToCourt);

  h2("Other counts, beside the agency's");
  for (const e of d.external) {
    if (doc.y > doc.page.height - 80) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(9).text(`${e.period}  ${e.what}: ${e.value}`, 48, doc.y, { width });
    doc.font('Helvetica').fontSize(8).text(`${e.note ? `${e.note}. ` : ''}Source: ${e.source}`, { width });
    doc.moveDown(0.2);
  }
  doc.font('Helvetica-Oblique').fontSize(8.5).text("These are other organisations' counts: the civil-society count includes cases never reported to the agency, so it is not comparable one for one.", { width });

  h2('How these figures were made');
  doc.fontSize(8.5);
  for (const f of d.definitions) doc.font('Helvetica-Bold').text(`${f.id} (version ${f.version}): `, { continued: true, width }).font('Helvetica').text(f.description, { width });
  doc.moveDown(0.4).text(`Offence catalogue version ${d.catalogueVersion}`, { width });
  doc.moveDown(0.2).font('Helvetica-Bold').text(`Audit trail anchor: entry ${d.anchor?.seq ?? '—'}, hash ${d.anchor?.hash ?? '—'}`, { width });
  doc.end();
  return done;
}
