import { LOCK_CLASS } from './advisory-lock.ts';

// Secondary indexes dropped by a bulk load (`amaan generate` on PostgreSQL drops them for the COPY load and builds
// them once at the end) are noted in pending_index_builds (migration 0043) in the transaction that drops them, and
// each row goes when its index is built again. A load killed in between (SIGKILL, a crash, the machine lost)
// leaves rows there, and the tables without those indexes: every later search would scan. The load holds a
// session advisory lock (LOCK_CLASS.bulkLoad) for its whole run, so whoever finds rows and can take the lock knows
// the load that wrote them is dead, and builds the indexes; rows found while the lock is held belong to a load
// still running and are left to it.

/** One connection (a session): the lock and its release must go to the same one. */
export type SessionQuery = <R extends Record<string, unknown> = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<{ rows: R[] }>;

export interface DroppedIndex { name: string; definition: string }

const LOCK = `${LOCK_CLASS.bulkLoad}, hashtext('bulk load')`;

/** Takes the bulk-load lock, waiting at most `waitMs` (a load killed a moment ago may still be ending); false if held. */
export async function takeBulkLoadLock(q: SessionQuery, waitMs: number): Promise<boolean> {
  await q('BEGIN');
  try {
    await q(`SET LOCAL lock_timeout = '${Math.max(1, Math.round(waitMs))}ms'`);
    await q(`SELECT pg_advisory_lock(${LOCK})`);
    await q('COMMIT');
    return true;
  } catch (err) {
    await q('ROLLBACK');
    if ((err as { code?: string }).code === '55P03') return false;
    throw err;
  }
}

export async function releaseBulkLoadLock(q: SessionQuery): Promise<void> {
  await q(`SELECT pg_advisory_unlock(${LOCK})`);
}

/** Indexes noted as dropped and not yet built. */
export async function pendingIndexBuilds(q: SessionQuery): Promise<DroppedIndex[]> {
  return (await q<{ name: string; definition: string }>('SELECT name, definition FROM pending_index_builds ORDER BY name')).rows;
}

/** Notes indexes about to be dropped: call inside the transaction that drops them. */
export async function noteDropped(q: SessionQuery, indexes: readonly DroppedIndex[]): Promise<void> {
  if (!indexes.length) return;
  await q(`INSERT INTO pending_index_builds (name, definition) SELECT * FROM unnest($1::text[], $2::text[])
    ON CONFLICT (name) DO UPDATE SET definition = EXCLUDED.definition`, [indexes.map((i) => i.name), indexes.map((i) => i.definition)]);
}

/** Builds one noted index (unless it exists already) and forgets it. */
export async function buildNoted(q: SessionQuery, index: DroppedIndex): Promise<void> {
  const exists = (await q<{ n: number }>(`SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = current_schema() AND indexname = $1`, [index.name])).rows[0]!.n > 0;
  if (!exists) await q(index.definition);
  await q('DELETE FROM pending_index_builds WHERE name = $1', [index.name]);
}

/** The figures' pre-aggregates, kept by row triggers a bulk load skips: rebuilt from the tables (migrations 0038, 0039, 0044). */
export async function rebuildFigureRollups(q: SessionQuery): Promise<void> {
  await q(`SELECT stat_flow_rebuild(m.time_zone, m.ce_codes) FROM stat_flow_meta m`);
  await q(`SELECT stock_rollup_rebuild(m.time_zone) FROM stock_rollup_meta m WHERE m.id = 1`);
  await q(`SELECT stat_stock_spans_rebuild()`);
}

/**
 * At start as the owner (after migrations): finishes what a killed bulk load left, the dropped indexes and the
 * figures' rollups. Returns how many indexes were built; 0 when none was pending or a load is running.
 */
export async function repairInterruptedLoad(q: SessionQuery, say?: (line: string) => void, waitMs = 3_000): Promise<number> {
  if (!(await pendingIndexBuilds(q)).length) return 0;
  if (!(await takeBulkLoadLock(q, waitMs))) return 0;
  try {
    const pending = await pendingIndexBuilds(q);
    if (!pending.length) return 0;
    const t0 = performance.now();
    say?.(`an interrupted bulk load left ${pending.length} indexes unbuilt: building them...`);
    for (const index of pending) await buildNoted(q, index);
    await rebuildFigureRollups(q);
    say?.(`${pending.length} indexes built and figures' rollups rebuilt in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return pending.length;
  } finally {
    await releaseBulkLoadLock(q);
  }
}
