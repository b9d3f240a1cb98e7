import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { FLOW_KIND } from '../../../platform/db/migrations/0038_stat_flow.ts';
import { timeLimit } from './lifecycle-limits.ts';
import { flowKeyedFor, readFlowKeys, type FlowKeys } from '../rollup/state.ts';
import { figureSql, figures, sentenceBands, type FigureDefinition, type FigureParams } from './registry.ts';

// The flow figures from their pre-joined events (table stat_flow, migration 0038), where and only where that
// answers exactly what the registry's SQL answers. ONE place decides (`rollupQuery`): everything else (a
// need-to-know scope, an offence category, another time zone or catalogue than the table's, a definition
// version the table was not written for, drill-down lists) runs the registry's exact SQL, which stays the
// reference (test/stats/figures.equivalence.test.ts compares both on both engines after every kind of write).
//
// Why it is the same: stat_flow holds, per event, the local day of the figure's own date in the table's zone
// (a period of local days is a range of days), the case's district and branch as they are now (area names and
// provinces joined at read time, as the registry does), and whether the case has a child-exploitation offence
// under the table's codes; distinct counts count the same unit (person, child) and durations keep the exact
// seconds, so percentile_cont interpolates between the same values and rounds to the same 0.1 day.

/** The table's zone and child-exploitation codes (stat_flow_meta), or null when it is not there. */
export type RollupState = FlowKeys;

export const rollupState = (db: Db | Tx): Promise<RollupState | null> => readFlowKeys(db);

type Spec =
  | { shape: 'count'; kind: number; distinct: boolean }
  | { shape: 'sentences'; kind: number }
  | { shape: 'duration'; kind: number; limit: 'fir_to_challan' | 'fir_to_verdict' };

/** The definitions the table was written for, by id@version: a new version of a figure reads the exact SQL until it is added here. */
const specs: Record<string, Spec> = {
  'complaints@1': { shape: 'count', kind: FLOW_KIND.complaint, distinct: false },
  'firs@1': { shape: 'count', kind: FLOW_KIND.fir, distinct: false },
  'arrests@1': { shape: 'count', kind: FLOW_KIND.arrest, distinct: false },
  'persons_charged@1': { shape: 'count', kind: FLOW_KIND.charge, distinct: true },
  'convictions@1': { shape: 'count', kind: FLOW_KIND.convicted, distinct: true },
  'acquittals@1': { shape: 'count', kind: FLOW_KIND.acquitted, distinct: true },
  'children_identified@1': { shape: 'count', kind: FLOW_KIND.identified, distinct: true },
  'children_rescued@1': { shape: 'count', kind: FLOW_KIND.rescued, distinct: true },
  'sentences@1': { shape: 'sentences', kind: FLOW_KIND.convicted },
  'fir_to_challan@1': { shape: 'duration', kind: FLOW_KIND.challan, limit: 'fir_to_challan' },
  'fir_to_verdict@1': { shape: 'duration', kind: FLOW_KIND.firstVerdict, limit: 'fir_to_verdict' },
};

/** The figures the table can answer (at their current versions). */
export const rollupFigureIds = figures.filter((f) => specs[`${f.id}@${f.version}`]).map((f) => f.id);

/** Whether the table answers this figure with these parameters exactly as the registry's SQL would. */
export function rollupAnswers(def: FigureDefinition, p: FigureParams, state: RollupState | null): boolean {
  if (!state || !specs[`${def.id}@${def.version}`]) return false;
  // Only the registry's own definitions (not a copy with another build, such as the tests' reference SQL).
  if (!figures.includes(def)) return false;
  // Need-to-know scopes count the reader's own cases: the exact SQL, so a count equals the list behind it.
  if (p.visibleCases) return false;
  // A case in several categories counts once in each: the table has no category (yet).
  if (p.category !== null || p.groupBy === 'category') return false;
  // The table's keys (rollup/state.ts, shared with start-up and `amaan stats rebuild`): the zone, and the codes
  // when the figure reads the child-exploitation flag.
  return flowKeyedFor(state, p.timeZone, p.offences === 'child_exploitation' ? p.catalogue.childExploitationCodes : null);
}

const forcedExact = new AsyncLocalStorage<true>();
/** Runs `work` with every figure from the exact SQL (benchmarks and tests compare the two). */
export const withExactFigures = <T>(work: () => Promise<T>): Promise<T> => forcedExact.run(true, work);

/** The rollup's query for this figure, or null: compute it with the registry's SQL. */
export async function rollupQuery(db: Db | Tx, def: FigureDefinition, p: FigureParams): Promise<RawBuilder<Record<string, unknown>> | null> {
  const spec = specs[`${def.id}@${def.version}`];
  if (!spec || forcedExact.getStore()) return null;
  if (!rollupAnswers(def, p, await rollupState(db))) return null;
  return build(spec, p);
}

function build(spec: Spec, p: FigureParams): RawBuilder<Record<string, unknown>> {
  const needsDistrict = p.province !== null || p.groupBy === 'province' || p.groupBy === 'district';
  const joins = sql.join([
    needsDistrict ? sql`JOIN districts d ON d.id = f.district_id` : sql``,
    p.groupBy === 'branch' ? sql`JOIN branches b ON b.id = f.branch_id` : sql``,
  ], sql` `);
  const key = (() => {
    switch (p.groupBy) {
      case 'province': return sql`d.province`;
      case 'district': return sql`d.name`;
      case 'branch': return sql`b.name`;
      case 'month': return sql`to_char(f.day::timestamp, 'YYYY-MM')`;
      case 'year': return sql`to_char(f.day::timestamp, 'YYYY')`;
      default: return sql`NULL::text`;
    }
  })();
  const where: RawBuilder<unknown>[] = [sql`f.kind = ${spec.kind}`];
  if (p.from) where.push(sql`f.day >= ${p.from}::date`);
  if (p.to) where.push(sql`f.day <= ${p.to}::date`);
  if (p.offences === 'child_exploitation') where.push(sql`f.ce`);
  if (p.province !== null) where.push(sql`d.province = ${p.province}`);
  if (p.districtId !== null) where.push(sql`f.district_id = ${p.districtId}`);
  if (p.branchId !== null) where.push(sql`f.branch_id = ${p.branchId}`);
  const from = sql`stat_flow f ${joins} WHERE ${sql.join(where, sql` AND `)}`;
  switch (spec.shape) {
    case 'count':
      return sql`SELECT ${key} AS grp, NULL::text AS part, ${spec.distinct ? sql`count(DISTINCT f.unit)` : sql`count(*)`} AS n FROM ${from} GROUP BY 1 ORDER BY 1`;
    case 'sentences':
      // As the registry's sentences: part "all" and each band in one GROUPING SETS pass over the months.
      return sql`
        WITH s AS (SELECT ${key} AS grp, f.val::integer AS m FROM ${from} AND f.val IS NOT NULL),
        banded AS (SELECT grp, m, ${figureSql.bandCase(sentenceBands, sql`m`)} AS band FROM s)
        SELECT grp, ${figureSql.allOrPart} AS part, count(*) AS n, min(m) AS min_months, percentile_cont(0.5) WITHIN GROUP (ORDER BY m) AS median_months, max(m) AS max_months
        FROM banded GROUP BY GROUPING SETS ((grp), (grp, band)) ORDER BY 1, 2`;
    case 'duration': {
      // val: extract(epoch FROM (later - earlier)) as the registry's `days` computes it, divided the same way.
      const limitDays = timeLimit(spec.limit).days;
      return sql`
        WITH durations AS (SELECT ${key} AS grp, (f.val / 86400.0) AS days FROM ${from})
        SELECT grp, NULL::text AS part, count(*) AS n,
          round(percentile_cont(0.5) WITHIN GROUP (ORDER BY days)::numeric, 1) AS median_days,
          round(percentile_cont(0.9) WITHIN GROUP (ORDER BY days)::numeric, 1) AS p90_days,
          count(*) FILTER (WHERE days <= ${limitDays}) AS within_limit,
          ${limitDays}::int AS limit_days
        FROM durations GROUP BY 1 ORDER BY 1`;
    }
  }
}

/** Re-keys the table to a zone and the catalogue's codes (`amaan stats rebuild`); returns the rows written. */
export async function rebuildRollup(db: Db | Tx, timeZone: string, codes: string[]): Promise<number> {
  const { rows } = await sql<{ n: string }>`SELECT stat_flow_rebuild(${timeZone}, ${sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))`}) AS n`.execute(db);
  return Number(rows[0]!.n);
}
