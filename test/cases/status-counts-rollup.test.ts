import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApp, detectEngines } from '../support/harness.ts';

// An analyst's home status counts come from the stock rollup (migration 0039's national count per status), not
// from counting cases (5 s at 1,000,000 cases): the same answer as a GROUP BY over cases after inserts, status
// changes, a branch move and a delete; the rollup is what is read (a change planted in it shows); while the
// rollup is being rebuilt the cases are counted. Other roles still count their own cases. Both engines.
const { engines } = await detectEngines();

type Counts = { counts: Array<{ status: string; count: number; exact: boolean }>; total: number; totalExact: boolean; bound: number };

describe.each(engines)('analyst status counts from the stock rollup on %s', (engine) => {
  it('equal a count of the cases, read from the rollup, and fall back while it is rebuilt', async () => {
    const t = await createTestApp(engine);
    try {
      const counts = async (user: Parameters<typeof t.call>[0], query = '') => {
        const res = await t.call(user, 'GET', `/api/v1/cases/status-counts${query}`);
        expect(res.statusCode, res.body).toBe(200);
        return Object.fromEntries((res.json() as Counts).counts.filter((c) => c.count > 0).map((c) => [c.status, c.count]));
      };
      const truth = async (where = 'true') => t.asOwner(async (db) => Object.fromEntries((await sql<{ status: string; n: number }>`
        SELECT status, count(*)::int AS n FROM cases WHERE ${sql.raw(where)} GROUP BY status`.execute(db)).rows.map((r) => [r.status, r.n])));
      await t.asOwner(async (db) => {
        await sql`INSERT INTO cases (branch_id, title, summary, status, reported_at)
          SELECT CASE WHEN g % 3 = 0 THEN ${t.branchB}::int ELSE ${t.branchA}::int END, 'Rollup case ' || g, 'synthetic',
            (ARRAY['complaint_received', 'under_investigation', 'convicted'])[1 + g % 3], now() - g * interval '9 days'
          FROM generate_series(1, 60) g`.execute(db);
        // Later writes: status changes (with their history, as the service writes them), a branch move, a delete.
        await sql`UPDATE cases SET status = 'under_investigation' WHERE title IN ('Rollup case 1', 'Rollup case 4', 'Rollup case 7')`.execute(db);
        await sql`INSERT INTO case_status_history (case_id, from_status, to_status, reason, at)
          SELECT id, 'complaint_received', 'under_investigation', 'synthetic', now() FROM cases WHERE title IN ('Rollup case 1', 'Rollup case 4', 'Rollup case 7')`.execute(db);
        await sql`UPDATE cases SET branch_id = ${t.branchB} WHERE title = 'Rollup case 10'`.execute(db);
        await sql`DELETE FROM cases WHERE title = 'Rollup case 11'`.execute(db);
      });
      const all = await truth();
      expect(Object.keys(all).length).toBeGreaterThan(1);
      expect(await counts('analyst')).toEqual(all);
      expect(await counts('analyst', `?branchId=${t.branchA}`)).toEqual(await truth(`branch_id = ${t.branchA}`));
      expect(await counts('analyst', `?branchId=${t.branchB}`)).toEqual(await truth(`branch_id = ${t.branchB}`));
      // A supervisor counts their own cases (the rollup knows nothing of team grants).
      expect(await counts('supA')).toEqual(await truth(`branch_id = ${t.branchA} OR id IN (SELECT case_id FROM case_team WHERE user_id = '${t.users.supA.id}')`));

      // The rollup is what the analyst's counts read: a change planted in it (after its last checkpoint; in no case) shows.
      await t.asOwner(async (db) => {
        await sql`INSERT INTO stock_status_daily (day, district_id, branch_id, status, set_id, delta)
          SELECT current_date + 1, (SELECT min(id) FROM districts), ${t.branchA}::int, 'convicted', (SELECT min(id) FROM stock_offence_sets), 1000`.execute(db);
      });
      expect((await counts('analyst')).convicted).toBe((all.convicted ?? 0) + 1000);
      // While the rollup is being rebuilt it is not read: the cases are counted.
      await t.asOwner(async (db) => { await sql`UPDATE stock_rollup_meta SET building = gen_random_uuid() WHERE id = 1`.execute(db); });
      expect(await counts('analyst')).toEqual(all);
    } finally {
      await t.close();
    }
  }, 300_000);
});
