import { randomUUID } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
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
// Three parts, in this order: flow, stock, checkpoints. A run cut short leaves the parts before it committed, and
// the next run starts where it stopped (the job records each part as a step).
//
// Flow and stock are rebuilt ONLINE (rebuildPartOnline, session 9): writers of cases never wait for the whole
// rebuild, only, case by case, for the short batch that refreshes their case. Three steps:
//   1. begin (one short transaction, with the meta table locked so two rebuilds start one after the other):
//      decide whether it is due; if so write the new keys (zone, codes) into the meta row with a token in
//      `building` (migration 0044). From that commit on, the triggers refresh every case a write touches under
//      the new keys, and the figures read the exact SQL (a rollup with a token is not used: state.ts, stock.ts).
//   2. refresh every case, in id order, ONLINE_BATCH cases per transaction, with the part's own refresh function (the
//      one the triggers call: it locks its cases first, FOR NO KEY UPDATE, then reads the keys, then deletes and
//      writes their rows; the stock rollup's sums and checkpoints move by the difference, so they stay the sums
//      of the parts). Then the rows of cases that no longer exist (left by a load with triggers off). A batch gives
//      way to writers (a short lock_timeout, then rolled back and retried: refreshBatch), so a writer is not the
//      one aborted when it and a batch wait for each other's rows.
//   3. finish (one short transaction, audited): clear the token, only if it is still this rebuild's.
// Why it is exact: a write that read the old keys held its case's lock from before step 1 committed, so the
// batch that refreshes that case waits for it and refreshes it again under the new keys; any later write reads
// the new keys itself; a case created after its batch went by is written by its trigger. Another rebuild that
// began meanwhile replaced the token: this one's finish changes nothing, the other's finishes it.
// rebuildPart (everything in ONE transaction under the part's table lock: writers wait for all of it) stays for
// the checkpoints part, which is short, and for bench/rollup-rebuild.bench.ts's comparison.

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

/** Units of progress of a part in rebuildPart: the stock rebuild's statements, one for the others. */
export const partSteps = (part: RollupPart): number => (part === 'stock' ? rebuildStatements('UTC').length + 1 : 1);

/** Cases refreshed per transaction by an online rebuild (each batch holds its cases' locks until it commits). */
export const ONLINE_BATCH = 500;

/**
 * A batch gives way to writers: it waits at most this long for any lock (a writer's case, or a sum row a writer
 * has moved) and is then rolled back and tried again. A writer that touched a sum row and then waits for a case
 * the batch holds would otherwise be in a deadlock with it, and either could be the one PostgreSQL aborts (after
 * deadlock_timeout, 1 s by default): the batch's shorter lock timeout makes it, nearly always, the batch.
 */
const BATCH_LOCK_TIMEOUT = '200ms';
const BATCH_TRIES = 20;
const givesWay = (err: unknown) => ['55P03', '40P01'].includes((err as { code?: string }).code ?? '');

/** One batch's refresh in its own transaction, retried while it gives way to writers (then it waits as they do). */
async function refreshBatch(db: ServiceContext['db'], refresh: RawBuilder<unknown>[], ids: string[]): Promise<void> {
  const run = (timeout: boolean) => db.transaction().execute(async (tx) => {
    if (timeout) await sql.raw(`SET LOCAL lock_timeout = '${BATCH_LOCK_TIMEOUT}'`).execute(tx);
    // In order: the first locks the cases (the stock rollup's refresh), the caseload sums read the cases' intervals.
    for (const fn of refresh) await sql`SELECT ${fn}(ARRAY(SELECT x::uuid FROM jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) x))`.execute(tx);
  });
  for (let attempt = 1; attempt < BATCH_TRIES; attempt++) {
    try {
      return await run(true);
    } catch (err) {
      if (!givesWay(err)) throw err;
      await new Promise((r) => setTimeout(r, Math.min(1_000, 20 * attempt)));
    }
  }
  await run(false);
}

interface OnlineBegin {
  token: string | null;
  reason: string | null;
  codes: string[];
}

/** Step 1 of an online rebuild: due? then the new keys and a token, in the caller's (short) transaction. */
export async function beginOnline(tx: Tx, part: 'flow' | 'stock', timeZone: string, force: boolean): Promise<OnlineBegin> {
  // A zone PostgreSQL does not know fails here, before the triggers could read it.
  await sql`SELECT now() AT TIME ZONE ${timeZone}`.execute(tx);
  const meta = part === 'flow' ? 'stat_flow_meta' : 'stock_rollup_meta';
  // Not the rollup's table: writers' triggers only read the meta row (no conflict with this lock).
  await sql`LOCK TABLE ${sql.table(meta)} IN SHARE ROW EXCLUSIVE MODE`.execute(tx);
  const codes = part === 'flow' ? await currentCodes(tx) : [];
  const due = rollupsDue(await readRollups(tx), { timeZone, codes })[part] ?? (force ? 'forced' : null);
  if (!due) return { token: null, reason: null, codes };
  const token = randomUUID();
  if (part === 'flow') {
    await sql`DELETE FROM stat_flow_meta`.execute(tx);
    await sql`INSERT INTO stat_flow_meta (time_zone, ce_codes, building) VALUES (${timeZone}, ARRAY(SELECT x FROM jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb) x ORDER BY x), ${token}::uuid)`.execute(tx);
  } else {
    await sql`INSERT INTO stock_rollup_meta (id, time_zone, building) VALUES (1, ${timeZone}, ${token}::uuid)
      ON CONFLICT (id) DO UPDATE SET time_zone = excluded.time_zone, building = excluded.building`.execute(tx);
  }
  return { token, reason: due, codes };
}

/** Step 2: every case, then the rows of cases gone, through the part's refresh function, BATCH cases per transaction. */
async function refreshAllOnline(db: ServiceContext['db'], part: 'flow' | 'stock', opts: { batch?: number; onBatch?: (refreshed: number) => Promise<void> | void }): Promise<number> {
  const batch = opts.batch ?? ONLINE_BATCH;
  // The stock part moves the status rollup and the caseload sums (migration 0047) to the new zone together.
  // The flow part re-keys the backlog and cohort histograms (migrations 0051, 0052, 0055: the flow table's zone and codes) with it.
  const refresh = part === 'flow' ? [sql`stat_flow_refresh`, sql`stock_backlog_refresh`, sql`stock_cohort_refresh`, sql`stock_cohort_area_refresh`] : [sql`stock_refresh_cases`, sql`stock_caseload_refresh`];
  const rows = part === 'flow'
    ? sql`(SELECT case_id FROM stat_flow UNION ALL SELECT case_id FROM stock_backlog_parts UNION ALL SELECT case_id FROM stock_cohort_parts UNION ALL SELECT case_id FROM stock_cohort_area_parts)`
    : sql`(SELECT case_id FROM stock_case_parts UNION ALL SELECT case_id FROM stock_caseload_parts)`;
  let cursor: string | null = null;
  let refreshed = 0;
  for (;;) {
    const ids: string[] = (await sql<{ id: string }>`SELECT id FROM cases ${cursor === null ? sql`` : sql`WHERE id > ${cursor}::uuid`} ORDER BY id LIMIT ${batch}`.execute(db)).rows.map((r) => r.id);
    if (!ids.length) break;
    await refreshBatch(db, refresh, ids);
    cursor = ids.at(-1)!;
    refreshed += ids.length;
    await opts.onBatch?.(refreshed);
  }
  // Rows of cases that are gone (a load with triggers off deleted them): their refresh deletes them.
  for (;;) {
    const gone = (await sql<{ id: string }>`SELECT DISTINCT r.case_id AS id FROM ${rows} r WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = r.case_id) LIMIT ${batch}`.execute(db)).rows.map((r) => r.id);
    if (!gone.length) break;
    await refreshBatch(db, refresh, gone);
  }
  return refreshed;
}

/**
 * Deletes the rows of `table` whose `column` is 0, skipping any a writer holds: writers keep moving the sums while a
 * rebuild finishes, and a DELETE that waited for one of them while it waited for a row this one had deleted was a
 * deadlock (found by test/stats/rollup-online.test.ts). A row skipped is a row of nothing, read as nothing; a later
 * finish drops it.
 */
async function dropZeroSums(tx: Tx, table: string, column: string): Promise<void> {
  await sql`DELETE FROM ${sql.table(table)} WHERE ctid = ANY (ARRAY(SELECT z.ctid FROM ${sql.table(table)} z WHERE ${sql.ref(`z.${column}`)} = 0 FOR UPDATE SKIP LOCKED))`.execute(tx);
}

/**
 * Waits until every transaction of this database that had written before the new keys committed has ended (as CREATE
 * INDEX CONCURRENTLY waits for older transactions): such a writer may have written its cases under the OLD keys, and a
 * case it CREATED is invisible to the batches' list of cases until it commits, so a batch that had already passed its
 * id would never rewrite it (found by test/stats/rollup-online.test.ts: a case made by a writer holding its transaction
 * open across the start kept its flow rows in the old zone). After the wait every such case is committed and listed,
 * and every later statement reads the new keys. Transactions are those with a transaction id (they wrote), named by
 * pid and id in pg_stat_activity (visible to the application role); PGlite has one session: nothing to wait for.
 */
async function waitForOlderWriters(db: ServiceContext['db']): Promise<void> {
  const writers = sql<{ w: string }>`SELECT a.pid::text || ':' || a.backend_xid::text AS w FROM pg_stat_activity a
    WHERE a.datname = current_database() AND a.backend_xid IS NOT NULL AND a.pid <> pg_backend_pid()`;
  const older = new Set((await writers.execute(db)).rows.map((r) => r.w));
  for (let i = 0; older.size > 0; i++) {
    await new Promise((r) => setTimeout(r, Math.min(500, 10 * (i + 1))));
    const now = new Set((await writers.execute(db)).rows.map((r) => r.w));
    for (const w of older) if (!now.has(w)) older.delete(w);
  }
}

/** Step 3: the token cleared if it is still this rebuild's (audited with it); the part's outcome. */
export async function finishOnline(tx: Tx, audit: Audit, part: 'flow' | 'stock', timeZone: string, begun: OnlineBegin): Promise<PartOutcome> {
  if (!begun.token) return { part, rebuilt: false, reason: null, timeZone, count: 0 };
  const meta = part === 'flow' ? sql`stat_flow_meta` : sql`stock_rollup_meta`;
  const done = await sql`UPDATE ${meta} SET building = NULL ${part === 'flow' ? sql`, built_at = now()` : sql``} WHERE building = ${begun.token}::uuid`.execute(tx);
  const finished = Number(done.numAffectedRows ?? 0) > 0;
  // Sums moved to zero by the refreshes (a rebuild from scratch writes none): dropped, as rows of nothing.
  const zeroSums = part === 'flow'
    ? [['stock_backlog_daily', 'delta'], ['stock_backlog_checkpoints', 'n'], ['stock_cohort_daily', 'delta'], ['stock_cohort_checkpoints', 'n'],
      ['stock_cohort_area_daily', 'delta'], ['stock_cohort_area_checkpoints', 'n']]
    : [['stock_status_daily', 'delta'], ['stock_status_checkpoints', 'n'], ['stock_caseload_daily', 'delta'], ['stock_caseload_checkpoints', 'n']];
  for (const [table, column] of zeroSums) await dropZeroSums(tx, table!, column!);
  const count = part === 'flow'
    ? Number((await sql<{ n: string }>`SELECT count(*) AS n FROM stat_flow`.execute(tx)).rows[0]!.n)
    : await countParts(tx);
  const reason = finished ? begun.reason : `${begun.reason}; another rebuild began meanwhile and finishes it`;
  await audit({ action: 'stats.rollup.rebuild', entityType: 'statistics', entityId: null, details: { part, reason, timeZone, online: true, finished, ...(part === 'flow' ? { codes: begun.codes, rows: count } : { caseParts: count }) } });
  return { part, rebuilt: true, reason: begun.reason, timeZone, count };
}

export interface OnlineOptions {
  force?: boolean;
  /** Cases per transaction (tests make it small to write between batches). */
  batch?: number;
  /** After each batch has committed (progress; tests write here). */
  onBatch?: (refreshed: number) => Promise<void> | void;
}

/**
 * Flow or stock rebuilt online (see the top of this file): begin and finish are short transactions, the cases
 * are refreshed in batches between them. `finish` runs step 3 (the job runs it as its step, so its mark commits with it).
 */
export async function rebuildPartOnline(
  ctx: ServiceContext, part: 'flow' | 'stock', opts: OnlineOptions = {},
  finish: (work: (tx: Tx, audit: Audit) => Promise<PartOutcome>) => Promise<PartOutcome> = (work) => inTransaction(ctx, work),
): Promise<PartOutcome> {
  const timeZone = ctx.config.timeZone;
  const begun = await ctx.db.transaction().execute((tx) => beginOnline(tx, part, timeZone, opts.force === true));
  if (begun.token) {
    await waitForOlderWriters(ctx.db);
    await refreshAllOnline(ctx.db, part, opts);
  }
  return finish((tx, audit) => finishOnline(tx, audit, part, timeZone, begun));
}

const countParts = async (tx: Tx) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM stock_case_parts`.execute(tx)).rows[0]!.n);

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
    // The caseload sums (migration 0047) in the same zone, as stock_rollup_rebuild does.
    await sql`SELECT stock_caseload_rebuild()`.execute(tx);
    step();
    const parts = await countParts(tx);
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
  /** Cases per transaction of the online parts (ONLINE_BATCH). */
  batch?: number;
  /** After each committed batch of an online part (tests write here, between batches). */
  onBatch?: (part: RollupPart, refreshed: number) => Promise<void> | void;
  parts?: readonly RollupPart[];
  onProgress?: (done: number, total: number, part: RollupPart) => void;
}

/**
 * The command's rebuild: flow and stock online (writers wait only for the batch of their case), the checkpoints
 * in one short transaction; a part committed stays so if a later one fails. Progress in cases refreshed.
 */
export async function rebuildRollups(ctx: ServiceContext, opts: RebuildOptions = {}): Promise<PartOutcome[]> {
  const parts = ROLLUP_PARTS.filter((p) => !opts.parts || opts.parts.includes(p));
  const cases = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM cases`.execute(ctx.db)).rows[0]!.n);
  const units = (p: RollupPart) => (p === 'checkpoints' ? 1 : cases + 1);
  const total = parts.reduce((n, p) => n + units(p), 0);
  let done = 0;
  const out: PartOutcome[] = [];
  for (const part of parts) {
    opts.onProgress?.(done, total, part);
    const start = done;
    if (part === 'checkpoints') {
      out.push(await inTransaction(ctx, (tx, audit) => rebuildPart(tx, audit, part, ctx.config.timeZone)));
    } else {
      out.push(await rebuildPartOnline(ctx, part, {
        force: opts.force,
        batch: opts.batch,
        onBatch: async (n) => {
          opts.onProgress?.((done = start + Math.min(n, cases)), total, part);
          await opts.onBatch?.(part, n);
        },
      }));
    }
    opts.onProgress?.((done = start + units(part)), total, part);
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
