import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApp, detectEngines } from '../support/harness.ts';
import { COUNT_BOUND } from '../../src/platform/http/schema-kit.ts';
import { caseStatusCounts } from '../../src/modules/cases/case.service.ts';
import type { ServiceContext } from '../../src/platform/context.ts';

// Lists over national-size tables (cases, persons) count their matches only up to COUNT_BOUND (issue 13 §5): beyond
// it the API says `totalExact: false` and `total: COUNT_BOUND` (the web app shows "10,000+"); below it the count is
// exact. Either way it counts only what the caller may read. Both engines.
const { engines } = await detectEngines();

type Page = { items: unknown[]; total: number; totalExact: boolean; limit: number; offset: number };

describe.each(engines)('bounded totals on %s', (engine) => {
  it('cases and persons: exact up to the bound, "more than" past it, never counting what the caller may not see', async () => {
    const t = await createTestApp(engine);
    try {
      const over = COUNT_BOUND + 1;
      await t.asOwner(async (db) => {
        await sql`INSERT INTO cases (branch_id, title, summary, status)
          SELECT ${t.branchA}, CASE WHEN g <= 7 THEN 'Quokka marketplace fraud ' ELSE 'Bulk synthetic case ' END || g, 'synthetic', 'complaint_received'
          FROM generate_series(1, ${over}) g`.execute(db);
        // invA is on the team of three of them.
        await sql`INSERT INTO case_team (case_id, user_id) SELECT id, ${t.users.invA.id} FROM cases WHERE title LIKE 'Bulk synthetic case %' ORDER BY title LIMIT 3`.execute(db);
        await sql`INSERT INTO persons (id, display_name) SELECT gen_random_uuid(), 'Zarghuna Bulkperson ' || g FROM generate_series(1, ${over}) g`.execute(db);
        await sql`INSERT INTO person_names (person_id, name, script, kind, name_key) SELECT id, display_name, 'latin', 'primary', 'zrgn blkprsn' FROM persons WHERE display_name LIKE 'Zarghuna %'`.execute(db);
        await sql`ANALYZE`.execute(db);
      });
      const page = async (user: Parameters<typeof t.call>[0], url: string) => {
        const res = await t.call(user, 'GET', url);
        expect(res.statusCode, url).toBe(200);
        return res.json() as Page;
      };
      // An analyst sees every case: more than the bound.
      const all = await page('analyst', '/api/v1/cases?limit=5');
      expect(all).toMatchObject({ total: COUNT_BOUND, totalExact: false, limit: 5, offset: 0 });
      expect(all.items).toHaveLength(5);
      // A narrower search is counted exactly.
      expect(await page('analyst', '/api/v1/cases?q=quokka')).toMatchObject({ total: 7, totalExact: true });
      // An investigator counts only the cases of their teams; one of another branch counts none.
      expect(await page('invA', '/api/v1/cases')).toMatchObject({ total: 3, totalExact: true });
      expect(await page('invB', '/api/v1/cases')).toMatchObject({ total: 0, totalExact: true });
      // The supervisor of the branch sees all of them (and of the fixtures' none): bounded.
      expect(await page('supA', '/api/v1/cases?limit=1')).toMatchObject({ total: COUNT_BOUND, totalExact: false });
      expect(await page('supB', '/api/v1/cases')).toMatchObject({ total: 0, totalExact: true });

      // Persons: the analyst's name search passes the bound; an investigator sees none of these persons (on no case of theirs).
      expect(await page('analyst', '/api/v1/persons?q=zarghuna&limit=3')).toMatchObject({ total: COUNT_BOUND, totalExact: false, limit: 3 });
      expect(await page('analyst', '/api/v1/persons?q=bulkperson%2010001')).toMatchObject({ total: 1, totalExact: true });
      expect(await page('invA', '/api/v1/persons?q=zarghuna')).toMatchObject({ total: 0, totalExact: true });

      // Home page status counts (one request): past the lists' bound each status is still counted exactly (the
      // page used to add list totals capped at 10,001); only what the caller may see is counted.
      type Counts = { counts: Array<{ status: string; count: number; exact: boolean }>; total: number; totalExact: boolean; bound: number };
      const counts = async (user: Parameters<typeof t.call>[0], url = '/api/v1/cases/status-counts') => {
        const res = await t.call(user, 'GET', url);
        expect(res.statusCode, res.body).toBe(200);
        return res.json() as Counts;
      };
      const truth = async (where: string) => t.asOwner(async (db) => Object.fromEntries((await sql<{ status: string; n: number }>`
        SELECT status, count(*)::int AS n FROM cases WHERE ${sql.raw(where)} GROUP BY status`.execute(db)).rows.map((r) => [r.status, r.n])));
      const expectCounts = (c: Counts, want: Record<string, number>) => {
        for (const x of c.counts) expect(x, x.status).toEqual({ status: x.status, count: want[x.status] ?? 0, exact: true });
        expect(c.total).toBe(Object.values(want).reduce((a, b) => a + b, 0));
        expect(c.totalExact).toBe(true);
      };
      const supA = await counts('supA');
      expect(supA.counts.find((x) => x.status === 'complaint_received')!.count).toBeGreaterThan(COUNT_BOUND);
      expectCounts(supA, await truth(`branch_id = ${t.branchA}`));
      expectCounts(await counts('analyst'), await truth('true'));
      expectCounts(await counts('analyst', `/api/v1/cases/status-counts?branchId=${t.branchB}`), await truth(`branch_id = ${t.branchB}`));
      expectCounts(await counts('invA'), await truth(`id IN (SELECT case_id FROM case_team WHERE user_id = '${t.users.invA.id}')`));
      expectCounts(await counts('invB'), await truth(`id IN (SELECT case_id FROM case_team WHERE user_id = '${t.users.invB.id}')`));
      expectCounts(await counts('supB'), await truth(`branch_id = ${t.branchB}`));
      const bad = await t.call('supA', 'GET', '/api/v1/cases/status-counts?branchId=x');
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('branchId');
      // Past the bound a count is "more than" (a small bound here: the API's is 100,000).
      const u = t.users.supA;
      const asSupA: ServiceContext = { ...t.ctx, actor: { id: u.id, username: u.username, displayName: u.username, role: u.role, branchId: u.branchId, ip: null } };
      const small = await caseStatusCounts(asSupA, {}, 10);
      expect(small.counts.find((x) => x.status === 'complaint_received')).toEqual({ status: 'complaint_received', count: 10, exact: false });
      expect(small).toMatchObject({ totalExact: false, bound: 10 });
    } finally {
      await t.close();
    }
  }, 300_000);
});
