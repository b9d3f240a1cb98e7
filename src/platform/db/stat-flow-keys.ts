import { sql } from 'kysely';
import type { Db } from './database.ts';

/**
 * Keeps the flow figures' events (migration 0038) keyed as the figures are asked: the configured time zone and the
 * offence catalogue's child-exploitation codes as they stand. Run after migrations and reference data (the
 * catalogue is seeded after the migration's backfill on a new database): when either differs from the table's, the
 * table is rebuilt (stat_flow_rebuild). Until then, or for a figure under another catalogue, the figures read the
 * exact SQL (src/modules/stats/figures/rollup.ts), so an answer is never wrong, only slower.
 */
export async function keyFlowEvents(db: Db, timeZone: string): Promise<boolean> {
  const { rows } = await sql<{ same: boolean }>`
    SELECT (m.time_zone = ${timeZone} AND m.ce_codes = ARRAY(SELECT code FROM offences WHERE child_exploitation ORDER BY code)) AS same
    FROM stat_flow_meta m`.execute(db);
  if (rows[0]?.same !== false) return false;
  await sql`SELECT stat_flow_rebuild(${timeZone}, ARRAY(SELECT code FROM offences WHERE child_exploitation))`.execute(db);
  return true;
}
