import { sql } from 'kysely';
import pakistanDistricts from '@svg-maps/pakistan.districts';
import type { ServiceContext } from '../../../platform/context.ts';
import { caseVisibleTo } from '../../../platform/access/case-scope.ts';
import { AppError, invalid, notFound } from '../../../platform/http/errors.ts';
import { caseStatuses } from '../../cases/case.lifecycle.ts';
import { firLabel } from '../../cases/case.service.ts';
import { computeFigure, currentCatalogue, describeFigure, publishRows, resolveFigureScope } from '../figures/figures.service.ts';
import { mayDrillDown } from '../figures/figures.rules.ts';
import { figureById, type FigureCell, type FigureDefinition, type FigureParams } from '../figures/registry.ts';
import { can } from '../../../platform/access/permissions.ts';
import { victimVisibleTo } from '../../victims/victim.scope.ts';
import { victimSummaries } from '../../victims/victim.service.ts';
import { operationVisibleTo } from '../../operations/operation.scope.ts';
import { drillBuilders, limitDaysOf, offersDrillDown, type DrillBuilder, type DrillRow } from './drill.records.ts';
import type { DrillAnswer, DrillQuery, MapAnswer, MapQuery } from './dashboard.schema.ts';
import { joinDistrictMap } from '../district-map.rules.ts';

// Dashboards (issue 12, part 3) over the figure registry: the same figures, scoped to what the reader may
// see (figures.rules.ts: supervisors their branch; investigators and prosecutors their teams' cases;
// leadership the published, suppressed view), a district map, and the records behind one cell.

/** The part a request names: "all" (or nothing) is the whole; otherwise one of the figure's parts. */
function partOf(def: FigureDefinition, part: string | undefined): string | null {
  if (part === undefined || part === 'all') return null;
  const known = def.parts ?? (def.id === 'cases_by_status' ? caseStatuses : []);
  if (!known.includes(part)) throw invalid('part', def.parts || def.id === 'cases_by_status' ? 'not a part of this figure' : 'this figure has no parts');
  return part;
}

/**
 * The records behind one cell of a figure, for a reader allowed to see them: the figure's own SQL
 * (registry `records`) with the same scope as the count, and every case kept only if caseVisibleTo
 * lets the reader see it, so the total equals the count the reader was shown. Figures counting sentences,
 * children, operations, durations or investigators list through drill.records.ts (unitDrillDown).
 */
export async function drillDown(ctx: ServiceContext, id: string, q: DrillQuery): Promise<DrillAnswer> {
  const def = figureById(id);
  if (!def) throw notFound('figure');
  const catalogue = await currentCatalogue(ctx.db);
  const s = await resolveFigureScope(ctx, q, catalogue);
  if (!mayDrillDown(ctx.actor, s.published)) {
    throw new AppError('forbidden', s.published ? 'the published view suppresses small counts: the records behind it are not listed' : 'your role does not read case records',
      s.published ? [{ field: 'published', message: 'no drill-down in the published view' }] : []);
  }
  const builder = drillBuilders[def.id];
  if (!def.records && !builder) throw invalid('id', 'this figure has no list of records behind it');
  if (s.params.groupBy !== 'none' && q.group === undefined) throw invalid('group', 'required when the figure is grouped');
  if (q.group === 'total') throw invalid('group', 'a total has no single list; choose a group');
  const cell = { group: s.params.groupBy === 'none' ? null : q.group!, part: partOf(def, q.part) };
  if (builder) return unitDrillDown(ctx, def, builder, s.params, cell, q);
  const visible = ctx.db.selectFrom('cases').select('cases.id').where(caseVisibleTo(ctx.actor));
  const records = def.records!(s.params, cell);
  const behind = sql`(SELECT r.case_id, r.at FROM (${records}) r WHERE r.case_id IN (${visible}))`;
  const total = await sql<{ n: string | number }>`SELECT count(*) AS n FROM ${behind} b`.execute(ctx.db);
  const page = await sql<{ case_id: string; at: Date | string | null }>`
    SELECT b.case_id, b.at FROM ${behind} b ORDER BY b.at DESC NULLS LAST, b.case_id LIMIT ${q.limit} OFFSET ${q.offset}`.execute(ctx.db);
  const byId = await casesById(ctx, page.rows.map((r) => r.case_id));
  const items = page.rows.flatMap((r) => {
    const c = byId.get(r.case_id);
    return c ? [{ ...c, at: isoOf(r.at) }] : [];
  });
  const itemKind = def.unit === 'arrests' ? 'arrest' as const : def.unit === 'persons' ? 'person' as const : def.unit === 'children' ? 'child' as const : 'case' as const;
  return { figure: { id: def.id, version: def.version, unit: def.unit }, cell, itemKind, total: Number(total.rows[0]?.n ?? 0), items, limit: q.limit, offset: q.offset };
}

const isoOf = (v: Date | string | null | undefined) => (v === null || v === undefined ? null : new Date(v).toISOString());
const num = (v: number | string | null | undefined) => (v === null || v === undefined ? 0 : Number(v));

/** The case columns of a drill-down item, for the cases of a page the reader may see (caseVisibleTo again). */
async function casesById(ctx: ServiceContext, caseIds: string[]) {
  const ids = [...new Set(caseIds)];
  const cases = ids.length
    ? await ctx.db.selectFrom('cases')
      .innerJoin('districts', 'districts.id', 'cases.district_id')
      .innerJoin('branches', 'branches.id', 'cases.branch_id')
      .select(['cases.id', 'cases.title', 'cases.status', 'cases.fir_number', 'cases.fir_year', 'districts.name as district', 'districts.province', 'branches.name as branch'])
      .where('cases.id', 'in', ids).where(caseVisibleTo(ctx.actor)).execute()
    : [];
  return new Map(cases.map((c) => [c.id, { caseId: c.id, firLabel: firLabel(c), title: c.title, status: c.status, district: c.district, province: c.province, branch: c.branch }]));
}

/**
 * Drill-down of the figures counting sentences, children, operations, durations and investigators
 * (drill.records.ts): one item per counted unit, need-to-know applied inside the query. A child is shown as
 * the victims module shows them to this reader (victimSummaries: pseudonym, never the identity; care
 * details only for an assigned protection officer), and only to a role that reads victims.
 */
async function unitDrillDown(ctx: ServiceContext, def: FigureDefinition, builder: DrillBuilder, p: FigureParams, cell: FigureCell, q: DrillQuery): Promise<DrillAnswer> {
  if (builder.unit === 'child' && !can(ctx.actor.role, 'victim.read')) throw new AppError('forbidden', 'your role does not read victims');
  const visible = {
    cases: ctx.db.selectFrom('cases').select('cases.id').where(caseVisibleTo(ctx.actor)),
    victims: ctx.db.selectFrom('victims').select('victims.id').where(victimVisibleTo(ctx.actor)),
  };
  const rows = builder.rows(p, cell, visible);
  const total = await sql<{ n: string | number }>`SELECT count(*) AS n FROM (${rows}) r`.execute(ctx.db);
  const page = await sql<DrillRow>`SELECT r.* FROM (${rows}) r ORDER BY ${builder.order} LIMIT ${q.limit} OFFSET ${q.offset}`.execute(ctx.db);
  const unitIds = page.rows.map((r) => r.unit_id);
  const byCase = await casesById(ctx, page.rows.map((r) => r.case_id));
  const children = builder.unit === 'child' ? new Map((await victimSummaries(ctx, unitIds)).map((v) => [v.id, v])) : null;
  const operations = builder.unit === 'operation' && unitIds.length
    ? new Map((await ctx.db.selectFrom('operations').select(['id', 'name']).where('id', 'in', unitIds).where(operationVisibleTo(ctx.actor)).execute()).map((o) => [o.id, o]))
    : null;
  const investigators = builder.unit === 'investigator' && unitIds.length
    ? new Map((await ctx.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', unitIds).execute()).map((u) => [u.id, u]))
    : null;
  const items: DrillAnswer['items'] = [];
  for (const r of page.rows) {
    const c = byCase.get(r.case_id);
    if (!c) continue;
    const item: DrillAnswer['items'][number] = { ...c, at: isoOf(r.at) };
    if (r.days !== undefined && r.days !== null) item.interval = { from: isoOf(r.started_at)!, to: isoOf(r.ended_at)!, days: Number(r.days) };
    if (builder.unit === 'sentence') item.sentenceMonths = num(r.months);
    if (operations) {
      const o = operations.get(r.unit_id);
      if (!o) continue;
      item.operation = { id: o.id, name: o.name, arrests: num(r.arrests), childrenRescued: num(r.rescued) };
    }
    if (children) {
      const v = children.get(r.unit_id);
      if (!v) continue;
      item.child = { id: v.id, pseudonym: v.pseudonym, gender: v.gender, ageAtIdentification: v.ageAtIdentification, state: v.state, placement: { kind: r.part_kind!, startedAt: isoOf(r.at)! } };
    }
    if (investigators) {
      const u = investigators.get(r.unit_id);
      if (!u) continue;
      item.investigator = { id: u.id, name: u.display_name, openCases: num(r.open_cases) };
    }
    items.push(item);
  }
  return {
    figure: { id: def.id, version: def.version, unit: def.unit }, cell, itemKind: builder.unit, limitDays: limitDaysOf(def),
    total: Number(total.rows[0]?.n ?? 0), items, limit: q.limit, offset: q.offset,
  };
}

const outline = { package: '@svg-maps/pakistan.districts', version: '2.0.0', licence: 'Unlicense (public domain)', viewBox: pakistanDistricts.viewBox };
const locations = pakistanDistricts.locations.map((l) => ({ id: l.id, name: l.name }));

/** A figure by district on the map: every district of the list with its value, and what the outline lacks. */
export async function districtMap(ctx: ServiceContext, id: string, q: MapQuery): Promise<MapAnswer> {
  const def = figureById(id);
  if (!def) throw notFound('figure');
  const catalogue = await currentCatalogue(ctx.db);
  const s = await resolveFigureScope(ctx, { ...q, groupBy: 'district' }, catalogue);
  const part = def.parts?.includes('all') && (q.part === undefined || q.part === 'all') ? 'all' : partOf(def, q.part);
  const exact = await computeFigure(ctx.db, def, s.params);
  const rows = s.published ? publishRows(def, exact, 'district') : exact;
  const districts = await ctx.db.selectFrom('districts').select(['id', 'name', 'province', 'parent_district']).orderBy('province').orderBy('name').execute();
  const join = joinDistrictMap(locations, districts.map((d) => ({ id: d.id, name: d.name, province: d.province, parentDistrict: d.parent_district })));
  const inArea = (d: { id: number; province: string }) => (s.params.province === null || d.province === s.params.province) && (s.params.districtId === null || d.id === s.params.districtId);
  let max = 0;
  const out = districts.map((d) => {
    const shape = join.shapeOf.get(d.id) ?? null;
    if (!inArea(d)) return { districtId: d.id, name: d.name, province: d.province, shape, value: null, display: '—' };
    // The cell of the chosen part; a figure whose parts are open (cases by status) sums them in the exact view.
    const mine = rows.filter((r) => r.group === d.name && (part === null ? (s.published ? r.part === null : true) : r.part === part));
    let value: number | null;
    let display: string;
    if (s.published) {
      const r = mine[0];
      value = r ? r.values[def.count] ?? null : 0;
      display = r ? r.display?.[def.count] ?? String(value ?? '—') : '0';
    } else {
      value = mine.reduce((n, r) => n + (r.values[def.count] ?? 0), 0);
      display = String(value);
    }
    if (value !== null && value > max) max = value;
    return { districtId: d.id, name: d.name, province: d.province, shape, value, display };
  });
  return {
    figure: describeFigure(def), published: s.published, drillDown: offersDrillDown(def) && mayDrillDown(ctx.actor, s.published), part,
    outline, districts: out, missing: join.missing, shapesWithoutDistrict: join.shapesWithoutDistrict, max,
  };
}
