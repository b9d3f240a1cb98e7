// The stock rollup's invariant, checked by the rollup tests: its daily sums are the sums of its per-case parts, and
// each monthly checkpoint is the sum of the daily changes before that month.
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Db } from '../../src/platform/db/database.ts';

export async function expectStockSumsMatchParts(db: Db): Promise<void> {
  const wrongDaily = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (
      SELECT day, district_id, branch_id, status, set_id, sum(delta) AS d FROM stock_case_parts GROUP BY 1, 2, 3, 4, 5 HAVING sum(delta) <> 0
    ) p FULL JOIN (SELECT * FROM stock_status_daily WHERE delta <> 0) s USING (day, district_id, branch_id, status, set_id)
    WHERE p.d IS DISTINCT FROM s.delta`.execute(db);
  expect(wrongDaily.rows[0]!.n).toBe(0);
  const wrongCheckpoints = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (
      SELECT m.month, d.district_id, d.branch_id, d.status, d.set_id, sum(d.delta) AS n FROM stock_checkpoint_months m JOIN stock_status_daily d ON d.day < m.month
      GROUP BY 1, 2, 3, 4, 5 HAVING sum(d.delta) <> 0
    ) want FULL JOIN (SELECT * FROM stock_status_checkpoints WHERE n <> 0) got USING (month, district_id, branch_id, status, set_id)
    WHERE want.n IS DISTINCT FROM got.n`.execute(db);
  expect(wrongCheckpoints.rows[0]!.n).toBe(0);
}

/** The same invariant for the caseload sums (migration 0047): parts -> daily sums -> monthly checkpoints. */
export async function expectCaseloadSumsMatchParts(db: Db): Promise<void> {
  const wrongDaily = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (
      SELECT day, unit, district_id, branch_id, set_id, sum(delta) AS d FROM stock_caseload_parts GROUP BY 1, 2, 3, 4, 5 HAVING sum(delta) <> 0
    ) p FULL JOIN (SELECT * FROM stock_caseload_daily WHERE delta <> 0) s USING (day, unit, district_id, branch_id, set_id)
    WHERE p.d IS DISTINCT FROM s.delta`.execute(db);
  expect(wrongDaily.rows[0]!.n).toBe(0);
  const wrongCheckpoints = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (
      SELECT m.month, d.unit, d.district_id, d.branch_id, d.set_id, sum(d.delta) AS n FROM stock_caseload_months m JOIN stock_caseload_daily d ON d.day < m.month
      GROUP BY 1, 2, 3, 4, 5 HAVING sum(d.delta) <> 0
    ) want FULL JOIN (SELECT * FROM stock_caseload_checkpoints WHERE n <> 0) got USING (month, unit, district_id, branch_id, set_id)
    WHERE want.n IS DISTINCT FROM got.n`.execute(db);
  expect(wrongCheckpoints.rows[0]!.n).toBe(0);
}
