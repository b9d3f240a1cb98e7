import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { ServiceContext } from '../../../platform/context.ts';
import { inTransaction, readerOf } from '../../../platform/context.ts';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../../platform/http/errors.ts';
import { figureAccess, mayDrillDown } from './figures.rules.ts';
import { caseVisibleTo } from '../../../platform/access/case-scope.ts';
import { userIdOf } from '../../../platform/access/actor.ts';
import type { FigureAnswer, FigureQuery } from './figures.schema.ts';
import { timeLimit } from './lifecycle-limits.ts';
import { figureById, figures, type FigureDefinition, type FigureParams, type Grouping } from './registry.ts';
import { suppressTable } from './suppress.ts';
import { offersDrillDown } from '../dashboard/drill.records.ts';
import { rollupQuery } from './rollup.ts';

// Computes the registry's figures (registry.ts) for the API, the briefing and the exports; gives the
// published (suppressed) view of a figure; records what a report published (published_reports,
// published_figures) against the offence catalogue version it read.

export interface Catalogue {
  version: string;
  childExploitationCodes: string[];
  categories: Record<string, string>;
}

/** The offence catalogue as it stands, and its content version (sha256 of the sorted code/category/flag rows). */
export async function currentCatalogue(db: Db | Tx): Promise<Catalogue> {
  const rows = await db.selectFrom('offences').select(['code', 'category', 'child_exploitation']).orderBy('code').execute();
  const version = createHash('sha256').update(rows.map((r) => `${r.code}\t${r.category}\t${r.child_exploitation ? 1 : 0}`).join('\n')).digest('hex');
  return { version, childExploitationCodes: rows.filter((r) => r.child_exploitation).map((r) => r.code), categories: Object.fromEntries(rows.map((r) => [r.code, r.category])) };
}

/** A catalogue version stored when something was published with it. */
export async function storedCatalogue(db: Db | Tx, version: string): Promise<Catalogue | null> {
  const row = await db.selectFrom('offence_catalogue_versions').selectAll().where('version', '=', version).executeTakeFirst();
  if (!row) return null;
  const parse = <T,>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
  return { version, childExploitationCodes: parse<string[]>(row.child_exploitation_codes), categories: parse<Record<string, string>>(row.categories) };
}

export interface FigureRowOut {
  group: string | null;
  part: string | null;
  values: Record<string, number | null>;
  display?: Record<string, string>;
}

/**
 * Runs one figure: rows of group, part and the figure's measures (numbers). From the flow figures' rollup
 * where it answers exactly the same (rollup.ts decides), else the registry's SQL; `exact`: the registry's SQL.
 */
/**
 * Settings of the statement a figure runs in: JIT off (the statements carry fallback branches a one-time filter
 * cuts, but their estimated cost still made PostgreSQL compile them: 40-500 ms of JIT on queries that run in tens
 * of milliseconds at a million cases) and room to sort the open cases of a stock figure in memory rather than on
 * disk. SET LOCAL: in the figure's own transaction, or for the rest of the caller's.
 */
const FIGURE_SETTINGS = sql`SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`;

export async function computeFigure(db: Db | Tx, def: FigureDefinition, p: FigureParams, source: 'auto' | 'exact' = 'auto'): Promise<FigureRowOut[]> {
  const run = async (q: Db | Tx) => {
    await FIGURE_SETTINGS.execute(q);
    const rollup = source === 'auto' ? await rollupQuery(q, def, p) : null;
    return (rollup ?? def.build(p)).execute(q);
  };
  const { rows } = db.isTransaction ? await run(db) : await (db as Db).transaction().execute(run);
  return rows.map((r) => ({
    group: (r.grp as string | null) ?? null,
    part: (r.part as string | null) ?? null,
    values: Object.fromEntries(def.measures.map((m) => [m, r[m] === null || r[m] === undefined ? null : Number(r[m])])),
  }));
}

export const TOTAL = 'total';

/**
 * The published view of a figure's rows: counts of 1..4 as "<5" with complementary suppression over the
 * table of groups x parts and its totals (a grouping whose groups overlap, offence category, publishes no
 * total); other measures (medians, shortest and longest, durations) only for rows of 5 or more.
 *
 * A figure whose parts are open (no declared `parts`, yet rows carry one: cases by status, a column per
 * status found) publishes those parts and each group's total as part null, the whole as the exact view and
 * the map read it; its cells are suppressed like any other, never read as absent (0).
 */
export function publishRows(def: FigureDefinition, rows: FigureRowOut[], groupBy: Grouping, threshold = 5): FigureRowOut[] {
  const openParts = !def.parts && rows.some((r) => r.part !== null);
  const parts: Array<string | null> = def.parts
    ? def.parts.filter((p) => p !== 'all')
    : openParts ? [...new Set(rows.map((r) => r.part).filter((p): p is string => p !== null))].sort() : [null];
  const groups = [...new Set(rows.map((r) => r.group))];
  if (!groups.length) groups.push(null);
  const find = (g: string | null, p: string | null) => rows.find((r) => r.group === g && r.part === p);
  const cells = groups.map((g) => parts.map((p) => find(g, p)?.values[def.count] ?? 0));
  const columnTotals = groups.length > 1 && groupBy !== 'category';
  const rowTotals = parts.length > 1 || openParts;
  const t = suppressTable({ cells, rowTotals, columnTotals, threshold });
  const out: FigureRowOut[] = [];
  const rowLabels = [...groups, ...(columnTotals ? [TOTAL] : [])];
  const colLabels: Array<string | null> = [...parts, ...(rowTotals ? [openParts ? null : 'all'] : [])];
  rowLabels.forEach((g, i) => {
    colLabels.forEach((p, j) => {
      const n = t.values[i]![j]!;
      const shown = t.state[i]![j] === 'shown';
      // Other measures come from the query's own row where there is one (the group's "all" part, say).
      const source = g === TOTAL ? undefined : find(g, p);
      const values: Record<string, number | null> = {};
      const display: Record<string, string> = {};
      for (const m of def.measures) {
        if (m === def.count) {
          values[m] = shown ? n : null;
          display[m] = t.display[i]![j]!;
        } else {
          const v = source?.values[m] ?? null;
          const ok = shown && n >= threshold && v !== null;
          values[m] = ok ? v : null;
          display[m] = ok ? String(v) : '—';
        }
      }
      out.push({ group: g, part: p, values, display });
    });
  });
  return out;
}

export interface ResolvedScope {
  params: FigureParams;
  restrictedToBranch: boolean;
  published: boolean;
  /** Figures over the cases the reader may see only (investigators, prosecutors on dashboards). */
  casesOnly: boolean;
}

/** Checks the query against the actor's view (supervisor: own branch) and the reference data. */
export async function resolveFigureScope(ctx: ServiceContext, q: FigureQuery, catalogue: Catalogue): Promise<ResolvedScope> {
  const access = figureAccess(ctx.actor);
  if (access.refused) throw new AppError('forbidden', 'a supervisor without a branch has no statistics to see');
  let branchId = q.branchId ?? null;
  if (access.branchOnly !== null) {
    if (branchId !== null && branchId !== access.branchOnly) throw new AppError('forbidden', 'a supervisor sees only the figures of their own branch', [{ field: 'branchId', message: 'not your branch' }]);
    branchId = access.branchOnly;
  }
  if (q.from && q.to && q.from > q.to) throw invalid('to', 'must not be before from');
  if (branchId !== null && !(await ctx.db.selectFrom('branches').select('id').where('id', '=', branchId).executeTakeFirst())) throw invalid('branchId', 'unknown branch');
  if (q.districtId !== undefined && !(await ctx.db.selectFrom('districts').select('id').where('id', '=', q.districtId).executeTakeFirst())) throw invalid('districtId', 'unknown district');
  if (q.province !== undefined && !(await ctx.db.selectFrom('districts').select('id').where('province', '=', q.province).limit(1).executeTakeFirst())) throw invalid('province', 'unknown province');
  if (q.category !== undefined && !Object.values(catalogue.categories).includes(q.category)) throw invalid('category', 'not a category of the offence catalogue');
  return {
    params: {
      from: q.from ?? null, to: q.to ?? null, timeZone: ctx.config.timeZone, province: q.province ?? null, districtId: q.districtId ?? null,
      branchId, category: q.category ?? null, offences: q.offences, groupBy: q.groupBy, catalogue,
      // Need-to-know as the case lists apply it (case-scope.ts), so a count equals the list behind it.
      visibleCases: access.casesOnly ? sql`c.id IN (${ctx.db.selectFrom('cases').select('cases.id').where(caseVisibleTo(ctx.actor))})` : null,
    },
    restrictedToBranch: access.branchOnly !== null,
    published: access.publishedOnly || q.published === true,
    casesOnly: access.casesOnly,
  };
}

export function describeFigure(def: FigureDefinition): FigureAnswer['figure'] {
  const limit = def.limit ? timeLimit(def.limit) : null;
  return {
    id: def.id, version: def.version, title: def.title, description: def.description, unit: def.unit, kind: def.kind,
    measures: [...def.measures], count: def.count, parts: def.parts ? [...def.parts] : null,
    limit: limit ? { days: limit.days, rule: limit.rule, legalBasis: limit.legalBasis, source: limit.source } : null,
  };
}

export function listFigures() {
  return figures.map(describeFigure);
}

export async function figureAnswer(ctx: ServiceContext, id: string, q: FigureQuery): Promise<FigureAnswer> {
  const def = figureById(id);
  if (!def) throw notFound('figure');
  const catalogue = await currentCatalogue(ctx.db);
  const s = await resolveFigureScope(ctx, q, catalogue);
  const exact = await computeFigure(readerOf(ctx), def, s.params);
  const rows = s.published ? publishRows(def, exact, s.params.groupBy) : exact;
  const p = s.params;
  return {
    figure: describeFigure(def),
    scope: { from: p.from, to: p.to, timeZone: p.timeZone, province: p.province, districtId: p.districtId, branchId: p.branchId, category: p.category, offences: p.offences, groupBy: p.groupBy, restrictedToBranch: s.restrictedToBranch, casesOnly: s.casesOnly },
    catalogueVersion: catalogue.version,
    published: s.published,
    drillDown: offersDrillDown(def) && mayDrillDown(ctx.actor, s.published),
    rows,
    generatedAt: new Date().toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------------------
// What a report published

export interface PublishedFigureRecord {
  def: FigureDefinition;
  grouping: string;
  area: Record<string, unknown>;
  rows: FigureRowOut[];
}

export interface Publication {
  kind: 'briefing' | 'export';
  params: Record<string, unknown>;
  from: string | null;
  to: string | null;
  catalogue: Catalogue;
  figures: PublishedFigureRecord[];
  outputSha256: string | null;
}

/** The audit chain's head (sequence number and hash) as it stands. */
export async function auditHead(db: Db | Tx): Promise<{ seq: number; hash: string } | null> {
  const row = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row ? { seq: Number(row.seq), hash: row.hash } : null;
}

/**
 * Records a publication and its audit entry in one transaction. The report prints `anchor` (the chain head
 * before this entry): whoever holds the trail can show the report was produced after that entry.
 */
export async function recordPublication(ctx: ServiceContext, pub: Publication, anchor: { seq: number; hash: string } | null): Promise<string> {
  return inTransaction(ctx, async (tx, audit) => {
    await tx.insertInto('offence_catalogue_versions')
      .values({ version: pub.catalogue.version, child_exploitation_codes: JSON.stringify(pub.catalogue.childExploitationCodes), categories: JSON.stringify(pub.catalogue.categories) })
      .onConflict((oc) => oc.column('version').doNothing()).execute();
    const report = await tx.insertInto('published_reports').values({
      kind: pub.kind, params: JSON.stringify(pub.params), period_from: pub.from, period_to: pub.to, time_zone: ctx.config.timeZone,
      catalogue_version: pub.catalogue.version, audit_head_seq: anchor?.seq ?? null, audit_head_hash: anchor?.hash ?? null,
      output_sha256: pub.outputSha256, created_by: userIdOf(ctx.actor), created_by_name: ctx.actor.username,
    }).returning('id').executeTakeFirstOrThrow();
    if (pub.figures.length) {
      await tx.insertInto('published_figures').values(pub.figures.map((f) => ({
        report_id: report.id, figure_id: f.def.id, figure_version: f.def.version, grouping: f.grouping, area: JSON.stringify(f.area), rows: JSON.stringify(f.rows),
      }))).execute();
    }
    await audit({
      action: pub.kind === 'briefing' ? 'report.briefing' : 'report.export', entityType: 'report', entityId: report.id,
      details: { params: pub.params, catalogueVersion: pub.catalogue.version, figures: pub.figures.map((f) => `${f.def.id}@${f.def.version}/${f.grouping}`), outputSha256: pub.outputSha256, anchor },
    });
    return report.id;
  });
}

/** Figures published before for the same figure, grouping and period: what was said, with which catalogue. */
export async function earlierPublications(db: Db | Tx, figureId: string, from: string | null, to: string | null) {
  const rows = await db.selectFrom('published_figures').innerJoin('published_reports', 'published_reports.id', 'published_figures.report_id')
    .select(['published_reports.id', 'published_reports.created_at', 'published_reports.catalogue_version', 'published_figures.figure_version', 'published_figures.grouping', 'published_figures.area', 'published_figures.rows'])
    .where('published_figures.figure_id', '=', figureId)
    .where(sql<boolean>`published_reports.period_from IS NOT DISTINCT FROM ${from}::date AND published_reports.period_to IS NOT DISTINCT FROM ${to}::date`)
    .orderBy('published_reports.created_at').execute();
  const parse = <T,>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
  return rows.map((r) => ({ reportId: r.id, at: r.created_at, catalogueVersion: r.catalogue_version, figureVersion: r.figure_version, grouping: r.grouping, area: parse<Record<string, unknown>>(r.area), rows: parse<FigureRowOut[]>(r.rows) }));
}
