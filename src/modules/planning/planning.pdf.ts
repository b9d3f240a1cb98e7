import PDFDocument from 'pdfkit';
import { fillText, reportTexts, type ReportLang } from '../../platform/text/report-texts.schema.ts';
import { latinOnly, pdfText } from '../reports/pdf-text.ts';
import type { Plan, Table } from './planning.service.ts';

// The scenario comparison as a PDF for a funding request (issue 12 §6), made as the briefing is
// (reports/briefing.pdf.ts, reports/pdf-text.ts): in English, or in Urdu right to left with shaped Arabic script.
// The published tables (small counts suppressed), every assumption with its basis (as `amaan plan` prints them:
// English, in both), the model's limits and the audit chain's head as an anchor. A4 landscape, so five
// scenarios fit side by side.
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
  lang?: ReportLang;
}

const text = (v: string | number | null) => (v === null ? '' : String(v));

/** The comparison table's row labels (planTables, English) -> the catalogue's measure. */
const measureOf: Array<[RegExp, keyof (typeof reportTexts)['en']['plan']['m']]> = [
  [/^offices$/, 'offices'], [/^intake per month$/, 'intake'], [/^investigators$/, 'investigators'], [/^capacity per month$/, 'capacity'],
  [/^utilisation$/, 'utilisation'], [/^offices overloaded$/, 'overloaded'], [/^wait before investigation/, 'wait'], [/^open cases per investigator$/, 'caseload'],
  [/^days FIR to challan/, 'daysToChallan'], [/^months to clear the backlog/, 'clear'], [/^investigators needed for the targets$/, 'needed'],
  [/^staff cost a year, investigator-years$/, 'costYears'], [/^staff cost a year, PKR$/, 'costPkr'], [/^cost of the staff needed, PKR$/, 'costNeededPkr'],
];

export async function planPdf(d: PlanPdfInput): Promise<Buffer> {
  const { plan } = d;
  const lang = d.lang ?? 'en';
  const T = reportTexts[lang].plan;
  const ur = lang === 'ur';
  const w0 = plan.observations.window;
  const title = T.title;
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, lang: ur ? 'ur-PK' : 'en-GB', info: { Title: title, Subject: `${w0.from} – ${w0.to}`, Creator: 'Amaan' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const w = pdfText(doc, lang);
  const width = doc.page.width - 2 * MARGIN;
  const full = { x: MARGIN, width };
  const bottom = () => doc.page.height - MARGIN - 20;
  const english = (s: string) => (ur && latinOnly(s) ? { dir: 'ltr' as const } : {});
  // Urdu: the words of a cell from the catalogue where it has them; figures and names as they are.
  const cell = (v: string | number | null) => {
    const s = text(v);
    if (!ur) return s;
    if (s === 'total') return T.total;
    if (s === 'no staff') return T.noStaff;
    if (s === 'never') return T.never;
    if (s === 'grows') return T.grows;
    return s;
  };
  const rowLabel = (s: string) => {
    if (!ur) return s;
    const hit = measureOf.find(([re]) => re.test(s));
    return hit ? fillText(T.m[hit[1]], { limit: plan.observations.challanLimitDays }) : cell(s);
  };
  const scenarioTitle = (id: string, given: string) => {
    if (!ur) return given;
    const t = (T.scenario as Record<string, string>)[id];
    // "Staff x2": the factor goes into the Urdu title in place of k.
    return t ? t.replace('k', /x([\d.]+)$/.exec(given)?.[1] ?? 'k') : given;
  };
  const tableTitle = (t: Table, own: string) => {
    if (!ur) return t.title;
    const left = /\((\d+) offices with no staff/.exec(t.title)?.[1];
    return own + (t.title.includes('a branch in every district') ? T.staffTitleDistricts : '') + (left ? fillText(T.quietLeft, { n: left }) : '');
  };
  const h2 = (t: string) => {
    if (doc.y > bottom() - 60) doc.addPage();
    doc.moveDown(0.8).fillColor(GREEN);
    w.style('bold', 13).text(t, { ...full, y: doc.y });
    doc.fillColor('black').moveDown(0.3);
    w.style('regular', 9);
  };
  const table = (t: Table, heading: string, opts: { first: number; header?: string[]; skip?: (r: Table['rows'][number]) => boolean }) => {
    h2(heading);
    const rest = (width - opts.first) / Math.max(1, t.columns.length - 1);
    const row = (cells: string[], bold: boolean) => {
      w.style(bold ? 'bold' : 'regular', 8.5);
      const box = (i: number) => ({ x: MARGIN + (i === 0 ? 0 : opts.first + (i - 1) * rest), width: (i === 0 ? opts.first : rest) - 6 });
      const h = Math.max(...cells.map((c, i) => w.heightOf(c, box(i).width)));
      if (doc.y + h > bottom()) doc.addPage();
      const y = doc.y;
      cells.forEach((c, i) => w.text(c, { ...box(i), y, align: i === 0 ? 'start' : 'end' }));
      doc.y = y + h + 3;
      doc.x = MARGIN;
    };
    row(opts.header ?? t.columns, true);
    for (const r of t.rows) if (!opts.skip?.(r)) row([rowLabel(text(r[0] ?? null)), ...r.slice(1).map(cell)], r[0] === 'total');
  };

  doc.fillColor(GREEN);
  w.style('bold', 18).text(title, { ...full, y: MARGIN });
  doc.fillColor('black');
  const generated = new Intl.DateTimeFormat('en-CA', { timeZone: d.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d.generatedAt);
  w.style('regular', 10).text(fillText(T.observed, { from: w0.from, to: w0.to, timeZone: d.timeZone, at: generated }), full);
  doc.moveDown(0.4);
  w.style('regular', 8.5).text(ur ? T.legend : d.legend, full);

  const byName = (n: string) => d.tables.find((t) => t.name === n)!;
  const comparison = byName('scenarios');
  const titles = comparison.rows.find((r) => r[0] === 'scenario');
  table(comparison, ur ? T.comparisonTitle : comparison.title, {
    first: 210,
    header: ['', ...comparison.columns.slice(1).map((id, j) => `${scenarioTitle(id, text(titles?.[j + 1] ?? id))} (${id})`)],
    skip: (r) => r[0] === 'scenario' || r[0] === 'change',
  });
  doc.moveDown(0.3);
  w.style('bold', 9).text(T.changesTitle, { ...full, y: doc.y });
  const change = comparison.rows.find((r) => r[0] === 'change');
  w.style('regular', 8.5);
  comparison.columns.slice(1).forEach((id, j) => {
    const line = `${id}: ${text(change?.[j + 1] ?? '')}`;
    w.text(line, { ...full, ...english(line) });
  });

  const staff = byName('staff_needed');
  table(staff, tableTitle(staff, T.staffTitle), { first: 210, ...(ur ? { header: [T.office, T.now, ...staff.columns.slice(2).map((c) => fillText(T.neededUnder, { scenario: c.replace(/^needed_/, '') }))] } : {}) });

  h2(T.assumptionsTitle);
  if (T.assumptionsLanguage) w.style('italic', 8.5).text(T.assumptionsLanguage, full);
  for (const r of byName('assumptions').rows) {
    if (doc.y > bottom() - 24) doc.addPage();
    w.style('regular', 8.5).lead(`${text(r[0])}: ${text(r[1])} [${text(r[2])}]. `, text(r[3]), { ...full, y: doc.y, ...english(text(r[0])) });
    doc.moveDown(0.15);
  }

  h2(T.limitsTitle);
  w.style('regular', 8.5).text(T.limits.join('\n'), full);
  doc.moveDown(0.4);
  w.style('bold', 8.5).text(fillText(T.anchor, { seq: d.anchor?.seq ?? '—', hash: d.anchor?.hash ?? '—' }), full);
  doc.end();
  return done;
}
