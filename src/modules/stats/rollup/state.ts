import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';

// The ONE place that reads how the two pre-aggregations are keyed and says whether each is keyed as the figures
// are asked now (issue 12). Two tables, two kinds of key:
//   - flow (stat_flow, migration 0038; stat_flow_meta): a time zone AND the catalogue's child-exploitation codes,
//     both baked into its rows. A figure asked in another zone or under other codes reads the exact SQL
//     (figures/rollup.ts `rollupAnswers`, through `flowKeyedFor` below).
//   - stock (stock_* tables, migration 0039; stock_rollup_meta): a time zone only (cases are keyed by their SET of
//     offence codes, so any catalogue is answered). The zone is compared inside the figure's own statement
//     (rollup/stock.ts `stockFigure`); its monthly checkpoints only make reads shorter, never change an answer.
// So a stale rollup never makes a figure wrong, only slower; `rollupsDue` tells start-up (which logs it), the
// command `amaan stats rebuild` and the job `stats.rebuild` (rebuild.ts) what is worth rebuilding.

export interface FlowKeys {
  timeZone: string;
  codes: string[];
}

export interface RollupsState {
  /** building: an online rebuild's token (rebuild.ts): under way or cut short; the table is not read meanwhile. */
  flow: (FlowKeys & { builtAt: string; building: string | null }) | null;
  /** hasChanges: any daily change at all (an empty rollup needs no checkpoint). */
  stock: { timeZone: string; lastCheckpoint: string | null; currentMonth: string; hasChanges: boolean; building: string | null } | null;
}

/** What the figures ask now: the configured zone and the current catalogue's child-exploitation codes. */
export type Wanted = FlowKeys;

/**
 * The flow table's keys (null: no meta row, or an online rebuild under way or cut short: the table is then
 * keyed for nothing). Read by every flow figure, so a single small statement.
 */
export async function readFlowKeys(db: Db | Tx): Promise<FlowKeys | null> {
  const { rows } = await sql<{ time_zone: string; codes: string }>`SELECT time_zone, array_to_json(ce_codes)::text AS codes FROM stat_flow_meta WHERE building IS NULL`.execute(db);
  const r = rows[0];
  return r ? { timeZone: r.time_zone, codes: JSON.parse(r.codes) as string[] } : null;
}

/** Both rollups' keys in one statement (json as text: both engines hand it back the same way). */
export async function readRollups(db: Db | Tx): Promise<RollupsState> {
  const { rows } = await sql<{ flow: string | null; stock: string | null }>`
    SELECT
      (SELECT json_build_object('timeZone', f.time_zone, 'codes', f.ce_codes, 'builtAt', to_char(f.built_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'building', f.building)::text FROM stat_flow_meta f) AS flow,
      (SELECT json_build_object('timeZone', s.time_zone,
         'lastCheckpoint', (SELECT to_char(max(m.month), 'YYYY-MM-DD') FROM stock_checkpoint_months m),
         'currentMonth', to_char(date_trunc('month', now() AT TIME ZONE s.time_zone), 'YYYY-MM-DD'),
         'hasChanges', EXISTS (SELECT 1 FROM stock_status_daily), 'building', s.building)::text
       FROM stock_rollup_meta s WHERE s.id = 1) AS stock`.execute(db);
  const r = rows[0]!;
  return { flow: r.flow ? (JSON.parse(r.flow) as RollupsState['flow']) : null, stock: r.stock ? (JSON.parse(r.stock) as RollupsState['stock']) : null };
}

/** The current catalogue's child-exploitation codes, sorted (as stat_flow_rebuild stores them). */
export async function currentCodes(db: Db | Tx): Promise<string[]> {
  const { rows } = await sql<{ code: string }>`SELECT code FROM offences WHERE child_exploitation ORDER BY code`.execute(db);
  return rows.map((r) => r.code);
}

export const sameCodes = (a: readonly string[], b: readonly string[]): boolean => {
  const norm = (xs: readonly string[]) => [...new Set(xs)].sort().join('\n');
  return norm(a) === norm(b);
};

/**
 * Whether the flow table is keyed for this zone and (when the figure filters on child exploitation) these codes.
 * `codes` null: the figure does not read the flag, so the codes do not matter.
 */
export function flowKeyedFor(flow: FlowKeys | null, timeZone: string, codes: readonly string[] | null): boolean {
  if (!flow || flow.timeZone !== timeZone) return false;
  return codes === null || sameCodes(codes, flow.codes);
}

export interface RollupsDue {
  /** Why the flow table should be rebuilt (null: keyed as asked). */
  flow: string | null;
  /** Why the stock rollup should be rebuilt (null: its days are in the zone asked). */
  stock: string | null;
  /** Months without a checkpoint up to the current month of the rollup's zone (0: up to date). */
  checkpoints: number;
}

const monthsBetween = (from: string, to: string) => {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
};

export function rollupsDue(state: RollupsState, wanted: Wanted): RollupsDue {
  const flow = !state.flow ? 'no key row'
    : state.flow.building ? 'a rebuild is under way or was cut short'
    : state.flow.timeZone !== wanted.timeZone ? `keyed for time zone ${state.flow.timeZone}, figures are asked in ${wanted.timeZone}`
    : !sameCodes(state.flow.codes, wanted.codes) ? 'keyed for other child-exploitation offence codes than the catalogue\'s'
    : null;
  const stock = !state.stock ? 'no key row'
    : state.stock.building ? 'a rebuild is under way or was cut short'
    : state.stock.timeZone !== wanted.timeZone ? `days in time zone ${state.stock.timeZone}, figures are asked in ${wanted.timeZone}`
    : null;
  // After a zone rebuild the checkpoints are made anew; before it, counting the old zone's months says nothing.
  const checkpoints = state.stock && !stock
    ? (state.stock.lastCheckpoint === null ? (state.stock.hasChanges ? 1 : 0) : Math.max(0, monthsBetween(state.stock.lastCheckpoint, state.stock.currentMonth)))
    : 0;
  return { flow, stock, checkpoints };
}

/** What is due now for figures asked in `timeZone` under the current catalogue. */
export async function rollupsDueNow(db: Db | Tx, timeZone: string): Promise<RollupsDue> {
  const state = await readRollups(db);
  return rollupsDue(state, { timeZone, codes: await currentCodes(db) });
}

/** One line for logs, or null when nothing is due (checkpoints alone are the schedule's, not worth a line). */
export function describeDue(due: RollupsDue): string | null {
  const parts = [
    due.flow && `flow figures (${due.flow})`,
    due.stock && `cases by status (${due.stock})`,
  ].filter(Boolean);
  return parts.length ? `statistics: rollup rebuild due for ${parts.join('; ')}; these figures read the exact SQL (right, slower) until \`amaan stats rebuild\` runs` : null;
}
