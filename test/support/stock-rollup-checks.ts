// The stock rollup's invariant, checked by the rollup tests: its daily sums are the sums of its per-case parts, and
// each monthly checkpoint is the sum of the daily changes before that month.
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Db } from '../../src/platform/db/database.ts';

interface SumTables { parts: string; daily: string; months: string; checkpoints: string; key: string[] }

/** Daily sums = sums of the parts per day and key; each checkpoint = the daily changes before its month. */
async function expectSumsMatchParts(db: Db, t: SumTables): Promise<void> {
  const key = sql.join(t.key.map((c) => sql.ref(c)));
  const dKey = sql.join(t.key.map((c) => sql.ref(`d.${c}`)));
  const wrongDaily = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (
      SELECT day, ${key}, sum(delta) AS d FROM ${sql.table(t.parts)} GROUP BY day, ${key} HAVING sum(delta) <> 0
    ) p FULL JOIN (SELECT * FROM ${sql.table(t.daily)} WHERE delta <> 0) s USING (day, ${key})
    WHERE p.d IS DISTINCT FROM s.delta`.execute(db);
  expect(wrongDaily.rows[0]!.n, `${t.daily} = sums of ${t.parts}`).toBe(0);
  const wrongCheckpoints = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (
      SELECT m.month, ${dKey}, sum(d.delta) AS n FROM ${sql.table(t.months)} m JOIN ${sql.table(t.daily)} d ON d.day < m.month
      GROUP BY m.month, ${dKey} HAVING sum(d.delta) <> 0
    ) want FULL JOIN (SELECT * FROM ${sql.table(t.checkpoints)} WHERE n <> 0) got USING (month, ${key})
    WHERE want.n IS DISTINCT FROM got.n`.execute(db);
  expect(wrongCheckpoints.rows[0]!.n, `${t.checkpoints} = daily changes before each month`).toBe(0);
}

/** The stock rollup (migration 0039). */
export const expectStockSumsMatchParts = (db: Db): Promise<void> =>
  expectSumsMatchParts(db, { parts: 'stock_case_parts', daily: 'stock_status_daily', months: 'stock_checkpoint_months', checkpoints: 'stock_status_checkpoints', key: ['district_id', 'branch_id', 'status', 'set_id'] });

/** The caseload sums (migration 0047). */
export const expectCaseloadSumsMatchParts = (db: Db): Promise<void> =>
  expectSumsMatchParts(db, { parts: 'stock_caseload_parts', daily: 'stock_caseload_daily', months: 'stock_caseload_months', checkpoints: 'stock_caseload_checkpoints', key: ['unit', 'district_id', 'branch_id', 'set_id'] });

/** The backlog histogram (migration 0051). */
export const expectBacklogSumsMatchParts = (db: Db): Promise<void> =>
  expectSumsMatchParts(db, { parts: 'stock_backlog_parts', daily: 'stock_backlog_daily', months: 'stock_backlog_months', checkpoints: 'stock_backlog_checkpoints', key: ['fir_month', 'district_id', 'branch_id', 'ce'] });

/** The cohort histogram (migration 0052). */
export const expectCohortSumsMatchParts = (db: Db): Promise<void> =>
  expectSumsMatchParts(db, { parts: 'stock_cohort_parts', daily: 'stock_cohort_daily', months: 'stock_cohort_months', checkpoints: 'stock_cohort_checkpoints', key: ['reported_month', 'province', 'status', 'ce'] });

/** The area cohort histogram (migration 0055). */
export const expectCohortAreaSumsMatchParts = (db: Db): Promise<void> =>
  expectSumsMatchParts(db, { parts: 'stock_cohort_area_parts', daily: 'stock_cohort_area_daily', months: 'stock_cohort_area_months', checkpoints: 'stock_cohort_area_checkpoints', key: ['reported_month', 'district_id', 'branch_id', 'status', 'ce'] });
