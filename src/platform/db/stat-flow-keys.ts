import { sql } from 'kysely';
import type { Db } from './database.ts';

/**
 * Keys the statistics' pre-aggregations (migrations 0038 and 0039) as the figures are asked — the configured time
 * zone and the offence catalogue's child-exploitation codes as they stand — ONLY while there are no cases, when
 * a rebuild costs nothing: a new database (the catalogue is seeded after the migrations' backfill) or a zone
 * configured before any data. Run after migrations and reference data. With cases, a start never rebuilds (minutes
 * at a million cases): the figures read the exact SQL until `amaan stats rebuild` (src/modules/stats/rollup/),
 * and the server says so at start (src/modules/stats/rollup/state.ts). Returns whether it re-keyed anything.
 */
export async function keyFlowEvents(db: Db, timeZone: string): Promise<boolean> {
  const { rows } = await sql<{ flow: boolean | null; stock: boolean | null; empty: boolean }>`
    SELECT (SELECT m.time_zone = ${timeZone} AND m.ce_codes = ARRAY(SELECT code FROM offences WHERE child_exploitation ORDER BY code) AND m.building IS NULL FROM stat_flow_meta m) AS flow,
      (SELECT s.time_zone = ${timeZone} AND s.building IS NULL FROM stock_rollup_meta s WHERE s.id = 1) AS stock,
      NOT EXISTS (SELECT 1 FROM cases) AS empty`.execute(db);
  const r = rows[0]!;
  if (!r.empty || (r.flow === true && r.stock === true)) return false;
  if (r.flow !== true) await sql`SELECT stat_flow_rebuild(${timeZone}, ARRAY(SELECT code FROM offences WHERE child_exploitation))`.execute(db);
  // As the migration: the current month's (empty) checkpoint, so the cases that come later move it.
  if (r.stock !== true) {
    await sql`SELECT stock_rollup_rebuild(${timeZone}), stock_extend_checkpoints(), stock_caseload_extend_checkpoints()`.execute(db);
    // Rebuilt whole: an online rebuild cut short (its token, migration 0044) is over. (No cases: none is running.)
    await sql`UPDATE stock_rollup_meta SET building = NULL WHERE id = 1`.execute(db);
  }
  return true;
}
