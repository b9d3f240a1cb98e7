import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { FigureParams } from '../figures/registry.ts';

// The ONE place that decides whether a STOCK figure (the state at the end of the period) is read from the
// pre-aggregated rollup (migration 0039: changes per local day and key, monthly checkpoints) or from the exact
// SQL of registry.ts, which stays the reference and the fallback. (The FLOW figures have their own place,
// figures/rollup.ts; how both are keyed, and whether a rebuild is due, is read in one place: rollup/state.ts.)
//
// The rollup answers exactly what the exact SQL answers when:
//   - the period has an end: the instant is a local midnight (now() is not a day bound);
//   - the figure's zone is the zone the rollup's days are in (checked in the query itself, against
//     stock_rollup_meta: another zone runs the exact SQL, in the same statement);
//   - the scope is whole areas (nation, province, district, branch), not need-to-know (visibleCases);
//   - the grouping is none, an area or the offence category (month/year group by the case's own reported date,
//     which the rollup does not keep).
// Any offence catalogue version qualifies: the rollup keys each case by its set of offence codes, and the
// catalogue the figure reads decides per set (child exploitation, category filter, category grouping).
// Drill-down lists always read the exact SQL (registry.ts `records`).

/** The stock figures served from the rollup. */
export const stockRollupFigures = ['cases_by_status'] as const;
export type StockRollupFigure = (typeof stockRollupFigures)[number];

export function stockRollupEligible(p: FigureParams): boolean {
  return p.to !== null && !p.visibleCases && ['none', 'province', 'district', 'branch', 'category'].includes(p.groupBy);
}

/** The offence sets in scope (child exploitation, category), with the categories of each for the category grouping. */
function setsInScope(p: FigureParams) {
  const codes = JSON.stringify(p.catalogue.childExploitationCodes);
  const cats = JSON.stringify(p.catalogue.categories);
  const where: RawBuilder<unknown>[] = [];
  if (p.offences === 'child_exploitation') where.push(sql`EXISTS (SELECT 1 FROM unnest(os.codes) code WHERE code = ANY (ARRAY(SELECT jsonb_array_elements_text(${codes}::jsonb))))`);
  if (p.category !== null) where.push(sql`EXISTS (SELECT 1 FROM unnest(os.codes) code WHERE (${cats}::jsonb ->> code) = ${p.category})`);
  return sql`os AS (SELECT os.id, os.codes FROM stock_offence_sets os WHERE ${where.length ? sql.join(where, sql` AND `) : sql`true`})`;
}

function groupKey(p: FigureParams) {
  const cats = JSON.stringify(p.catalogue.categories);
  switch (p.groupBy) {
    case 'province': return { key: sql`d.province`, join: sql`` };
    case 'district': return { key: sql`d.name`, join: sql`` };
    case 'branch': return { key: sql`b.name`, join: sql`` };
    case 'category':
      // A case counts once in each of its categories (as registry.ts's LATERAL over its offences).
      return { key: sql`g.cat`, join: sql`JOIN LATERAL (SELECT DISTINCT coalesce(${cats}::jsonb ->> code, 'uncategorised') AS cat FROM unnest(os.codes) code) g ON true` };
    default: return { key: sql`NULL::text`, join: sql`` };
  }
}

/** The rollup's own answer for cases by status (no zone check, no fallback): used by stockFigure and the tests. */
export function casesByStatusFromRollup(p: FigureParams): RawBuilder<Record<string, unknown>> {
  if (!stockRollupEligible(p)) throw new Error('cases_by_status: this scope is not answered by the rollup');
  const g = groupKey(p);
  const where: RawBuilder<unknown>[] = [];
  if (p.province !== null) where.push(sql`d.province = ${p.province}`);
  if (p.districtId !== null) where.push(sql`r.district_id = ${p.districtId}`);
  if (p.branchId !== null) where.push(sql`r.branch_id = ${p.branchId}`);
  // The instant is the start of local day `day` (the day after the period): the stock is the changes of the days before it.
  const day = sql`(${p.to}::date + 1)`;
  return sql<Record<string, unknown>>`
    WITH cpm AS (SELECT max(m.month) AS m FROM stock_checkpoint_months m WHERE m.month <= ${day}),
    r AS (
      SELECT k.district_id, k.branch_id, k.status, k.set_id, k.n FROM stock_status_checkpoints k WHERE k.month = (SELECT m FROM cpm)
      UNION ALL
      SELECT dl.district_id, dl.branch_id, dl.status, dl.set_id, dl.delta FROM stock_status_daily dl
      WHERE dl.day < ${day} AND dl.day >= coalesce((SELECT m FROM cpm), '-infinity'::date)
    ), ${setsInScope(p)}
    SELECT ${g.key} AS grp, r.status AS part, sum(r.n)::bigint AS n
    FROM r JOIN os ON os.id = r.set_id JOIN districts d ON d.id = r.district_id JOIN branches b ON b.id = r.branch_id ${g.join}
    WHERE ${where.length ? sql.join(where, sql` AND `) : sql`true`}
    GROUP BY 1, 2 HAVING sum(r.n) <> 0`;
}

const fromRollup: Record<StockRollupFigure, (p: FigureParams) => RawBuilder<Record<string, unknown>>> = {
  cases_by_status: casesByStatusFromRollup,
};

/**
 * A stock figure's SQL: the rollup when it answers exactly the same, else `exact`. The zone is compared in the
 * statement (the rollup's zone is data): one branch runs, the other is cut by a one-time filter.
 */
export function stockFigure(id: StockRollupFigure, p: FigureParams, exact: RawBuilder<Record<string, unknown>>): RawBuilder<Record<string, unknown>> {
  if (!stockRollupEligible(p)) return exact;
  return sql<Record<string, unknown>>`
    WITH zone_ok AS MATERIALIZED (SELECT coalesce((SELECT m.time_zone = ${p.timeZone} FROM stock_rollup_meta m WHERE m.id = 1), false) AS ok)
    SELECT grp, part, n FROM (${fromRollup[id](p)}) ru WHERE (SELECT ok FROM zone_ok)
    UNION ALL
    SELECT grp, part, n FROM (${exact}) ex WHERE NOT (SELECT ok FROM zone_ok)
    ORDER BY 1, 2`;
}

/** Rebuilds the rollup with its days in `zone` (after AMAAN_TIME_ZONE changed, or a load with triggers off). */
export async function rebuildStockRollup(db: Kysely<never>, zone: string): Promise<void> {
  await sql`SELECT stock_rollup_rebuild(${zone})`.execute(db);
}

/** The zone the rollup's days are in (null: no rollup). */
export async function stockRollupZone(db: Kysely<never>): Promise<string | null> {
  const { rows } = await sql<{ time_zone: string }>`SELECT time_zone FROM stock_rollup_meta WHERE id = 1`.execute(db);
  return rows[0]?.time_zone ?? null;
}

/**
 * Adds the checkpoints of the months since the last one, up to the current month of the rollup's zone (the
 * server's schedule runs it once a month has begun: rebuild.ts extendCheckpointsIfDue; answers are exact without
 * it, only slower as the changes since the last checkpoint grow).
 */
export async function extendStockCheckpoints(db: Kysely<never>): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT stock_extend_checkpoints() AS n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
