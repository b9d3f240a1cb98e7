import PDFDocument from 'pdfkit';
import type { Plan, Table } from './planning.service.ts';

// The scenario comparison as a PDF for a funding request (issue 12 §6), made as the briefing is
// (reports/briefing.pdf.ts: pdfkit, standard fonts, English only): the published tables (small counts
// suppressed), every assumption with its basis, the model's limits and the audit chain's head as an anchor.
// A4 landscape, so five scenarios fit side by side.
const GREEN = '#0b5d3b';
const MARGIN = 40;

export interface PlanPdfInput {
  plan: Plan;
  /** The published tables (planTables(plan, true)), quiet offices already left out. */
  tables: Table[];
  timeZone: string;
  generatedAt: Date;
  anchor: { seq: number; hash: string } | null;
  legend: string;
}

const text = (v: string | number | null) => (v === null ? '' : String(v));

export async function planPdf(d: PlanPdfInput): Promise<Buffer> {
  const { plan } = d;
  const w = plan.observations.window;
  const title = 'Capacity planning: scenarios side by side';
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, info: { Title: title, Subject: `${w.from} to ${w.to}`, Creator: 'Amaan' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 20;
  const h2 = (t: string) => {
    if (doc.y > bottom() - 60) doc.addPage();
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor(GREEN).text(t, MARGIN, doc.y, { width }).fillColor('black').font('Helvetica').fontSize(9).moveDown(0.3);
  };
  const table = (t: Table, opts: { first: number; header?: string[]; skip?: (r: Table['rows'][number]) => boolean }) => {
    h2(t.title);
    const rest = (width - opts.first) / Math.max(1, t.columns.length - 1);
    const row = (cells: string[], bold: boolean) => {
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
      const heights = cells.map((c, i) => doc.heightOfString(c, { width: (i === 0 ? opts.first : rest) - 6 }));
      const h = Math.max(...heights);
      if (doc.y + h > bottom()) doc.addPage();
      const y = doc.y;
      cells.forEach((c, i) => {
        const x = MARGIN + (i === 0 ? 0 : opts.first + (i - 1) * rest);
        doc.text(c, x, y, { width: (i === 0 ? opts.first : rest) - 6, align: i === 0 ? 'left' : 'right' });
      });
      doc.y = y + h + 3;
      doc.x = MARGIN;
    };
    row(opts.header ?? t.columns, true);
    for (const r of t.rows) if (!opts.skip?.(r)) row(r.map(text), r[0] === 'total');
  };

  doc.font('Helvetica-Bold').fontSize(18).fillColor(GREEN).text(title).fillColor('black');
  const generated = new Intl.DateTimeFormat('en-CA', { timeZone: d.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d.generatedAt);
  doc.font('Helvetica').fontSize(10).text(`Observed ${w.from} to ${w.to} (days in ${d.timeZone}); computed from the records on ${generated}. Queueing model and assumptions: docs/planning.md.`, { width });
  doc.moveDown(0.4).fontSize(8.5).text(d.legend, { width });

  const byName = (n: string) => d.tables.find((t) => t.name === n)!;
  const comparison = byName('scenarios');
  const titles = comparison.rows.find((r) => r[0] === 'scenario');
  table(comparison, { first: 210, header: ['', ...comparison.columns.slice(1).map((id, j) => `${titles?.[j + 1] ?? id} (${id})`)], skip: (r) => r[0] === 'scenario' || r[0] === 'change' });
  doc.moveDown(0.3).font('Helvetica-Bold').fontSize(9).text('What each scenario changes', MARGIN, doc.y, { width });
  const change = comparison.rows.find((r) => r[0] === 'change');
  doc.font('Helvetica').fontSize(8.5);
  comparison.columns.slice(1).forEach((id, j) => doc.text(`${id}: ${text(change?.[j + 1] ?? '')}`, { width }));

  table(byName('staff_needed'), { first: 210 });

  h2('Assumptions (each with its basis)');
  for (const r of byName('assumptions').rows) {
    if (doc.y > bottom() - 24) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(8.5).text(`${text(r[0])}: ${text(r[1])} [${text(r[2])}]. `, MARGIN, doc.y, { width, continued: true }).font('Helvetica').text(text(r[3]));
    doc.moveDown(0.15);
  }

  h2('Limits of the model');
  doc.fontSize(8.5).text([
    'Poisson arrivals and exponential service are a simplification: intake comes in bursts and investigations vary more, so real waits are longer than the model\'s at the same utilisation; the target utilisation is the margin for that.',
    'Throughput is pooled nationally. The model sees investigation only (FIR to challan or cancellation), not prosecution or court time.',
    'A nearer office may raise reporting; the every-district scenario assumes it does not (the latent-demand scenario is the bound on that).',
  ].join('\n'), { width });
  doc.moveDown(0.4).font('Helvetica-Bold').text(`Audit trail anchor: entry ${d.anchor?.seq ?? '—'}, hash ${d.anchor?.hash ?? '—'}`, { width });
  doc.end();
  return done;
}
