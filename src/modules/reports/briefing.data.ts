import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import type { ServiceContext } from '../../platform/context.ts';
import { invalid } from '../../platform/http/errors.ts';
import { auditHead, computeFigure, currentCatalogue, publishRows, type Catalogue, type FigureRowOut, type PublishedFigureRecord } from '../stats/figures/figures.service.ts';
import { timeLimit } from '../stats/figures/lifecycle-limits.ts';
import { figureById, type FigureParams, type Grouping } from '../stats/figures/registry.ts';
import { publishableExtreme, suppressTable } from '../stats/figures/suppress.ts';
import { fillText, reportTexts, type ReportLang } from '../../platform/text/report-texts.schema.ts';

// What the briefing report says (issue 12, part 5), gathered once for the PDF and the HTML preview. Every
// number comes from the figure registry in its published view (small counts suppressed), except the
// section on the operation of the period (see `operation` below). Aggregates only: no name of a person or
// child, no case id. Its words are in the requested language (src/platform/text/report-texts.schema.ts); the
// names of places and agencies, the figures' definitions and the external sources stay as the records have them.

export interface BriefingOptions {
  from: string;
  to: string;
  province?: string | null;
  /** The language of the words (default English). */
  lang?: ReportLang;
}

export interface Headline { id: string; label: string; value: string; note?: string }
export interface SimpleTable { title: string; columns: string[]; rows: string[][]; note?: string }
export interface ExternalFigure { period: string; what: string; value: string; source: string; note: string }

export interface BriefingData {
  lang: ReportLang;
  title: string;
  area: string;
  from: string;
  to: string;
  timeZone: string;
  generatedAt: string;
  headline: Headline[];
  operation: null | { name: string; district: string; province: string; day: string; durationHours: number | null; agencies: string[]; lines: Array<[string, string]>; note: string };
  /** The labels of rows printed as totals (bold). */
  totals: string[];
  trends: SimpleTable;
  areas: SimpleTable;
  sentences: SimpleTable;
  care: SimpleTable;
  timeToCourt: SimpleTable;
  external: ExternalFigure[];
  anchor: { seq: number; hash: string } | null;
  catalogueVersion: string;
  definitions: Array<{ id: string; version: number; description: string }>;
  /** What the briefing published, for published_figures. */
  records: PublishedFigureRecord[];
  catalogue: Catalogue;
}

const seedDir = fileURLToPath(new URL('../../../seed/', import.meta.url));
const readCsv = (name: string) => parse(readFileSync(seedDir + name), { columns: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;

/** External figures shown beside the agency's, with their sources (seed/cruel-numbers-2024.csv, seed/ncmec-cybertipline-pakistan.csv). */
export function externalFigures(): ExternalFigure[] {
  const out: ExternalFigure[] = [];
  for (const r of readCsv('cruel-numbers-2024.csv')) {
    if (r.period !== '2024' || !r.count || !['total', 'crime_category'].includes(r.dimension!)) continue;
    out.push({ period: r.period, what: `Sahil "Cruel Numbers": ${r.value}`, value: Number(r.count).toLocaleString('en-US'), source: r.source!, note: r.dimension === 'total' ? 'civil-society count from newspaper reports, including cases never reported to the agency' : (r.note ?? '') });
  }
  for (const r of readCsv('ncmec-cybertipline-pakistan.csv')) {
    out.push({ period: r.year!, what: `NCMEC: ${r.metric}`, value: Number(r.value).toLocaleString('en-US'), source: r.source!, note: r.share_of_global ? `share of global: ${r.share_of_global}` : (r.note ?? '').slice(0, 120) });
  }
  return out;
}

const years = (months: number | null) => (months === null ? null : Math.round((months / 12) * 10) / 10);
const monthsOf = (from: string, to: string) => {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [ty, tm] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
};

export async function gatherBriefing(ctx: ServiceContext, opts: BriefingOptions, progress: (step: string) => void = () => undefined): Promise<BriefingData> {
  if (opts.from > opts.to) throw invalid('to', 'must not be before from');
  const province = opts.province ?? null;
  const lang = opts.lang ?? 'en';
  const T = reportTexts[lang].briefing;
  const parts = reportTexts[lang].parts;
  if (province !== null && !(await ctx.db.selectFrom('districts').select('id').where('province', '=', province).limit(1).executeTakeFirst())) throw invalid('province', 'unknown province');
  const catalogue = await currentCatalogue(ctx.db);
  const base: FigureParams = { from: opts.from, to: opts.to, timeZone: ctx.config.timeZone, province, districtId: null, branchId: null, category: null, offences: 'child_exploitation', groupBy: 'none', catalogue };
  const records: PublishedFigureRecord[] = [];
  const area = { province };
  // The figures are independent reads: they run concurrently (as many at once as the pool gives connections;
  // one after another on PGlite), and are recorded in the order the report lists them.
  const published = async (id: string, groupBy: Grouping = 'none'): Promise<PublishedFigureRecord> => {
    const def = figureById(id)!;
    return { def, grouping: groupBy, area, rows: publishRows(def, await computeFigure(ctx.db, def, { ...base, groupBy }), groupBy) };
  };
  const exactOf = (id: string, groupBy: Grouping) => computeFigure(ctx.db, figureById(id)!, { ...base, groupBy });
  const level: Grouping = province ? 'district' : 'province';
  const headlineIds = ['firs', 'arrests', 'convictions', 'acquittals', 'sentences', 'children_identified', 'children_rescued', 'children_in_care', 'operations', 'complaints'] as const;
  const [headlineRecords, operation, monthly, grouped, durations] = await Promise.all([
    Promise.all(headlineIds.map((id) => published(id))),
    operationOfPeriod(ctx, base, T),
    Promise.all([exactOf('firs', 'month'), exactOf('arrests', 'month')]),
    Promise.all([exactOf('firs', level), exactOf('arrests', level), exactOf('convictions', level)]),
    Promise.all([published('fir_to_challan'), published('fir_to_verdict')]),
  ]);
  records.push(...headlineRecords);
  const figure = (id: (typeof headlineIds)[number]): FigureRowOut[] => headlineRecords[headlineIds.indexOf(id)]!.rows;
  const single = (rows: FigureRowOut[], part: string | null = null, measure = 'n') => rows.find((r) => r.part === part && r.group === null) ?? rows.find((r) => r.part === part) ?? { values: { [measure]: 0 }, display: { [measure]: '0' } };
  const shown = (rows: FigureRowOut[], part: string | null = null, measure = 'n') => single(rows, part, measure).display?.[measure] ?? '0';

  progress('headline figures');
  const firs = figure('firs');
  const arrests = figure('arrests');
  const convictions = figure('convictions');
  const acquittals = figure('acquittals');
  const sentences = figure('sentences');
  const identified = figure('children_identified');
  const rescued = figure('children_rescued');
  const care = figure('children_in_care');
  const operations = figure('operations');
  const complaints = figure('complaints');
  const all = single(sentences, 'all');
  const n = Number(all.values.n ?? 0);
  const min = years(publishableExtreme(all.values.min_months ?? null, n));
  const max = years(publishableExtreme(all.values.max_months ?? null, n));
  const headline: Headline[] = [
    { id: 'firs', label: T.headline.firs, value: shown(firs) },
    { id: 'arrests', label: T.headline.arrests, value: shown(arrests) },
    { id: 'convictions', label: T.headline.convictions, value: shown(convictions), note: min !== null && max !== null ? fillText(T.sentenceRange, { min, max }) : T.sentenceRangeHidden },
    { id: 'acquittals', label: T.headline.acquittals, value: shown(acquittals) },
    { id: 'children_identified', label: T.headline.children_identified, value: shown(identified) },
    { id: 'children_rescued', label: T.headline.children_rescued, value: shown(rescued) },
    { id: 'children_in_care', label: fillText(T.headline.children_in_care, { day: opts.to }), value: shown(care, 'all') },
    { id: 'operations', label: T.headline.operations, value: shown(operations) },
    { id: 'complaints', label: T.headline.complaints, value: shown(complaints) },
  ];

  progress('the operation of the period');

  progress('trends');
  const months = monthsOf(opts.from, opts.to);
  const [mf, ma] = monthly.map((exact) => new Map(exact.map((r) => [r.group, Number(r.values.n ?? 0)]))) as [Map<string | null, number>, Map<string | null, number>];
  // One table of months x (FIRs, arrests): each column a list with its total, suppressed on its own.
  const colF = suppressTable({ cells: months.map((m) => [mf.get(m) ?? 0]), rowTotals: false });
  const colA = suppressTable({ cells: months.map((m) => [ma.get(m) ?? 0]), rowTotals: false });
  const trends: SimpleTable = {
    title: T.trendsTitle,
    columns: [T.month, T.firs, T.arrests],
    rows: [...months.map((m, i) => [m, colF.display[i]![0]!, colA.display[i]![0]!]), [T.total, colF.display[months.length]![0]!, colA.display[months.length]![0]!]],
  };
  records.push({ def: figureById('firs')!, grouping: 'month', area, rows: months.map((m, i) => ({ group: m, part: null, values: { n: colF.state[i]![0] === 'shown' ? colF.values[i]![0]! : null }, display: { n: colF.display[i]![0]! } })) });
  records.push({ def: figureById('arrests')!, grouping: 'month', area, rows: months.map((m, i) => ({ group: m, part: null, values: { n: colA.state[i]![0] === 'shown' ? colA.values[i]![0]! : null }, display: { n: colA.display[i]![0]! } })) });

  progress(province ? 'districts' : 'provinces');
  const [gf, ga, gc] = grouped.map((exact) => new Map(exact.map((r) => [r.group!, Number(r.values.n ?? 0)]))) as [Map<string, number>, Map<string, number>, Map<string, number>];
  const names = [...new Set([...gf.keys(), ...ga.keys(), ...gc.keys()])].sort();
  const cols = [gf, ga, gc].map((g) => suppressTable({ cells: names.map((k) => [g.get(k) ?? 0]), rowTotals: false }));
  const areas: SimpleTable = {
    title: province ? fillText(T.byDistrictOf, { province }) : T.byProvince,
    columns: [province ? T.district : T.province, T.firs, T.arrests, T.convicted],
    rows: [...names.map((k, i) => [k, ...cols.map((c) => c.display[i]![0]!)]), [T.total, ...cols.map((c) => c.display[names.length]![0]!)]],
    note: T.areasNote,
  };

  progress('sentences and care');
  const bands = figureById('sentences')!.parts!.filter((p) => p !== 'all');
  const sentenceTable: SimpleTable = {
    title: T.sentencesTitle,
    columns: [T.band, T.persons],
    rows: [...bands.map((b) => [(parts as Record<string, string>)[b] ?? b, single(sentences, b).display?.n ?? '0']), [T.all, all.display?.n ?? '0']],
    note: min !== null && max !== null ? fillText(T.sentencesNote, { min, median: years(all.values.median_months ?? null) ?? '—', max }) : T.sentencesNoteHidden,
  };
  const careTable: SimpleTable = {
    title: fillText(T.careTitle, { day: opts.to }),
    columns: [T.placement, T.children],
    rows: [[parts.child_protection_bureau, shown(care, 'child_protection_bureau')], [parts.family, shown(care, 'family')], [parts.shelter, shown(care, 'shelter')], [T.all, shown(care, 'all')]],
  };
  records.push(...durations);
  const challan = single(durations[0].rows);
  const verdict = single(durations[1].rows);
  const [lc, lv] = [timeLimit('fir_to_challan'), timeLimit('fir_to_verdict')];
  const timeToCourt: SimpleTable = {
    title: T.timeToCourt,
    columns: [T.step, T.cases, T.medianDays, T.p90, T.withinLimit, T.limit],
    rows: [
      [T.firToChallan, challan.display?.n ?? '0', challan.display?.median_days ?? '—', challan.display?.p90_days ?? '—', challan.display?.within_limit ?? '—', fillText(T.limitDays, { days: lc.days, basis: lc.legalBasis.split(';')[0]! })],
      [T.firToVerdict, verdict.display?.n ?? '0', verdict.display?.median_days ?? '—', verdict.display?.p90_days ?? '—', verdict.display?.within_limit ?? '—', fillText(T.limitDays, { days: lv.days, basis: T.njpmcTarget })],
    ],
  };

  progress('external figures and the audit anchor');
  const anchor = await auditHead(ctx.db);
  return {
    lang,
    title: T.title,
    area: province ?? T.national,
    from: opts.from,
    to: opts.to,
    timeZone: ctx.config.timeZone,
    generatedAt: new Date().toISOString(),
    headline,
    operation,
    totals: [T.total, T.all],
    trends,
    areas,
    sentences: sentenceTable,
    care: careTable,
    timeToCourt,
    external: externalFigures(),
    anchor,
    catalogueVersion: catalogue.version,
    definitions: [...new Map(records.map((r) => [r.def.id, { id: r.def.id, version: r.def.version, description: r.def.description }])).values()],
    records,
    catalogue,
  };
}

/**
 * The operation of the period: the executed operation in the period and area with the most arrests and
 * rescues. Its figures are those the agency announces after a raid (one named operation, already public),
 * so they are printed as they are, not suppressed; nothing that identifies a person or child is printed.
 */
async function operationOfPeriod(ctx: ServiceContext, p: FigureParams, T: (typeof reportTexts)['en']['briefing']): Promise<BriefingData['operation']> {
  const { rows } = await sql<{
    id: string; name: string; district: string; province: string; executed_at: Date; duration_minutes: number | null; agencies: string[]; case_id: string;
    arrests: number; rescued: number; cpb: number; family: number; shelter: number; identified: number; at_large: number;
  }>`
    SELECT * FROM (SELECT o.id, o.name, d.name AS district, d.province, o.executed_at, o.duration_minutes, o.agencies, o.case_id,
      (SELECT count(*) FROM arrests a WHERE a.operation_id = o.id) AS arrests,
      (SELECT count(*) FROM rescues r WHERE r.operation_id = o.id) AS rescued,
      (SELECT count(DISTINCT r.victim_id) FROM rescues r JOIN placements pl ON pl.victim_id = r.victim_id AND pl.kind = 'child_protection_bureau' WHERE r.operation_id = o.id) AS cpb,
      (SELECT count(DISTINCT r.victim_id) FROM rescues r JOIN placements pl ON pl.victim_id = r.victim_id AND pl.kind = 'family' WHERE r.operation_id = o.id) AS family,
      (SELECT count(DISTINCT r.victim_id) FROM rescues r JOIN placements pl ON pl.victim_id = r.victim_id AND pl.kind = 'shelter' WHERE r.operation_id = o.id) AS shelter,
      (SELECT count(*) FROM case_victims cv WHERE cv.case_id = o.case_id) AS identified,
      (SELECT count(*) FROM case_persons cp WHERE cp.case_id = o.case_id AND cp.role IN ('suspect', 'ringleader', 'facilitator') AND cp.accused_status IN ('at_large', 'proclaimed_offender')) AS at_large
    FROM operations o JOIN cases c ON c.id = o.case_id JOIN districts d ON d.id = c.district_id
    WHERE o.status = 'executed' AND o.executed_at >= (${p.from}::date::timestamp AT TIME ZONE ${p.timeZone})
      AND o.executed_at < (((${p.to}::date + 1)::timestamp) AT TIME ZONE ${p.timeZone})
      AND ${p.province === null ? sql`true` : sql`d.province = ${p.province}`}
      AND EXISTS (SELECT 1 FROM case_offences co WHERE co.case_id = c.id AND co.offence_code IN (SELECT jsonb_array_elements_text(${JSON.stringify(p.catalogue.childExploitationCodes)}::jsonb)))
    ) x ORDER BY x.arrests + x.rescued DESC, x.executed_at DESC LIMIT 1`.execute(ctx.db);
  const o = rows[0];
  if (!o) return null;
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: p.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(o.executed_at);
  const num = (v: unknown) => String(Number(v));
  return {
    name: o.name, district: o.district, province: o.province, day,
    durationHours: o.duration_minutes === null ? null : Math.round((o.duration_minutes / 60) * 10) / 10,
    agencies: o.agencies,
    lines: [
      [T.operation.arrests, num(o.arrests)],
      [T.operation.rescued, num(o.rescued)],
      [T.operation.cpb, num(o.cpb)],
      [T.operation.family, num(o.family)],
      ...(Number(o.shelter) ? [[T.operation.shelter, num(o.shelter)] as [string, string]] : []),
      [T.operation.identified, num(o.identified)],
      [T.operation.atLarge, num(o.at_large)],
    ],
    note: T.operationNote,
  };
}

