import { sql } from 'kysely';
import { inTransaction, type AuditEvent, type ServiceContext } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { rebuildStatements } from '../../../platform/db/migrations/0039_stock_rollup.ts';
import { rebuildRollup } from '../figures/rollup.ts';
import { extendStockCheckpoints } from './stock.ts';
import { currentCodes, readRollups, rollupsDue, rollupsDueNow } from './state.ts';

// Rebuilding the pre-aggregations (issue 12): `amaan stats rebuild`, the job `stats.rebuild` (rollup.jobs.ts) and
// the server's schedule (checkpoints only). Not at start: at a million cases the flow table alone takes minutes,
// and a stale rollup is never wrong (the figures read the exact SQL until it is rebuilt, state.ts).
//
// Three parts, each in ONE transaction with its audit entry, in this order: flow, stock, checkpoints. Each takes
// its table's lock first and only then decides whether it is due, so a run repeated or run twice at once
// rebuilds a part once; a run cut short leaves the parts before it committed, and the next run starts where it
// stopped (the job records each part as a step). Writers of cases wait for the part's lock meanwhile.

export const ROLLUP_PARTS = ['flow', 'stock', 'checkpoints'] as const;
export type RollupPart = (typeof ROLLUP_PARTS)[number];

type Audit = (event: AuditEvent) => Promise<void>;

export interface PartOutcome {
  part: RollupPart;
  /** false: it was already keyed as asked (nothing written). */
  rebuilt: boolean;
  /** Why it was rebuilt ('forced' with --force). */
  reason: string | null;
  timeZone: string;
  /** flow: events written; stock: case parts written; checkpoints: months added. */
  count: number;
}

/** Units of progress of a part: the stock rebuild's statements, one for the others. */
export const partSteps = (part: RollupPart): number => (part === 'stock' ? rebuildStatements('UTC').length : 1);

const count = async (tx: Tx, table: 'stock_case_parts') => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(tx)).rows[0]!.n);

/** One part in the caller's transaction (the command's, or the job step's). */
export async function rebuildPart(tx: Tx, audit: Audit, part: RollupPart, timeZone: string, opts: { force?: boolean; onStep?: () => void } = {}): Promise<PartOutcome> {
  const step = opts.onStep ?? (() => undefined);
  if (part === 'flow') {
    // stat_flow_rebuild takes the same lock; taken here first so the check below sees a concurrent rebuild's result.
    await sql`LOCK TABLE stat_flow IN SHARE ROW EXCLUSIVE MODE`.execute(tx);
    const codes = await currentCodes(tx);
    const due = rollupsDue(await readRollups(tx), { timeZone, codes }).flow ?? (opts.force ? 'forced' : null);
    if (!due) {
      step();
      return { part, rebuilt: false, reason: null, timeZone, count: 0 };
    }
    const rows = await rebuildRollup(tx, timeZone, codes);
    step();
    await audit({ action: 'stats.rollup.rebuild', entityType: 'statistics', entityId: null, details: { part, reason: due, timeZone, codes, rows } });
    return { part, rebuilt: true, reason: due, timeZone, count: rows };
  }
  if (part === 'stock') {
    // As stock_rollup_rebuild (migration 0039), statement by statement for the progress bar.
    await sql`LOCK TABLE stock_status_daily IN EXCLUSIVE MODE`.execute(tx);
    const due = rollupsDue(await readRollups(tx), { timeZone, codes: [] }).stock ?? (opts.force ? 'forced' : null);
    if (!due) {
      for (let i = 0; i < partSteps('stock'); i++) step();
      return { part, rebuilt: false, reason: null, timeZone, count: 0 };
    }
    for (const s of rebuildStatements(timeZone)) {
      await sql.raw(s).execute(tx);
      step();
    }
    const parts = await count(tx, 'stock_case_parts');
    await audit({ action: 'stats.rollup.rebuild', entityType: 'statistics', entityId: null, details: { part, reason: due, timeZone, caseParts: parts } });
    return { part, rebuilt: true, reason: due, timeZone, count: parts };
  }
  // Checkpoints: stock_extend_checkpoints locks and adds only the months missing (0 when none), so it is safe to repeat.
  const months = await extendStockCheckpoints(tx as never);
  step();
  if (months > 0) await audit({ action: 'stats.rollup.checkpoints', entityType: 'statistics', entityId: null, details: { months } });
  return { part, rebuilt: months > 0, reason: months > 0 ? `${months} month(s) without a checkpoint` : null, timeZone, count: months };
}

export interface RebuildOptions {
  force?: boolean;
  parts?: readonly RollupPart[];
  onProgress?: (done: number, total: number, part: RollupPart) => void;
}

/** The command's rebuild: each part in its own transaction (a part committed stays so if a later one fails). */
export async function rebuildRollups(ctx: ServiceContext, opts: RebuildOptions = {}): Promise<PartOutcome[]> {
  const parts = ROLLUP_PARTS.filter((p) => !opts.parts || opts.parts.includes(p));
  const total = parts.reduce((n, p) => n + partSteps(p), 0);
  let done = 0;
  const out: PartOutcome[] = [];
  for (const part of parts) {
    opts.onProgress?.(done, total, part);
    out.push(await inTransaction(ctx, (tx, audit) => rebuildPart(tx, audit, part, ctx.config.timeZone, {
      force: opts.force,
      onStep: () => opts.onProgress?.(++done, total, part),
    })));
  }
  return out;
}

/**
 * The server's schedule: the stock rollup's checkpoints up to the current month, when a month has begun since
 * the last one (checked without a lock first: most runs write nothing). Returns the months added.
 */
export async function extendCheckpointsIfDue(ctx: ServiceContext): Promise<number> {
  if ((await rollupsDueNow(ctx.db, ctx.config.timeZone)).checkpoints === 0) return 0;
  return (await inTransaction(ctx, (tx, audit) => rebuildPart(tx, audit, 'checkpoints', ctx.config.timeZone))).count;
}
