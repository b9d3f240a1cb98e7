import { sql, type RawBuilder } from 'kysely';
import type { ServiceContext } from '../../platform/context.ts';
import { readerOf } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import { citationOf, comparable, publishedFigures, publishedPeriod } from './stats.published.ts';
import type { StatsSummary, SummaryQuery } from './stats.schema.ts';

// Statistics computed from the records by SQL, never typed in. Every figure is an aggregate: no query here
// selects a name, a pseudonym or an id of a person or victim.
//
// A child-exploitation case is a case with an FIR and at least one offence flagged child_exploitation in
// the offence catalogue. The period applies to each figure's own date: FIR date for FIRs, arrest date for
// arrests, decision date for verdicts, identification / recovery date for children, and "in care" is the
// state at the end of the period. Days are those of the agency's time zone (AMAAN_TIME_ZONE, Asia/Karachi by
// default), `to` inclusive: an FIR registered at 02:00 local time on 1 January is in the new year.
//
// Area, as in the figure registry (figures/registry.ts): a case belongs to the province of the district where
// the offence happened (cases.district_id), falling back to its handling branch's province where no offence
// district is recorded; `province` filters and `byProvince` groups by that, so both agree with the registry.

export const definitions: Record<string, string> = {
  'firs.childExploitation': 'cases with an FIR registered in the period and at least one child-exploitation offence',
  'firs.all': 'cases with an FIR registered in the period, any offence',
  'arrests.childExploitation': 'arrest records dated in the period, on child-exploitation cases',
  'arrests.all': 'arrest records dated in the period, any case',
  'convictions.persons': 'distinct persons convicted in the period on child-exploitation cases',
  'convictions.allOffences': 'distinct persons convicted in the period, any case',
  'convictions.sentence': 'shortest and longest sentence of those child-exploitation convictions',
  'acquittals.persons': 'distinct persons acquitted in the period on child-exploitation cases',
  'children.identified': 'child victims identified in the period, linked to a case in scope',
  'children.rescued': 'child victims recovered (rescued) in the period',
  'children.inCare': 'child victims with a placement open at the end of the period (today when no end is given)',
  casesByStatus: 'cases reported in the period by current status',
  byProvince: "child-exploitation FIRs, arrests and persons convicted per province of the offence district (the handling branch's where none is recorded), same period",
  period: "from/to are days of the agency's time zone (AMAAN_TIME_ZONE), both inclusive",
};

interface Scope {
  province: string | null;
  branch: { id: number; code: string; district: string; province: string } | null;
  /** Start of the first local day (timestamptz), or null. */
  from: RawBuilder<unknown> | null;
  /** Exclusive upper bound: the start of the local day after `to`. */
  until: RawBuilder<unknown> | null;
  restricted: boolean;
}

async function resolveScope(ctx: ServiceContext, q: SummaryQuery): Promise<Scope> {
  const { actor } = ctx;
  let branchId = q.branchId ?? null;
  const restricted = actor.role === 'supervisor';
  if (restricted) {
    // A supervisor's figures are their branch's, whatever is asked.
    if (actor.branchId === null) throw new AppError('forbidden', 'a supervisor without a branch has no statistics to see');
    if (branchId !== null && branchId !== actor.branchId) {
      throw new AppError('forbidden', 'a supervisor sees only the figures of their own branch', [{ field: 'branchId', message: 'not your branch' }]);
    }
    branchId = actor.branchId;
  }
  if (q.from && q.to && q.from > q.to) throw invalid('to', 'cannot be before the first day');
  // Local days of the agency's time zone, as instants computed by the database (same as the figure registry).
  const tz = ctx.config.timeZone;
  const from = q.from ? sql`(${q.from}::date::timestamp AT TIME ZONE ${tz})` : null;
  const until = q.to ? sql`((${q.to}::date + 1)::timestamp AT TIME ZONE ${tz})` : null;
  let branch: Scope['branch'] = null;
  if (branchId !== null) {
    const row = await ctx.db.selectFrom('branches').select(['id', 'code', 'district', 'province']).where('id', '=', branchId).executeTakeFirst();
    if (!row) throw invalid('branchId', 'unknown branch');
    branch = row;
  }
  const province = q.province ?? null;
  if (province !== null) {
    const known = await ctx.db.selectFrom('districts').select('province').where('province', '=', province).limit(1).executeTakeFirst()
      ?? await ctx.db.selectFrom('branches').select('province').where('province', '=', province).limit(1).executeTakeFirst();
    if (!known) throw invalid('province', 'unknown province');
  }
  return { province, branch, from, until, restricted };
}

const and = (parts: Array<RawBuilder<unknown> | null>) => {
  const present = parts.filter((p): p is RawBuilder<unknown> => p !== null);
  return present.length ? sql.join(present, sql` AND `) : sql`true`;
};

export async function summary(ctx: ServiceContext, q: SummaryQuery): Promise<StatsSummary> {
  const s = await resolveScope(ctx, q);
  const inPeriod = (column: string) => and([s.from ? sql`${sql.ref(column)} >= ${s.from}` : null, s.until ? sql`${sql.ref(column)} < ${s.until}` : null]);
  // The offence district's province, else the handling branch's.
  const caseProvince = sql`coalesce(d.province, b.province)`;
  const where = and([s.province !== null ? sql`${caseProvince} = ${s.province}` : null, s.branch ? sql`c.branch_id = ${s.branch.id}` : null]);
  // The cases in scope, each marked child-exploitation or not; every figure below is read through it.
  const scoped = sql`
    scoped AS MATERIALIZED (
      SELECT c.id, c.status, c.reported_at, c.fir_registered_at, ${caseProvince} AS province,
        (c.fir_registered_at IS NOT NULL AND EXISTS (
          SELECT 1 FROM case_offences co JOIN offences o ON o.code = co.offence_code
          WHERE co.case_id = c.id AND o.child_exploitation)) AS ce,
        EXISTS (
          SELECT 1 FROM case_offences co JOIN offences o ON o.code = co.offence_code
          WHERE co.case_id = c.id AND o.child_exploitation) AS ce_offence
      FROM cases c JOIN branches b ON b.id = c.branch_id LEFT JOIN districts d ON d.id = c.district_id
      WHERE ${where}
    )`;
  // "In care" at the end of the period: a placement started before it and not ended by then.
  const careAt = s.until ?? null;
  const openPlacement = careAt
    ? sql`p.started_at < ${careAt} AND (p.ended_at IS NULL OR p.ended_at >= ${careAt})`
    : sql`p.ended_at IS NULL`;
  const victimInScope = sql`EXISTS (SELECT 1 FROM case_victims cv JOIN scoped sc ON sc.id = cv.case_id WHERE cv.victim_id = v.id)`;

  const figures = await sql<{
    firs_ce: number; firs_all: number; arrests_ce: number; arrests_all: number; convicted_ce: number; convicted_all: number;
    min_months: number | null; max_months: number | null; acquitted_ce: number; acquitted_all: number;
    identified: number; rescued: number; in_care: number; care_cpb: number; care_family: number; care_shelter: number;
  }>`
    WITH ${scoped}
    SELECT
      (SELECT count(*) FROM scoped WHERE ce AND ${inPeriod('scoped.fir_registered_at')}) AS firs_ce,
      (SELECT count(*) FROM scoped WHERE fir_registered_at IS NOT NULL AND ${inPeriod('scoped.fir_registered_at')}) AS firs_all,
      (SELECT count(*) FROM arrests a JOIN scoped ON scoped.id = a.case_id WHERE scoped.ce AND ${inPeriod('a.arrested_at')}) AS arrests_ce,
      (SELECT count(*) FROM arrests a JOIN scoped ON scoped.id = a.case_id WHERE ${inPeriod('a.arrested_at')}) AS arrests_all,
      (SELECT count(DISTINCT vd.person_id) FROM verdicts vd JOIN scoped ON scoped.id = vd.case_id WHERE scoped.ce AND vd.outcome = 'convicted' AND ${inPeriod('vd.decided_at')}) AS convicted_ce,
      (SELECT count(DISTINCT vd.person_id) FROM verdicts vd JOIN scoped ON scoped.id = vd.case_id WHERE vd.outcome = 'convicted' AND ${inPeriod('vd.decided_at')}) AS convicted_all,
      (SELECT min(vd.sentence_months) FROM verdicts vd JOIN scoped ON scoped.id = vd.case_id WHERE scoped.ce AND vd.outcome = 'convicted' AND ${inPeriod('vd.decided_at')}) AS min_months,
      (SELECT max(vd.sentence_months) FROM verdicts vd JOIN scoped ON scoped.id = vd.case_id WHERE scoped.ce AND vd.outcome = 'convicted' AND ${inPeriod('vd.decided_at')}) AS max_months,
      (SELECT count(DISTINCT vd.person_id) FROM verdicts vd JOIN scoped ON scoped.id = vd.case_id WHERE scoped.ce AND vd.outcome = 'acquitted' AND ${inPeriod('vd.decided_at')}) AS acquitted_ce,
      (SELECT count(DISTINCT vd.person_id) FROM verdicts vd JOIN scoped ON scoped.id = vd.case_id WHERE vd.outcome = 'acquitted' AND ${inPeriod('vd.decided_at')}) AS acquitted_all,
      (SELECT count(*) FROM victims v WHERE ${victimInScope} AND ${inPeriod('v.identified_at')}) AS identified,
      (SELECT count(*) FROM victims v WHERE v.recovered_at IS NOT NULL AND ${victimInScope} AND ${inPeriod('v.recovered_at')}) AS rescued,
      (SELECT count(*) FROM victims v WHERE ${victimInScope} AND EXISTS (SELECT 1 FROM placements p WHERE p.victim_id = v.id AND ${openPlacement})) AS in_care,
      (SELECT count(*) FROM victims v WHERE ${victimInScope} AND EXISTS (SELECT 1 FROM placements p WHERE p.victim_id = v.id AND p.kind = 'child_protection_bureau' AND ${openPlacement})) AS care_cpb,
      (SELECT count(*) FROM victims v WHERE ${victimInScope} AND EXISTS (SELECT 1 FROM placements p WHERE p.victim_id = v.id AND p.kind = 'family' AND ${openPlacement})) AS care_family,
      (SELECT count(*) FROM victims v WHERE ${victimInScope} AND EXISTS (SELECT 1 FROM placements p WHERE p.victim_id = v.id AND p.kind = 'shelter' AND ${openPlacement})) AS care_shelter
  `.execute(readerOf(ctx));

  const byStatus = await sql<{ status: string; all: number; ce: number }>`
    WITH ${scoped}
    SELECT status, count(*) AS all, count(*) FILTER (WHERE ce_offence) AS ce
    FROM scoped WHERE ${inPeriod('scoped.reported_at')}
    GROUP BY status ORDER BY count(*) DESC, status
  `.execute(readerOf(ctx));

  const byProvince = await sql<{ province: string; firs: number; arrests: number; convicted: number }>`
    WITH ${scoped}
    SELECT p.province,
      (SELECT count(*) FROM scoped WHERE scoped.province = p.province AND ce AND ${inPeriod('scoped.fir_registered_at')}) AS firs,
      (SELECT count(*) FROM arrests a JOIN scoped ON scoped.id = a.case_id WHERE scoped.province = p.province AND scoped.ce AND ${inPeriod('a.arrested_at')}) AS arrests,
      (SELECT count(DISTINCT vd.person_id) FROM verdicts vd JOIN scoped ON scoped.id = vd.case_id WHERE scoped.province = p.province AND scoped.ce AND vd.outcome = 'convicted' AND ${inPeriod('vd.decided_at')}) AS convicted
    FROM (
      SELECT province FROM districts UNION SELECT province FROM branches
    ) p
    -- Every province (or the one asked); for one branch, its own and those where its cases' offences happened.
    WHERE ${and([s.province !== null ? sql`p.province = ${s.province}` : null, s.branch ? sql`(p.province = ${s.branch.province} OR EXISTS (SELECT 1 FROM scoped WHERE scoped.province = p.province))` : null])}
    ORDER BY p.province
  `.execute(readerOf(ctx));

  const f = figures.rows[0]!;
  const n = (v: unknown) => Number(v ?? 0);
  const months = (v: number | null) => (v === null ? null : Number(v));
  const result: Omit<StatsSummary, 'published'> = {
    scope: {
      from: q.from ?? null,
      to: q.to ?? null,
      province: s.province,
      branch: s.branch,
      restrictedToBranch: s.restricted,
    },
    firs: { childExploitation: n(f.firs_ce), all: n(f.firs_all) },
    arrests: { childExploitation: n(f.arrests_ce), all: n(f.arrests_all) },
    convictions: {
      persons: n(f.convicted_ce),
      allOffences: n(f.convicted_all),
      sentenceMonths: { min: months(f.min_months), max: months(f.max_months) },
      sentenceYears: { min: f.min_months === null ? null : Math.round((Number(f.min_months) / 12) * 10) / 10, max: f.max_months === null ? null : Math.round((Number(f.max_months) / 12) * 10) / 10 },
    },
    acquittals: { persons: n(f.acquitted_ce), allOffences: n(f.acquitted_all) },
    children: {
      identified: n(f.identified),
      rescued: n(f.rescued),
      inCare: n(f.in_care),
      inCareByPlacement: { child_protection_bureau: n(f.care_cpb), family: n(f.care_family), shelter: n(f.care_shelter) },
    },
    casesByStatus: byStatus.rows.map((r) => ({ status: r.status, all: n(r.all), childExploitation: n(r.ce) })),
    byProvince: byProvince.rows.map((r) => ({ province: r.province, firs: n(r.firs), arrests: n(r.arrests), personsConvicted: n(r.convicted) })),
    definitions,
    generatedAt: new Date().toISOString(),
  };
  const computed: Record<(typeof comparable)[number]['figure'], number> = {
    'firs.childExploitation': result.firs.childExploitation,
    'arrests.childExploitation': result.arrests.childExploitation,
    'convictions.persons': result.convictions.persons,
  };
  // Published figures, each with its citations (never the researchers' note). A computed figure is set beside
  // a published one only for the same period and the whole country: today's live totals beside figures
  // published on another day would make every new record look like a discrepancy.
  const all = publishedFigures().map(({ note: _researchNote, ...p }) => ({ ...p, covers: publishedPeriod(p.period), citations: p.sources.map(citationOf) }));
  const nationalScope = s.province === null && s.branch === null;
  const samePeriod = (p: (typeof all)[number]) => p.covers !== null && p.covers.from === (q.from ?? null) && p.covers.to === (q.to ?? null);
  const comparison = nationalScope
    ? comparable.flatMap((c) => all.filter((p) => c.metric.test(p.metric) && samePeriod(p)).map((p) => ({ figure: c.figure, computed: computed[c.figure], published: p })))
    : [];
  return { ...result, published: { nationalScope, comparison, figures: all } };
}
